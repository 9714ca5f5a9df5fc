// A real Ghost 5 on 127.0.0.1 for the tests: the npm package installed outside the clone by
// tests/cms/ghost/install.sh (which ./dev.sh runs), sqlite, a state folder in ghost-cli's
// layout, and a French site seeded through the Admin API as an editor would (setup, session,
// an integration for the Content API key, tags, posts from HTML). `startGhost()` gives its
// address, the Content API key, `admin(method, path, body)`, `editor` (what the publication tests
// and benchmark do in the back office), `notify(address, secret)` (webhooks to a watcher) and
// `stop()`; anything missing fails loudly, in French.
//
// Alone: `node tests/e2e/ghost.mjs` starts one and prints its address and key until Ctrl-C.

import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PHOTO, ROOT } from "./paths.mjs";
import { freePort } from "./ports.mjs";

const INSTALL = join(ROOT, "tests", "cms", "ghost", "install.sh");

/** `extraPosts`: that many more posts (the publication benchmark). */
export async function startGhost({ extraPosts = 0 } = {}) {
  const installed = spawnSync(INSTALL, [], { encoding: "utf8" });
  if (installed.status !== 0) throw new Error(`Ghost de test : installation impossible\n${installed.stderr}`);
  const code = installed.stdout.trim().split("\n").at(-1);
  const state = await mkdtemp(join(tmpdir(), "veille-ghost-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const content = join(state, "content");
  for (const dir of ["data", "images", "logs", "settings", "files", "media", "public"]) await mkdir(join(content, dir), { recursive: true });
  await cp(join(code, "content", "themes"), join(content, "themes"), { recursive: true });
  await symlink(code, join(state, "current"));
  await writeFile(
    join(state, "config.production.json"),
    JSON.stringify({
      url,
      server: { host: "127.0.0.1", port },
      database: { client: "sqlite3", connection: { filename: join(content, "data", "ghost.db") }, useNullAsDefault: true },
      mail: { transport: "stub" },
      logging: { level: "error", transports: ["stdout"] },
      process: "local",
      paths: { contentPath: content },
      privacy: { useTinfoil: true },
      security: { staffDeviceVerification: false },
    }),
  );
  // Started, and started again after the benchmark's posts are written into its database.
  let server;
  let log = "";
  const launch = async (seconds) => {
    server = spawn("node", [join(code, "index.js")], {
      cwd: state,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout.on("data", (d) => (log += d));
    server.stderr.on("data", (d) => (log += d));
    const until = Date.now() + seconds * 1000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`Ghost de test : arrêté au démarrage\n${log}`);
      const ok = await fetch(`${url}/ghost/api/admin/site/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > until) throw new Error(`Ghost de test : ne répond pas après ${seconds} s\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };
  const halt = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  };
  const stop = async () => {
    await halt();
    await rm(state, { recursive: true, force: true });
  };
  try {
    await launch(90);
    let cookie = "";
    const admin = async (method, path, body) => {
      const res = await fetch(`${url}/ghost/api/admin/${path}`, {
        method,
        headers: { "Content-Type": "application/json", Origin: url, Cookie: cookie },
        body: body && JSON.stringify(body),
      });
      const setCookie = res.headers.get("set-cookie");
      if (setCookie) cookie = setCookie.split(";")[0];
      const text = await res.text();
      if (!res.ok) throw new Error(`Ghost de test : ${method} ${path} → ${res.status}\n${text}`);
      // The session answers « Created », in plain text.
      try {
        return JSON.parse(text);
      } catch {
        return {};
      }
    };
    // An image uploaded as the editor does in the post's editor: Ghost keeps it at 2,000 px at
    // most (and the original beside it) and answers its address.
    const upload = async (file, name) => {
      const form = new FormData();
      form.append("file", new Blob([await readFile(file)], { type: "image/jpeg" }), name);
      form.append("purpose", "image");
      const res = await fetch(`${url}/ghost/api/admin/images/upload/`, { method: "POST", headers: { Origin: url, Cookie: cookie }, body: form });
      const text = await res.text();
      if (!res.ok) throw new Error(`Ghost de test : envoi de ${name} → ${res.status}\n${text}`);
      return JSON.parse(text).images[0].url;
    };
    const editor = { name: "Claire Dumas", email: "claire@example.org", password: "mot-de-passe-de-test-42" };
    await admin("POST", "authentication/setup/", { setup: [{ ...editor, blogTitle: "Veille Ghost" }] });
    await admin("POST", "session/", { username: editor.email, password: editor.password });
    // Her biography, as she would write it in her profile.
    const me = (await admin("GET", "users/me/")).users[0];
    await admin("PUT", `users/${me.id}/`, { users: [{ bio: "Journaliste, suit la régulation de l’IA." }] });
    const integration = await admin("POST", "integrations/?include=api_keys", { integrations: [{ name: "Veille" }] });
    const key = integration.integrations[0].api_keys.find((k) => k.type === "content").secret;
    await seed(admin, upload, url);
    if (extraPosts > 0) {
      // Ghost maps every post to its address once, as it starts: stopped while they are
      // written, started again to know them.
      await halt();
      await addPosts(code, join(content, "data", "ghost.db"), extraPosts);
      await launch(90 + extraPosts / 500);
    }
    const id = integration.integrations[0].id;
    return { url, key, admin, stop, editor: backOffice(admin), notify: webhooks(admin, id) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Ghost's back office, as an editor uses it: one Admin API request a change, as its editor saves. */
function backOffice(admin) {
  const bySlug = async (slug) => (await admin("GET", `posts/slug/${slug}/`)).posts[0];
  return {
    publish: (slug, title) =>
      admin("POST", "posts/?source=html", { posts: [{ title, slug, status: "published", html: "<p>Écrit dans Ghost, en ligne sans construire le site.</p>" }] }),
    retitle: async (slug, title) => {
      const post = await bySlug(slug);
      await admin("PUT", `posts/${post.id}/`, { posts: [{ title, updated_at: post.updated_at }] });
    },
    unpublish: async (slug) => {
      const post = await bySlug(slug);
      await admin("PUT", `posts/${post.id}/`, { posts: [{ status: "draft", updated_at: post.updated_at }] });
    },
    remove: async (slug) => admin("DELETE", `posts/${(await bySlug(slug)).id}/`),
  };
}

/**
 * `notify(address, secret)`: the integration's webhooks for what changes an article's pages,
 * signed with `secret`, sent to the watcher at `address`; `notify(null)` removes them.
 */
function webhooks(admin, integration) {
  const EVENTS = ["post.published", "post.published.edited", "post.unpublished", "post.deleted"];
  let hooks = [];
  return async (address, secret) => {
    for (const hook of hooks) await admin("DELETE", `webhooks/${hook}/`);
    hooks = [];
    if (address === null) return;
    for (const event of EVENTS) {
      const made = await admin("POST", "webhooks/", {
        webhooks: [{ event, target_url: `${address}/ghost`, secret, integration_id: integration, name: `Veille ${event}` }],
      });
      hooks.push(made.webhooks[0].id);
    }
  };
}

/**
 * `count` short posts, an hour apart until 2024 (older than the seeded ones and than anything
 * the benchmark publishes), written straight into Ghost's database as its
 * editor would leave them (the rows of a seeded brief copied: its author, a tag, lexical and its
 * HTML), a thousand a transaction; through the Admin API, 10,000 would take many minutes.
 */
async function addPosts(code, file, count) {
  const sqlite3 = createRequire(join(code, "package.json"))("sqlite3");
  const db = new sqlite3.Database(file);
  const exec = (sql) => new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
  const all = (sql) => new Promise((resolve, reject) => db.all(sql, (e, rows) => (e ? reject(e) : resolve(rows))));
  const quote = (v) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  try {
    const [template] = await all("SELECT * FROM posts WHERE slug = 'breve-1'");
    const tags = (await all("SELECT id FROM tags WHERE slug IN ('politique', 'sante') ORDER BY slug")).map((t) => t.id);
    if (!template || tags.length !== 2) throw new Error("Ghost de test : la brève ou les étiquettes modèles manquent");
    const [{ author_id: author }] = await all(`SELECT author_id FROM posts_authors WHERE post_id = ${quote(template.id)}`);
    const columns = Object.keys(template);
    // Ghost's ids are 24 hexadecimal digits (ObjectId); its dates in UTC, as the template has them.
    const objectId = (n, kind) => `${kind}${n.toString(16).padStart(23, "0")}`;
    const date = (n) => {
      const at = Date.UTC(2024, 0, 1) - (count - n + 1) * 3_600_000;
      return typeof template.created_at === "number" ? at : new Date(at).toISOString().replace("T", " ").slice(0, 19);
    };
    const text = (n) => [
      `<p>La dépêche n° ${n} rapporte l’actualité de l’IA &amp; des données, avec <strong>les chiffres</strong> du jour.</p>`,
      "<h2>Ce qu’il faut savoir</h2>",
      "<p>Un second paragraphe, pour que la dépêche ait le poids d’un article court.</p>",
    ].join("");
    for (let from = 1; from <= count; from += 1000) {
      const rows = [];
      for (let n = from; n <= Math.min(count, from + 999); n++) {
        const id = objectId(n, "a");
        const html = text(n);
        const row = {
          ...template,
          id,
          uuid: randomUUID(),
          comment_id: id,
          title: `Dépêche n° ${n} : l’essentiel`,
          slug: `depeche-${n}`,
          html,
          plaintext: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim(),
          lexical: JSON.stringify({ root: { children: [{ type: "html", version: 1, html }], direction: null, format: "", indent: 0, type: "root", version: 1 } }),
          mobiledoc: null,
          created_at: date(n),
          updated_at: date(n),
          published_at: date(n),
        };
        rows.push(`INSERT INTO posts (${columns.join(", ")}) VALUES (${columns.map((c) => quote(row[c])).join(", ")});`);
        rows.push(`INSERT INTO posts_authors (id, post_id, author_id, sort_order) VALUES (${quote(objectId(n, "b"))}, ${quote(id)}, ${quote(author)}, 0);`);
        rows.push(`INSERT INTO posts_tags (id, post_id, tag_id, sort_order) VALUES (${quote(objectId(n, "c"))}, ${quote(id)}, ${quote(tags[n % 2 ? 0 : 1])}, 0);`);
      }
      await exec(`BEGIN; ${rows.join("\n")} COMMIT;`);
    }
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

/** The newsroom's French site: themes (one internal), posts from HTML, a camera photo, a draft. */
async function seed(admin, upload, url) {
  await admin("PUT", "settings/", {
    settings: [
      { key: "description", value: "L’actualité de l’IA & des données, depuis Ghost" },
      { key: "locale", value: "fr" },
    ],
  });
  // Ghost's own first post is not the newsroom's.
  for (const post of (await admin("GET", "posts/?limit=all")).posts) await admin("DELETE", `posts/${post.id}/`);
  await admin("POST", "tags/", { tags: [{ name: "Politique", slug: "politique", description: "Lois, régulation & élections" }] });
  await admin("POST", "tags/", { tags: [{ name: "#mise-en-avant", slug: "hash-mise-en-avant" }] });
  const post = (fields) => admin("POST", "posts/?source=html", { posts: [{ status: "published", ...fields }] });
  await post({
    title: "Santé : les hôpitaux face aux données",
    slug: "hopitaux-et-donnees",
    html: "<p>Les hôpitaux partagent leurs données avec des équipes de recherche ; la confidentialité revient à chaque projet.</p><h2>Qui voit quoi ?</h2><ul><li>Les médecins</li><li>Les équipes de recherche</li></ul>",
    tags: [{ name: "Santé" }],
    published_at: "2024-04-30T07:00:00.000Z",
  });
  await post({
    title: "L’IA & les « élections » européennes",
    slug: "elections-et-ia",
    custom_excerpt: "Ce que les campagnes font déjà des modèles de langage.",
    html: `<p>Les campagnes s'emparent des modèles de langage : <strong>trois usages</strong> dominent, selon <a href="${url}/hopitaux-et-donnees/">notre enquête</a> et <a href="https://www.cnil.fr/">la CNIL</a>.</p><blockquote><p>Un outil ne remplace pas une enquête.</p><cite>Une rédactrice en chef</cite></blockquote><figure><iframe src="https://www.youtube.com/embed/abc123"></iframe></figure><p>Fin de l’article.</p>`,
    tags: [{ name: "Politique" }, { name: "IA" }, { name: "#mise-en-avant" }],
    published_at: "2024-05-23T06:30:00.000Z",
  });
  // A real camera photograph (5312 × 2988, CC0, from Debian's lomiri-wallpapers-16.04, which
  // ./dev.sh installs) as the cover of the newest post, and in its text at the size Ghost kept.
  const photo = await upload(PHOTO, "pissenlits.jpg");
  await post({
    title: "Vision par ordinateur : ce que voient les modèles dans un pré",
    slug: "vision-et-photographie",
    feature_image: photo,
    feature_image_alt: "Des akènes de pissenlit à contre-jour dans un pré",
    feature_image_caption: "Photo : Clemens Engelhardt (CC0)",
    // The text the test WordPress publishes too, with the photo at the size Ghost kept.
    html: (await readFile(join(ROOT, "tests", "cms", "photo-article.html"), "utf8")).replace(
      "{{FIGURE}}",
      `<figure><img src="${photo}" alt="Le même pré, vu de plus près" width="2000" height="1125"><figcaption>Le pré, tel que l’appareil l’a vu.</figcaption></figure>`,
    ),
    tags: [{ name: "Santé" }, { name: "IA" }],
    published_at: "2024-06-10T05:00:00.000Z",
  });
  for (let n = 1; n <= 12; n++) {
    await post({
      title: `Brève n° ${n} : ce qu’il faut retenir`,
      slug: `breve-${n}`,
      html: `<p>La brève n° ${n} résume l’actualité de la semaine &amp; ses suites.</p>`,
      tags: [{ name: n % 2 ? "Politique" : "Santé" }],
      published_at: `2024-03-${String(n).padStart(2, "0")}T09:00:00.000Z`,
    });
  }
  await admin("POST", "posts/?source=html", { posts: [{ title: "Brouillon", html: "<p>Pas encore.</p>", status: "draft" }] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ghost = await startGhost();
  console.log(`Ghost de test : ${ghost.url} ${ghost.key}`);
  process.on("SIGINT", async () => {
    await ghost.stop();
    process.exit(0);
  });
}
