// A real Ghost 5 on 127.0.0.1 for the tests: the npm package installed outside the clone by
// tests/cms/ghost/install.sh (which ./dev.sh runs), sqlite, a state folder in ghost-cli's
// layout, and a French site seeded through the Admin API as an editor would (setup, session,
// an integration for the Content API key, tags, posts from HTML). `startGhost()` gives its
// address, the Content API key, `admin(method, path, body)`, the integration's id and `stop()`; anything missing fails
// loudly, in French.
//
// Alone: `node tests/e2e/ghost.mjs` starts one and prints its address and key until Ctrl-C.

import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PHOTO, ROOT } from "./paths.mjs";
import { freePort } from "./ports.mjs";

const INSTALL = join(ROOT, "tests", "cms", "ghost", "install.sh");

export async function startGhost() {
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
  const server = spawn("node", [join(code, "index.js")], {
    cwd: state,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await rm(state, { recursive: true, force: true });
  };
  try {
    const until = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`Ghost de test : arrêté au démarrage\n${log}`);
      const ok = await fetch(`${url}/ghost/api/admin/site/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > until) throw new Error(`Ghost de test : ne répond pas après 90 s\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
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
    // The integration's id, for the webhooks a test adds to it.
    return { url, key, admin, stop, integration: integration.integrations[0].id };
  } catch (error) {
    await stop();
    throw error;
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
