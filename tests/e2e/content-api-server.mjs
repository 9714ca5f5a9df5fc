// A real content API on 127.0.0.1 for the browser tests: it serves the JSON of `public/api/`
// (or of the directory given by --dir) with CORS headers, and misbehaves on demand.
//
//   GET /<scenario>/<token>/<path>   e.g. /ok/t1/index/1.json, /500-once/t2/articles/x.json
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
//
// Usage: node content-api-server.mjs [--dir public/api] [--port 0] [--port-file FILE],
// or `startContentApi({ dir })` from another script.

import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import { join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const DEFAULT_DIR = join(import.meta.dirname, "..", "..", "public", "api");

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
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
  const tripped = new Set(); // tokens whose "-once" misbehaviour already happened
  const server = createServer(async (req, res) => {
    if (req.method === "OPTIONS") return send(res, 204, "");
    const parts = new URL(req.url, "http://127.0.0.1").pathname.split("/").filter(Boolean);
    if (parts[0] === "__log" && parts[1]) return send(res, 200, JSON.stringify(log.get(parts[1]) ?? []));
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
  });

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
