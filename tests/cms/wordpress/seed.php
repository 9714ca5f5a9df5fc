<?php
// Installs the test WordPress (French) and fills it with what an editor publishes: posts in
// Gutenberg markup with apostrophes, « guillemets », ampersands, a figure, a list, a quote, an
// embed, a lazy-loaded image, a leftover shortcode and a link to another post; categories and
// tags; a featured image, and a real camera photograph as another's; an author with a bio; a draft and a scheduled post that must not
// appear; enough posts for several pages. Run by tests/e2e/wordpress.mjs with PHP's CLI.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
define('WP_INSTALLING', true);
// No mail on this machine: the welcome message is not sent.
function wp_new_blog_notification() {}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

wp_install('Veille test', 'admin', 'admin@example.org', true, '', 'mot-de-passe-de-test', 'fr_FR');
update_option('permalink_structure', '/%postname%/');
update_option('blogdescription', 'L’actualité de l’IA & des données');
update_option('WPLANG', 'fr_FR');
// WordPress' own first post and page are not the newsroom's.
wp_delete_post(1, true);
wp_delete_post(2, true);

$author = wp_insert_user([
    'user_login' => 'claire',
    'user_pass' => 'mot-de-passe-de-test',
    'display_name' => 'Claire Dumas',
    'description' => 'Journaliste, suit la régulation de l’IA.',
    'role' => 'author',
]);

$politique = wp_insert_term('Politique', 'category', ['slug' => 'politique', 'description' => 'Lois, régulation & élections'])['term_id'];
$sante = wp_insert_term('Santé & données', 'category', ['slug' => 'sante'])['term_id'];

function post($title, $slug, $content, $date, $categories, $tags, $extra = []) {
    global $author;
    $id = wp_insert_post(wp_slash(array_merge([
        'post_title' => $title,
        'post_name' => $slug,
        'post_content' => $content,
        'post_status' => 'publish',
        'post_author' => $author,
        'post_date' => $date,
        'post_date_gmt' => get_gmt_from_date($date),
        'post_category' => $categories,
        'tags_input' => $tags,
    ], $extra)), true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    return $id;
}

// A file uploaded to the media library as an editor does (WordPress makes its sizes), with its
// alternative text and caption; its attachment's id.
function upload($file, $name, $title, $alt, $caption) {
    $id = media_handle_sideload(['name' => $name, 'tmp_name' => $file], 0, $title);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    wp_update_post(['ID' => $id, 'post_excerpt' => $caption]);
    return $id;
}

$enquete = post(
    'Santé : les hôpitaux face aux données',
    'hopitaux-et-donnees',
    "<!-- wp:paragraph -->\n<p>Les hôpitaux partagent leurs données avec des équipes de recherche&nbsp;; la confidentialité revient à chaque projet.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Qui voit quoi&nbsp;?</h2>\n<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><li>Les médecins</li><li>Les équipes de recherche</li></ul>\n<!-- /wp:list -->",
    '2024-04-30 09:00:00',
    [$sante],
    ['IA']
);

// An image of the site's own, drawn here (no network): the featured image of the next post,
// and the lazily loaded one in its text.
$image = imagecreatetruecolor(1200, 630);
imagefill($image, 0, 0, imagecolorallocate($image, 30, 60, 120));
$file = wp_tempnam('urne.png');
imagepng($image, $file);
$media = upload($file, 'urne.png', 'Une urne', 'Une urne transparente', 'Illustration : la rédaction');
$upload = wp_get_attachment_url($media);

$rich = post(
    'L’IA & les « élections » européennes',
    'élections-et-ia',
    "<!-- wp:paragraph -->\n<p>Les campagnes s'emparent des modèles de langage : <strong>trois usages</strong> dominent, selon <a href=\"" . home_url('/hopitaux-et-donnees/') . "\">notre enquête</a> et <a href=\"https://www.cnil.fr/\">la CNIL</a>.</p>\n<!-- /wp:paragraph -->\n\n"
    . "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>Un outil ne remplace pas une enquête.</p><cite>Une rédactrice en chef</cite></blockquote>\n<!-- /wp:quote -->\n\n"
    . "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=abc123\",\"type\":\"video\",\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc123\n</div></figure>\n<!-- /wp:embed -->\n\n"
    . "<!-- wp:paragraph -->\n<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"$upload\" alt=\"Une urne\"><noscript><img src=\"$upload\" alt=\"Une urne\"></noscript></p>\n<!-- /wp:paragraph -->\n\n"
    . "<!-- wp:paragraph -->\n<p>[gallery ids=\"1,2\"] Fin de l’article.</p>\n<!-- /wp:paragraph -->",
    '2024-05-23 08:30:00',
    [$politique],
    ['IA', 'Élections']
);
set_post_thumbnail($rich, $media);

// A real camera photograph (5312 × 2988, CC0, from Debian's lomiri-wallpapers-16.04, which
// ./dev.sh installs) as a newsroom uploads one: WordPress keeps a 2560-pixel « -scaled » copy as
// the original and makes its usual sizes (300, 768, 1024, 1536, 2048). The featured image of
// the newest post, and the same photo in its text at the « large » size, as the editor inserts it.
$camera = getenv('VEILLE_PHOTO') ?: '/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg';
$copy = wp_tempnam('pissenlits.jpg');
if (!is_readable($camera) || !copy($camera, $copy)) {
    fwrite(STDERR, "photo introuvable : $camera (paquet Debian lomiri-wallpapers-16.04)\n");
    exit(1);
}
$photo = upload($copy, 'pissenlits.jpg', 'Pissenlits', 'Des akènes de pissenlit à contre-jour dans un pré', 'Photo : Clemens Engelhardt (CC0)');
$large = wp_get_attachment_image_src($photo, 'large')[0];
// Its text is the one the test Ghost publishes too (tests/cms/photo-article.html): an article of
// a reader's length, with three sections (a table of contents).
$figure = "<figure class=\"wp-block-image size-large\"><img src=\"$large\" alt=\"Le même pré, vu de plus près\" class=\"wp-image-$photo\"/><figcaption class=\"wp-element-caption\">Le pré, tel que l’appareil l’a vu.</figcaption></figure>";
$photographie = post(
    'Vision par ordinateur : ce que voient les modèles dans un pré',
    'vision-et-photographie',
    str_replace('{{FIGURE}}', $figure, file_get_contents(__DIR__ . '/../photo-article.html')),
    '2024-06-10 07:00:00',
    [$sante],
    ['IA']
);
set_post_thumbnail($photographie, $photo);

// VEILLE_WP_POSTS more posts for the benchmarks (bench/bench-import.mjs, bench-publish.mjs):
// written straight into WordPress' tables, a thousand rows a statement, the rows wp_insert_post
// would write for such a post (its fields, its category, the category's count). Through
// wp_insert_post, 10,000 took 90 s here and 100,000 more than half an hour; this way, seconds.
$extra = (int) getenv('VEILLE_WP_POSTS');
if ($extra > 0) {
    global $wpdb;
    $taxonomies = [
        $wpdb->get_var($wpdb->prepare("SELECT term_taxonomy_id FROM $wpdb->term_taxonomy WHERE term_id = %d AND taxonomy = 'category'", $politique)),
        $wpdb->get_var($wpdb->prepare("SELECT term_taxonomy_id FROM $wpdb->term_taxonomy WHERE term_id = %d AND taxonomy = 'category'", $sante)),
    ];
    $first = (int) $wpdb->get_var("SELECT COALESCE(MAX(ID), 0) FROM $wpdb->posts") + 1;
    for ($from = 1; $from <= $extra; $from += 1000) {
        $posts = [];
        $terms = [];
        for ($n = $from; $n <= min($extra, $from + 999); $n++) {
            $id = $first + $n - 1;
            // An hour apart, the newest an hour before 2024 (older than the site's own
            // posts, and than anything the benchmark publishes: a post dated in the future
            // would be published in the middle of the archive).
            $at = strtotime('2024-01-01 00:00:00') - ($extra - $n + 1) * 3600;
            $day = date('Y-m-d H:i:s', $at);
            $gmt = get_gmt_from_date($day);
            $content = "<!-- wp:paragraph -->\n<p>La dépêche n° $n rapporte l’actualité de l’IA &amp; des données, avec <strong>les chiffres</strong> du jour.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Ce qu’il faut savoir</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Un second paragraphe, pour que la dépêche ait le poids d’un article court.</p>\n<!-- /wp:paragraph -->";
            $posts[] = $wpdb->prepare(
                '(%d, %d, %s, %s, %s, %s, \'\', \'publish\', \'open\', \'open\', \'\', %s, \'\', \'\', %s, %s, \'\', 0, %s, 0, \'post\', \'\', 0)',
                $id, $author, $day, $gmt, $content, "Dépêche n° $n : l’essentiel", "depeche-$n", $day, $gmt, home_url("/?p=$id")
            );
            $terms[] = $wpdb->prepare('(%d, %d, 0)', $id, $taxonomies[$n % 2 ? 0 : 1]);
        }
        $wpdb->query("INSERT INTO $wpdb->posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES " . implode(',', $posts)) || exit_with($wpdb->last_error);
        $wpdb->query("INSERT INTO $wpdb->term_relationships (object_id, term_taxonomy_id, term_order) VALUES " . implode(',', $terms)) || exit_with($wpdb->last_error);
    }
    wp_update_term_count_now($taxonomies, 'category');
    wp_cache_flush();
}

function exit_with($message) {
    fwrite(STDERR, "seed : $message\n");
    exit(1);
}

// Enough posts for three pages of ten.
for ($n = 1; $n <= 22; $n++) {
    $day = sprintf('2024-03-%02d 10:00:00', $n);
    post(
        "Brève n° $n : ce qu’il faut retenir",
        "breve-$n",
        "<!-- wp:paragraph -->\n<p>La brève n° $n résume l’actualité de la semaine &amp; ses suites.</p>\n<!-- /wp:paragraph -->",
        $day,
        [$n % 2 ? $politique : $sante],
        []
    );
}

// WordPress transliterates Latin accents in slugs but keeps other scripts, percent-encoded.
post('L’IA vue de Shanghai', 'ia-上海', '<p>Un regard venu d’ailleurs.</p>', '2024-06-02 10:00:00', [$politique], ['IA']);

post('Brouillon à ne pas publier', 'brouillon', '<p>Pas encore.</p>', '2024-06-01 10:00:00', [$politique], [], ['post_status' => 'draft']);
post('Article programmé', 'programme', '<p>Plus tard.</p>', '2099-01-01 10:00:00', [$politique], [], ['post_status' => 'future']);

echo "seeded\n";
