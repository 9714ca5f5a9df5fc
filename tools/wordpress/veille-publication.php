<?php
/**
 * Plugin Name: Veille — publication
 * Description: Prévient `veille-content watch` de chaque article publié, modifié, dépublié, mis à la corbeille ou supprimé, et de chaque thème modifié, par une requête signée avec le secret partagé : le site statique est à jour en quelques secondes.
 * Version: 1.0
 *
 * WordPress n'envoie pas de webhooks : cette extension le fait. À déposer telle quelle dans
 * wp-content/mu-plugins/ (une extension « obligatoire » : rien à activer). Réglages, dans
 * wp-config.php :
 *
 *   define('VEILLE_PUBLICATION_URL', 'http://127.0.0.1:8090/wordpress'); // --listen du watcher
 *   define('VEILLE_PUBLICATION_SECRET', '…');                           // son --secret
 *
 * (ou les options `veille_publication_url` et `veille_publication_secret`).
 *
 * Signature : l'en-tête X-Veille-Signature vaut « sha256=<hex>, t=<millisecondes> », le HMAC-SHA256
 * du corps suivi de l'horodatage, comme celle des webhooks de Ghost ; le watcher refuse une
 * requête sans signature, fausse ou vieille de plus de cinq minutes (crates/build/src/publish/webhook.rs).
 * La notification dit seulement quels articles ont changé, pas ce qu'ils disent : le watcher relit
 * ces articles dans WordPress. Les changements d'une même requête partent ensemble, à la fin de celle-ci ; un
 * watcher injoignable ne bloque pas l'éditeur plus de deux secondes, et son tour régulier
 * (--poll) rattrape ce qu'il a manqué.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** Le réglage `name` : la constante VEILLE_PUBLICATION_<NAME>, sinon l'option. */
function veille_publication_setting($name)
{
    $constant = 'VEILLE_PUBLICATION_' . strtoupper($name);
    return defined($constant) ? constant($constant) : get_option('veille_publication_' . $name, '');
}

/** Les changements de la requête en cours, envoyés à sa fin. */
function veille_publication_note($event, $post = null)
{
    static $pending = null;
    if ($pending === null) {
        $pending = [];
        add_action('shutdown', function () use (&$pending) {
            veille_publication_send($pending);
        });
    }
    $pending[] = ['event' => $event, 'post' => $post ? $post->ID : null, 'slug' => $post ? $post->post_name : null];
}

function veille_publication_send($changes)
{
    $url = veille_publication_setting('url');
    $secret = veille_publication_setting('secret');
    if (!$changes || !$url || !$secret) {
        return;
    }
    $events = array_values(array_unique(array_column($changes, 'event')));
    $body = wp_json_encode(['event' => implode(', ', $events), 'changes' => $changes]);
    $time = (string) (int) round(microtime(true) * 1000);
    $signature = 'sha256=' . hash_hmac('sha256', $body . $time, $secret) . ', t=' . $time;
    $answer = wp_remote_post($url, [
        'body' => $body,
        'timeout' => 2,
        'headers' => ['Content-Type' => 'application/json', 'X-Veille-Signature' => $signature],
    ]);
    if (is_wp_error($answer) || wp_remote_retrieve_response_code($answer) >= 300) {
        error_log('Veille : notification non reçue par ' . $url . ' (' . (is_wp_error($answer) ? $answer->get_error_message() : wp_remote_retrieve_response_code($answer)) . ') ; le tour régulier la rattrapera.');
    }
}

// Publié, modifié en ligne, dépublié, mis à la corbeille : tout passage par « publish ».
add_action('transition_post_status', function ($new, $old, $post) {
    if ($post->post_type !== 'post' || ($new !== 'publish' && $old !== 'publish')) {
        return;
    }
    if ($new === 'publish') {
        veille_publication_note($old === 'publish' ? 'post.updated' : 'post.published', $post);
    } else {
        veille_publication_note($new === 'trash' ? 'post.trashed' : 'post.unpublished', $post);
    }
}, 10, 3);

// Supprimé pour de bon (d'ordinaire depuis la corbeille, déjà notifié : sans effet de plus).
add_action('before_delete_post', function ($id) {
    $post = get_post($id);
    if ($post && $post->post_type === 'post' && $post->post_status === 'publish') {
        veille_publication_note('post.deleted', $post);
    }
});

// Un thème renommé ou décrit autrement change ses pages.
foreach (['edited_term', 'delete_term'] as $hook) {
    add_action($hook, function ($term_id, $tt_id, $taxonomy) use ($hook) {
        if (in_array($taxonomy, ['category', 'post_tag'], true)) {
            veille_publication_note($hook === 'edited_term' ? 'term.edited' : 'term.deleted');
        }
    }, 10, 3);
}
