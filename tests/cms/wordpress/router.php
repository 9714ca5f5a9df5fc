<?php
// The router of PHP's built-in server for the test WordPress (tests/e2e/wordpress.mjs): real
// files of WordPress as they are, uploads from the state folder, anything else to WordPress
// itself (pretty permalinks and /wp-json/).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$state = getenv('VEILLE_WP_STATE');
if (str_starts_with($path, '/wp-content/uploads/')) {
    $file = $state . '/wp-content' . substr($path, strlen('/wp-content'));
    if (is_file($file)) {
        header('Content-Type: ' . mime_content_type($file));
        readfile($file);
    } else {
        http_response_code(404);
    }
    return true;
}
if ($path !== '/' && is_file('/usr/share/wordpress' . $path)) {
    return false;
}
// Debian's wp-config.php reads the name of its configuration file from here.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = '/usr/share/wordpress/index.php';
require '/usr/share/wordpress/index.php';
