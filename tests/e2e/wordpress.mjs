// A real WordPress on 127.0.0.1 for the tests: Debian's packages (./dev.sh installs them), a
// throwaway MariaDB on a socket in a temporary folder, PHP's built-in server, and the French
// site of tests/cms/wordpress/seed.php. `startWordPress()` gives its address, `php(code)` to
// change the site as an editor would, `editor` (what the publication tests and benchmark do in
// the back office), `notify(address, secret)` (the publication plugin pointed at a watcher, or
// silenced with `notify(null)`), and `stop()`;
// anything missing fails loudly, in French, never a skipped test.
//
// Alone: `node tests/e2e/wordpress.mjs` starts one and prints its address until Ctrl-C.

import { spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./paths.mjs";
import { freePort } from "./ports.mjs";

const WORDPRESS = "/usr/share/wordpress";
const HERE = join(ROOT, "tests", "cms", "wordpress");

function need(command) {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0) {
    throw new Error(`WordPress de test : « ${command} » est introuvable (./dev.sh test installe wordpress, mariadb-server et php)`);
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(`WordPress de test : ${command} ${args.join(" ")} a échoué\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

async function waitFor(what, seconds, ready) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`WordPress de test : ${what} ne répond pas après ${seconds} s`);
}

/** `extraPosts`: that many more posts (the import and publication benchmarks). */
export async function startWordPress({ extraPosts = 0 } = {}) {
  for (const command of ["php", "mariadbd", "mariadb-install-db", "mariadb-admin", "mariadb"]) need(command);
  if (spawnSync("test", ["-f", join(WORDPRESS, "wp-load.php")]).status !== 0) {
    throw new Error(`WordPress de test : ${WORDPRESS} est introuvable (paquet Debian wordpress)`);
  }
  const state = await mkdtemp(join(tmpdir(), "veille-wordpress-"));
  const socket = join(state, "mysqld.sock");
  const children = [];
  const port = await freePort();
  const name = `veille-test-${port}`;
  // Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php.
  const config = `/etc/wordpress/config-${name}.php`;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        // Each in a process group of its own: PHP's workers go with their server.
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    }
    await rm(config, { force: true });
    await rm(state, { recursive: true, force: true });
  };
  try {
    run("mariadb-install-db", [
      "--no-defaults", `--datadir=${join(state, "db")}`, "--user=root",
      "--auth-root-authentication-method=socket", "--skip-test-db",
    ]);
    const db = spawn("mariadbd", [
      "--no-defaults", `--datadir=${join(state, "db")}`, `--socket=${socket}`, "--skip-networking",
      "--user=root", `--innodb-buffer-pool-size=${extraPosts > 0 ? "512M" : "64M"}`, "--innodb-log-file-size=16M",
      "--character-set-server=utf8mb4", `--pid-file=${join(state, "mysqld.pid")}`,
    ], { stdio: "ignore", detached: true });
    children.push(db);
    await waitFor("MariaDB", 30, async () => spawnSync("mariadb-admin", [`--socket=${socket}`, "ping"]).status === 0);
    run("mariadb", [`--socket=${socket}`, "-e", "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"]);

    const content = join(state, "wp-content");
    await mkdir(join(content, "uploads"), { recursive: true });
    for (const dir of ["languages", "plugins", "themes"]) await symlink(join(WORDPRESS, "wp-content", dir), join(content, dir));
    await writeFile(config, `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WPLANG', 'fr_FR');
$table_prefix = 'wp_';
`);
    const env = { ...process.env, WORDPRESS_CONFIG: name, VEILLE_WP_STATE: state, VEILLE_WP_POSTS: String(extraPosts) };
    run("php", [join(HERE, "seed.php")], { env });
    const server = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", WORDPRESS, join(HERE, "router.php")], {
      env: { ...env, PHP_CLI_SERVER_WORKERS: "4" },
      stdio: "ignore",
      detached: true,
    });
    children.push(server);
    await waitFor("PHP", 20, async () => (await fetch(`${url}/wp-json/`)).ok);
    // What an editor does in the back office, as PHP against the same site: `php(code)`.
    const php = (code) =>
      run("php", ["-r", `$_SERVER['HTTP_HOST'] = '127.0.0.1'; $_SERVER['WORDPRESS_CONFIG'] = '${name}'; require '${WORDPRESS}/wp-load.php'; ${code}`], { env });
    const id = (slug) => `get_page_by_path('${slug}', OBJECT, 'post')->ID`;
    // Each change is one PHP call, as the back office's save is one request.
    const editor = {
      publish: async (slug, title) =>
        php(`wp_insert_post(['post_title' => '${title}', 'post_name' => '${slug}', 'post_content' => '<p>Écrit dans WordPress, en ligne sans construire le site.</p>', 'post_status' => 'publish', 'post_author' => 2]);`),
      retitle: async (slug, title) => php(`wp_update_post(['ID' => ${id(slug)}, 'post_title' => '${title}']);`),
      unpublish: async (slug) => php(`wp_update_post(['ID' => ${id(slug)}, 'post_status' => 'draft']);`),
      remove: async (slug) => php(`wp_delete_post(${id(slug)}, true);`),
    };
    // The plugin, dropped into mu-plugins as docs/cms.md says, and its two options.
    const notify = async (address, secret) => {
      if (address === null) {
        php("delete_option('veille_publication_url');");
        return;
      }
      const plugins = php("echo WPMU_PLUGIN_DIR;").trim();
      php(`wp_mkdir_p('${plugins}');`);
      await copyFile(join(ROOT, "tools", "wordpress", "veille-publication.php"), join(plugins, "veille-publication.php"));
      php(`update_option('veille_publication_url', '${address}/wordpress'); update_option('veille_publication_secret', '${secret}');`);
    };
    return { url, stop, php, editor, notify };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wp = await startWordPress();
  console.log(`WordPress de test : ${wp.url}`);
  process.on("SIGINT", async () => {
    await wp.stop();
    process.exit(0);
  });
}
