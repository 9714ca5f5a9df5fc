// A real content API on 127.0.0.1 for the browser tests: it serves the JSON of `public/api/`
// (or of the directory given by --dir) with CORS headers, and misbehaves on demand.
//
//   GET /<scenario>/<token>/<path>   e.g. /ok/t1/index/0.json, /500-once/t2/articles/x.json
//   GET /__log/<token>               the paths requested so far with that token (JSON array)
//
// Scenarios act on every path but site.json (so the site loads and the page under test fails),
// except the `site-…` ones which act on site.json alone. `…-once` misbehaves on the first
// matching request of a token only, so « Réessayer » then succeeds: the server has recovered.
//
//   ok              files as they are, 404 for a missing one
//   500-once        HTTP 500
//   malformed-once  200 with broken JSON
//   slow-once       the answer after 2 s (longer than the tests' timeout); a client that
//                   hangs up first is logged as `cancelled:<path>`
//   blocked-once    an answer without CORS headers: to the page, exactly like no network
//                   (a cut connection would not do: Chromium silently retries it)
//   missing-title   200 with the article's "title" removed, every time
//   site-500-once   HTTP 500 for site.json
//   html-502-once   HTTP 502 with an HTML error page
//   html-200-once   200 with an HTML page (text/html), as a captive portal answers
//   truncated-once  the real answer cut in half
//   huge-once       valid JSON of 3 MB
//   wrong-shape     valid JSON of another shape, every time
//   unknown-block   the article with a block of a type this app does not know, every time
//   bad-date        the article with an impossible date, every time
//   hostile-slug    the index with « ../../a-propos » as its first article's slug, every time
//
// It is also the newsletter endpoint of the browser tests: it records what it receives and
// answers as told.
//
//   POST /newsletter/<scenario>/<token>/<path>   e.g. …/api/public/subscription (listmonk)
//   GET  /__posts/<token>                        [{ path, body }] received with that token
//
//   ok-optin   200 {"data": {"has_optin": true}}      ok         200 {"data": {"has_optin": false}}
//   refused    400 "Invalid email." (listmonk's)      already    409
//   refused-domain  400 "Domain is blocklisted."      refused-other  400 an English message
//   refused-fr 400 a French message (a provider configured to speak French)
//   down       500                                   down-once  500, then 200 as ok-optin
//   slow       200 after 2 s                          blocked    200 without CORS headers
//
// Usage: node content-api-server.mjs [--dir public/api] [--port 0] [--port-file FILE],
// or `startContentApi({ dir })` from another script.

import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import { join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const DEFAULT_DIR = join(import.meta.dirname, "..", "..", "public", "api");

// The newsletter scenarios answering 400 with a message: listmonk's own English ones, an
// English message no table knows, and a provider's French one.
const REFUSALS = {
  refused: "Invalid email.",
  "refused-domain": "Domain is blocklisted.",
  "refused-other": "Subscription rejected by upstream policy",
  "refused-fr": "Le domaine de cette adresse n’accepte pas de courrier.",
};

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "cache-control": "no-store",
};

function send(res, status, body, type = "application/json; charset=utf-8") {
  if (res.destroyed) return;
  res.writeHead(status, { ...cors, "content-type": type });
  res.end(body);
}

async function file(root, path) {
  const full = normalize(join(root, path));
  if (!full.startsWith(root + sep)) return null;
  try {
    return await readFile(full, "utf8");
  } catch {
    return null;
  }
}

/** Starts the API on 127.0.0.1; resolves to `{ url, close() }` once listening. */
export async function startContentApi({ dir = DEFAULT_DIR, port = 0 } = {}) {
  const root = resolve(dir);
  const log = new Map(); // token → paths requested
  const posts = new Map(); // token → newsletter requests received
  const tripped = new Set(); // tokens whose "-once" misbehaviour already happened
  // A scenario that throws answers 500 and says why, instead of taking the server down (and
  // every later test with it).
  const handle = async (req, res) => {
    if (req.method === "OPTIONS") return send(res, 204, "");
    const parts = new URL(req.url, "http://127.0.0.1").pathname.split("/").filter(Boolean);
    if (parts[0] === "__log" && parts[1]) return send(res, 200, JSON.stringify(log.get(parts[1]) ?? []));
    if (parts[0] === "__posts" && parts[1]) return send(res, 200, JSON.stringify(posts.get(parts[1]) ?? []));
    if (parts[0] === "newsletter" && req.method === "POST") {
      const [, scenario, token, ...rest] = parts;
      let body = "";
      for await (const chunk of req) body += chunk;
      if (!posts.has(token)) posts.set(token, []);
      posts.get(token).push({ path: rest.join("/"), body: JSON.parse(body || "null") });
      const optin = '{"data": {"has_optin": true}}';
      if (Object.hasOwn(REFUSALS, scenario)) return send(res, 400, JSON.stringify({ message: REFUSALS[scenario] }));
      switch (scenario) {
        case "ok-optin":
          return send(res, 200, optin);
        case "ok":
          return send(res, 200, '{"data": {"has_optin": false}}');
        case "already":
          return send(res, 409, '{"message": "E-mail already exists."}');
        case "down":
          return send(res, 500, '{"message": "panne simulée"}');
        case "down-once":
          if (posts.get(token).length === 1) return send(res, 500, "{}");
          return send(res, 200, optin);
        case "slow":
          await new Promise((ok) => setTimeout(ok, 2000));
          return send(res, 200, optin);
        case "blocked":
          res.writeHead(200, { "content-type": "application/json" });
          return res.end(optin);
        default:
          return send(res, 400, '{"message": "unknown scenario"}');
      }
    }
    const [scenario, token, ...rest] = parts;
    if (!scenario || !token || rest.length === 0) return send(res, 400, '{"error":"bad path"}');
    const path = rest.join("/");
    if (!log.has(token)) log.set(token, []);
    log.get(token).push(path);

    const isSite = path === "site.json";
    const targeted = scenario.startsWith("site-") ? isSite : !isSite;
    const once = scenario.endsWith("-once");
    const misbehave = targeted && scenario !== "ok" && (!once || !tripped.has(token));
    if (misbehave && once) tripped.add(token);

    const body = await file(root, path);
    if (misbehave) {
      switch (scenario) {
        case "500-once":
        case "site-500-once":
          return send(res, 500, '{"error":"panne simulée"}');
        case "malformed-once":
          return send(res, 200, '{"slug": "tronque", "title": "Un article coup');
        case "slow-once": {
          // Record a client that gives up (timeout, or the reader leaving) before the answer.
          let gone = false;
          res.on("close", () => {
            if (!res.writableEnded) {
              gone = true;
              log.get(token).push(`cancelled:${path}`);
            }
          });
          await new Promise((ok) => setTimeout(ok, 2000));
          if (gone) return;
          break;
        }
        case "blocked-once":
          res.writeHead(200, { "content-type": "application/json" });
          res.end(body ?? "{}");
          return;
        case "html-502-once":
          return send(res, 502, "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>", "text/html; charset=utf-8");
        case "html-200-once":
          // A captive portal or a misconfigured CDN: 200, but a web page.
          return send(res, 200, "<!doctype html><html><body>Connectez-vous au réseau</body></html>", "text/html; charset=utf-8");
        case "truncated-once":
          return send(res, 200, (body ?? "{}").slice(0, Math.floor((body ?? "{}").length / 2)));
        case "huge-once":
          // Valid JSON, 3 MB of it.
          return send(res, 200, JSON.stringify({ ...JSON.parse(body ?? "{}"), lead: "x".repeat(3 * 1024 * 1024) }));
        case "wrong-shape":
          return send(res, 200, JSON.stringify({ items: [1, 2, 3], title: 42 }));
        case "unknown-block":
          // Articles only (the related list is an array, not an article).
          if (body && path.startsWith("articles/")) {
            const value = JSON.parse(body);
            value.body.unshift({ type: "video", src: "/v.mp4", titre: "Une vidéo" });
            return send(res, 200, JSON.stringify(value));
          }
          break;
        case "bad-date":
          if (body && path.startsWith("articles/")) return send(res, 200, JSON.stringify({ ...JSON.parse(body), published: "2024-13-45" }));
          break;
        case "hostile-slug":
          // A hostile or broken API: the first card of a list would lead out of the site.
          if (body && path.startsWith("index/")) {
            const value = JSON.parse(body);
            value.items[0].slug = "../../a-propos";
            return send(res, 200, JSON.stringify(value));
          }
          break;
        case "missing-title":
          if (body) {
            const value = JSON.parse(body);
            delete value.title;
            return send(res, 200, JSON.stringify(value));
          }
          break;
      }
    }
    if (body === null) return send(res, 404, '{"error":"introuvable"}');
    send(res, 200, body);
  };
  const server = createServer((req, res) =>
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: String(error) }));
      else res.destroy();
    }),
  );

  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      dir: { type: "string", default: DEFAULT_DIR },
      port: { type: "string", default: "0" },
      "port-file": { type: "string" },
    },
  });
  const { url } = await startContentApi({ dir: args.dir, port: Number(args.port) });
  if (args["port-file"]) await writeFile(args["port-file"], url.split(":").pop());
  console.log(`content API on ${url}/ok/<token>/ (serving ${resolve(args.dir)})`);
}
