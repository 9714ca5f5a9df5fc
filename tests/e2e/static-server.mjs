// A static file server for a built site, on 127.0.0.1 only, as a CDN would serve `dist/`:
// files as they are, a folder's `index.html` for the folder (a prerendered route), and for any
// other address `404.html` with status 404 (the French 404 page; the app then renders the
// address's own page if it has one), or, when the build has no `404.html` (a client-only
// build), `index.html` with status 200 for addresses without a file extension (the "SPA
// fallback").
//
// Faults on demand (`Faults`): per path, an error status, a damaged file, a body cut by the
// network, an answer that never comes, or one that comes late; the browser's own offline mode
// is Playwright's (`context.setOffline`).
//
// Used by the end-to-end tests (imported) and runnable alone: `node static-server.mjs dist 8081`.

import { createServer } from "node:http";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

// What a CDN compresses (brotli when the browser accepts it, else gzip).
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".xml", ".txt"]);
const compressed = new Map();
function encode(path, body, encoding) {
  const key = `${encoding}:${path}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return compressed.get(key);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

async function fileAt(root, urlPath) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(urlPath)));
  } catch {
    return null; // malformed percent-encoding
  }
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the root
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(root, join(urlPath, "index.html"));
    return path;
  } catch {
    return null;
  }
}

/**
 * The faults a server meets, changed while it runs. Each rule matches a path (a string, exactly,
 * or a RegExp) and says what happens to its answers:
 * - `{ status }`: that status, with a short text body;
 * - `{ truncate }`: a damaged file: only that fraction of the body, sent as if complete;
 * - `{ abort }`: the headers for the whole body, that fraction of it, then the connection cut;
 * - `{ hang: true }`: no answer at all, until the server closes;
 * - `{ delay }`: the right answer, that many milliseconds late;
 * - `{ gone: true }`: as if the file had been deleted since (the host's 404 page);
 * - `{ body, type }`: another file in its place (status 200).
 * With `times`, a rule applies to that many answers only. The last rule added that matches
 * (and has answers left) wins. `hits` lists every path asked since.
 */
export class Faults {
  constructor() {
    this.rules = [];
    this.hits = [];
  }
  add(match, fault) {
    this.rules.push({ match, fault });
    return this;
  }
  clear() {
    this.rules = [];
  }
  /** The fault for `path`, if any. */
  of(path) {
    const rule = this.rules.findLast(
      ({ match, fault }) => fault.times !== 0 && (typeof match === "string" ? match === path : match.test(path)),
    );
    if (rule?.fault.times) rule.fault.times--;
    return rule?.fault ?? null;
  }
  /** How many times a path matching `match` was asked. */
  count(match) {
    return this.hits.filter((path) => (typeof match === "string" ? match === path : match.test(path))).length;
  }
}

/**
 * Starts serving `dir`; resolves to `{ url, close() }` once listening. With `compress`, answers
 * are brotli- or gzip-encoded as the browser asks, as a CDN would. With `log` (an array), each
 * answer is pushed to it as `{ path, bytes }` (the body as sent): what a page and its workers
 * fetched, which a page's own view of the network does not all see. With `faults` (a `Faults`),
 * its rules apply.
 */
export async function serveStatic(dir, port = 0, { compress = false, log = null, faults = null } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, "http://127.0.0.1").pathname;
    faults?.hits.push(urlPath);
    const fault = faults?.of(urlPath);
    if (fault?.hang) return; // never answered: closed with the server
    if (fault?.delay) await new Promise((ok) => setTimeout(ok, fault.delay));
    if (fault?.body !== undefined) {
      res.writeHead(200, { "content-type": fault.type ?? "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(fault.body);
      return;
    }
    if (fault?.status) {
      res.writeHead(fault.status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(`panne simulée ${fault.status}`);
      return;
    }
    let path = fault?.gone ? null : await fileAt(root, urlPath);
    let status = 200;
    if (!path) {
      // Like static hosts: their 404 page for any address with no file, when there is one;
      // else, for an address that names no file type, the app's page (SPA fallback).
      const notFound = await fileAt(root, "/404.html");
      if (notFound) {
        path = notFound;
        status = 404;
      } else if (extname(urlPath) === "") {
        path = join(root, "index.html");
      }
    }
    if (!path) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("404");
      return;
    }
    try {
      let body = await readFile(path);
      const headers = {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
      };
      const accepts = req.headers["accept-encoding"] ?? "";
      if (compress && COMPRESSIBLE.has(extname(path))) {
        const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
        if (encoding) {
          body = encode(path, body, encoding);
          headers["content-encoding"] = encoding;
          headers.vary = "accept-encoding";
        }
      }
      if (fault?.truncate !== undefined) body = body.subarray(0, Math.floor(body.length * fault.truncate));
      if (fault?.abort !== undefined && req.method !== "HEAD") {
        res.writeHead(status, { ...headers, "content-length": body.length });
        res.write(body.subarray(0, Math.floor(body.length * fault.abort)));
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      }
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      log?.push({ path: urlPath, bytes: req.method === "HEAD" ? 0 : body.length });
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        // Answers held back on purpose (a hang) would keep it open.
        server.closeAllConnections();
      }),
  };
}

/**
 * `html` with its `<meta name="{name}">` now saying `content`, whatever trunk's minifier did to
 * the tag (attribute order, quotes). Throws when the page has no such tag.
 */
export function setMeta(html, name, content) {
  const tag = new RegExp(`<meta(?=[^>]*name="?${name}"?[\\s>])[^>]*>`);
  if (!tag.test(html)) throw new Error(`the page has no <meta name="${name}">`);
  return html.replace(tag, `<meta name="${name}" content="${content}">`);
}

/** Rewrites the text file at `path` through `edit`. */
export async function editFile(path, edit) {
  await writeFile(path, edit(await readFile(path, "utf8")));
}

/**
 * A copy of the built site `dir`, changed by `prepare(copy)`, served for `use(server, copy)`;
 * server and copy are gone afterwards, whatever happens.
 */
export async function servingCopy(dir, prepare, use) {
  const copy = await mkdtemp(join(tmpdir(), "veille-copy-"));
  try {
    await cp(dir, copy, { recursive: true });
    await prepare(copy);
    const server = await serveStatic(copy);
    try {
      return await use(server, copy);
    } finally {
      await server.close();
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8081"] = process.argv.slice(2);
  const { url } = await serveStatic(dir, Number(port));
  console.log(`${dir} servi sur ${url}/`);
}
