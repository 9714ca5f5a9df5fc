// @ts-check
// search.js — search in the articles, on a static host: the Pagefind index the build wrote
// under /pagefind/ (src/search.rs says what it holds; tools/build/search-index.mjs writes it).
// Loaded only when a reader focuses a search field or opens /recherche (navigation.js on the
// prerendered pages, src/browser.rs `start_search` in the full app): no search byte, and no
// request, before.
//
// On /recherche (src/pages/search.rs), the address holds the search — ?q=…&rubrique=…&tri=date —
// so that it can be shared and back and forward work; the page says what it finds in a live
// region, offers more results on demand, filters by tag, and has a French message for every
// failure (index missing, network down). Without this script, the page says that search needs
// JavaScript and links to the tag pages. Elsewhere, focusing the header's field only preloads
// Pagefind, so that the first results come quickly; the form goes to /recherche.
//
// On a site reading WordPress at run time, what was published after the build is not in the
// index: the full app offers WordPress' own search of it (window.veilleLatest, src/browser.rs),
// whose results come first, and the page says so if it failed.

const PAGEFIND = "/pagefind/pagefind.js";
/** The folder of the index's files. */
const INDEX = PAGEFIND.slice(0, PAGEFIND.lastIndexOf("/") + 1);
/** How long a reader waits for one file of the index before the search says it failed: the
 * content API's own limit (src/content/api.rs). */
const TIMEOUT_MS = 8000;
/** Results shown at first and added by « Afficher plus de résultats » (the page's
 * data-par-page, if it says otherwise). */
const BATCH = 10;
const doc = document;

// ---------------------------------------------------------------------------------------------
// Words

const count = new Intl.NumberFormat("fr-FR");
const quoted = (text) => `«\u00a0${text}\u00a0»`;

/** « 12 résultats pour « sécurité » », with the tag when one is chosen. */
function summary(total, query, tagName) {
  const where = tagName ? ` dans la rubrique ${quoted(tagName)}` : "";
  if (total === 0) return `Aucun résultat pour ${quoted(query)}${where}.`;
  const noun = total === 1 ? "résultat" : "résultats";
  return `${count.format(total)}\u00a0${noun} pour ${quoted(query)}${where}.`;
}

const MESSAGES = {
  prompt: "Tapez un ou plusieurs mots, puis «\u00a0Rechercher\u00a0». Ou parcourez les rubriques\u00a0:",
  searching: "Recherche en cours…",
  none: "Vérifiez l’orthographe, essayez un mot plus général ou une autre rubrique, ou parcourez les rubriques\u00a0:",
  missing:
    "L’index de recherche est introuvable\u00a0: ce site a été publié sans lui. En attendant, parcourez les rubriques\u00a0:",
  empty: "L’index de recherche est vide\u00a0: ce site a été publié sans article à chercher. Parcourez les rubriques\u00a0:",
  offline:
    "La recherche ne répond pas\u00a0: la connexion semble coupée. Vérifiez-la, puis réessayez. Les rubriques restent accessibles\u00a0:",
  slow: "La recherche met trop de temps à répondre\u00a0: la connexion est peut-être lente. Réessayez\u00a0; les rubriques restent accessibles\u00a0:",
  server:
    "Le site n’a pas pu fournir l’index de recherche (erreur du serveur). Réessayez dans un instant\u00a0; les rubriques restent accessibles\u00a0:",
  damaged:
    "La recherche n’a pas pu lire tout son index\u00a0: un fichier est arrivé incomplet. Réessayez\u00a0; les rubriques restent accessibles\u00a0:",
  more: (shown, total) => `${count.format(shown)} résultats affichés sur ${count.format(total)}.`,
  latest: "Les articles parus depuis la dernière mise à jour de l’index de recherche n’ont pas pu être cherchés\u00a0:",
};

/**
 * The words as the index reads them. Pagefind already drops case, accents and punctuation (’,
 * « », quotes); only runs of spaces, no-break ones included, are made one space here.
 */
export function normalize(query) {
  return query.normalize("NFC").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/**
 * An excerpt as Pagefind returns it (HTML: the text, with <mark> around the matched words),
 * as nodes: only its text and its marks are kept, whatever the content held. The index has
 * ’ inside words as ' (src/search.rs, index_text): it is shown as the ’ readers read.
 */
function excerptNodes(html) {
  const template = doc.createElement("template");
  template.innerHTML = html;
  const typeset = (text) => text.replace(/(\p{L})'(?=\p{L})/gu, "$1’");
  const out = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(doc.createTextNode(typeset(node.textContent)));
    else if (node.nodeName === "MARK") {
      const mark = doc.createElement("mark");
      mark.textContent = typeset(node.textContent);
      out.push(mark);
    } else out.push(doc.createTextNode(typeset(node.textContent ?? "")));
  }
  return out;
}

const fold = (word) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * `text` as nodes, the words of `query` in <mark>, as Pagefind marks its excerpts: whatever
 * their case and accents, and their inflections (a word starting as the query's word does,
 * without its plural s or x).
 */
function markedNodes(text, query) {
  const stems = normalize(query)
    .split(" ")
    .map(fold)
    .map((word) => (word.length > 3 ? word.replace(/[sx]$/, "") : word))
    .filter(Boolean);
  const out = [];
  let last = 0;
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!stems.some((stem) => fold(word[0]).startsWith(stem))) continue;
    const mark = doc.createElement("mark");
    mark.textContent = word[0];
    out.push(doc.createTextNode(text.slice(last, word.index)), mark);
    last = word.index + word[0].length;
  }
  out.push(doc.createTextNode(text.slice(last)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The index

// Pagefind reads an index file it could not fetch as a file without the words asked (it drops
// the error), and so answers « no result » for a search it could not make. Its files are
// therefore fetched through `indexFetch`: each with a time limit, read whole, its gzip checked
// (and undone: Pagefind takes the bytes as they are when they carry its signature), and every
// failure counted, so that a search during which one happened says so instead of answering.
// Pagefind runs on the page's own thread (`noWorker`), whose `fetch` this is.

/** Failures of the index's files since the page loaded, the last one's kind in `lastFault`. */
let faults = 0;
let lastFault = "offline";
const nativeFetch = window.fetch.bind(window);
const SIGNATURE = "pagefind_dcd";

/** A failure of an index file, counted as it is made. */
class Fault extends Error {}

function fault(kind) {
  faults++;
  lastFault = kind;
  return new Fault(kind);
}

/** A fetch that failed: too slow (its time limit), else the connection. */
const kindOf = (error) => (error?.name === "TimeoutError" ? "slow" : "offline");

async function indexFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(INDEX)) return nativeFetch(input, init);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  let bytes;
  try {
    response = await nativeFetch(input, { ...init, signal });
    if (!response.ok) throw fault(response.status === 404 ? "damaged" : "server");
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof Fault) throw error;
    throw fault(kindOf(signal.aborted ? signal.reason : error));
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch {
      throw fault("damaged");
    }
    if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) throw fault("damaged");
  }
  return new Response(bytes, { status: response.status, headers: { "content-type": response.headers.get("content-type") ?? "" } });
}

/** `promise`, or after `ms` a failure of kind "slow". */
function limited(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(fault("slow")), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let engine = null;
let script = null;
let attempts = 0;

/** A Pagefind instance, loaded and started once; after a failure the next call starts a fresh
 * one (Pagefind keeps an instance whose first files failed failed for good), and imports its
 * script again, at a fresh address, only if that is what failed (a browser may keep a failed
 * module import for the life of the page). */
function pagefind() {
  if (!engine) {
    if (!script) {
      const address = attempts++ === 0 ? PAGEFIND : `${PAGEFIND}?essai=${attempts}`;
      const loading = limited(import(address), TIMEOUT_MS);
      script = loading;
      loading.catch(() => script === loading && (script = null));
    }
    engine = script
      .then(async (module) => {
        const instance = module.createInstance({ noWorker: true, excerptLength: 24 });
        // The filters' own files: without them Pagefind counts no result in any tag.
        await instance.filters();
        return instance;
      })
      .catch(async (error) => {
        engine = null;
        throw await reason(error);
      });
  }
  return engine;
}

/** Forgets the instance: the next search starts afresh. */
function forget() {
  const old = engine;
  engine = null;
  old?.then((instance) => instance.destroy()).catch(() => {});
}

/** Why Pagefind could not load: "missing" when the site has no index, "empty" when it has one
 * without a page, else the kind of the last failure. */
async function reason(error) {
  if (typeof error === "string") return error;
  if (!navigator.onLine) return "offline";
  try {
    const response = await nativeFetch(`${INDEX}pagefind-entry.json`, { cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 404 || response.status === 410) return "missing";
    if (!response.ok) return "server";
    const entry = await response.json();
    const pages = Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
    return pages === 0 ? "empty" : lastFault;
  } catch {
    return lastFault;
  }
}

/**
 * The articles published after the build that match `q`, where the app can ask its CMS
 * (src/browser.rs, LATEST_API): `{ results }` as Pagefind's results, or `{ results: [], error }`
 * with the app's French message and whether retrying may help. None elsewhere.
 */
async function latest(q) {
  const ask = window.veilleLatest;
  if (typeof ask !== "function") return { results: [] };
  try {
    const found = await ask(q);
    return { results: [...found].map((page) => ({ data: async () => page })) };
  } catch (error) {
    return { results: [], error: { message: String(error?.message ?? error), retry: error?.retry !== false } };
  }
}

/** What changed since the index was built (src/search.rs, RECENT_FILE and ARTICLE_FILTER). */
const RECENT = `${INDEX}veille-recents.json`;
const ARTICLE_FILTER = "article";

/**
 * What `veille-content sync` or `watch` wrote of what changed since the index was built: the
 * articles published or changed since (`articles`), the slugs of those the index holds that are
 * gone or changed (`retires`). Nothing when no round has run since the build (404); a failure
 * as the index's own, so that a search never answers with an article that is gone.
 */
async function sinceIndex() {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let response;
  try {
    response = await nativeFetch(RECENT, { cache: "no-cache", signal });
  } catch (error) {
    throw fault(kindOf(signal.aborted ? signal.reason : error));
  }
  if (response.status === 404) return { articles: [], retires: [] };
  if (!response.ok) throw fault("server");
  try {
    const read = await response.json();
    return { articles: read.articles ?? [], retires: read.retires ?? [] };
  } catch {
    throw fault("damaged");
  }
}

/** The words of `text`: lower case, without accents, split on all that is not a letter or a digit. */
const wordsOf = (text) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The articles of `articles` that a search for `q` finds: each of its words begins one of theirs. */
function foundSince(articles, q) {
  const wanted = wordsOf(q);
  if (wanted.length === 0) return [];
  return articles.filter((article) => {
    const words = wordsOf(article.mots ?? "");
    return wanted.every((w) => words.some((word) => word.startsWith(w)));
  });
}

// ---------------------------------------------------------------------------------------------
// The search page

/** The search in an address: words, tag slug, order. */
function searchOf(url) {
  const params = new URL(url, location.href).searchParams;
  return {
    q: normalize(params.get("q") ?? ""),
    rubrique: params.get("rubrique") ?? "",
    tri: params.get("tri") === "date" ? "date" : "",
  };
}

function addressOf({ q, rubrique, tri }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (rubrique) params.set("rubrique", rubrique);
  if (tri) params.set("tri", tri);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

class SearchPage {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("form[data-recherche-form]");
    this.field = this.form.querySelector("input[type=search]");
    this.status = root.querySelector(".search__status");
    this.suggestions = root.querySelector(".search__suggestions");
    this.list = root.querySelector(".search__results");
    this.more = root.querySelector(".search__more");
    // The tags' names and addresses, from the page's own links (the index holds their slugs):
    // the site's paths are made by the Rust that wrote the page (routes::tag), never here.
    this.tags = new Map(
      [...this.suggestions.querySelectorAll("a[data-rubrique]")].map((a) => [
        a.dataset.rubrique,
        { name: a.textContent, href: a.getAttribute("href") },
      ]),
    );
    this.controls = this.makeControls();
    this.form.append(this.controls);
    this.batch = Number(root.dataset.parPage) || BATCH;
    this.run = 0;
    this.results = [];
    this.shown = 0;

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.go(this.fromForm(), { push: true });
    });
    this.controls.addEventListener("change", () => this.go(this.fromForm(), { push: true }));
    this.more.addEventListener("click", () => this.showMore(true));
    root.veilleSearch = this;
  }

  /** The filter by tag (« Toutes », then each tag, with its count) and the order, in the form:
   * its fields are the address's parameters. Shown once there are results. */
  makeControls() {
    const make = (tag, props = {}, ...children) => {
      const element = Object.assign(doc.createElement(tag), props);
      element.append(...children);
      return element;
    };
    const choice = (value, name) =>
      make(
        "label",
        { className: "search__choice" },
        make("input", { type: "radio", name: "rubrique", value, checked: value === "" }),
        make("span", { className: "search__choice-name" }, name),
        " ",
        make("span", { className: "search__choice-count" }),
      );
    const filter = make(
      "fieldset",
      { className: "search__filter" },
      make("legend", {}, "Rubrique"),
      choice("", "Toutes"),
      ...[...this.tags].map(([slug, tag]) => choice(slug, tag.name)),
    );
    const sort = make(
      "p",
      { className: "search__sort" },
      make("label", { htmlFor: "recherche-tri" }, "Trier par"),
      " ",
      make(
        "select",
        { id: "recherche-tri", name: "tri" },
        make("option", { value: "" }, "pertinence"),
        make("option", { value: "date" }, "date, du plus récent"),
      ),
    );
    return make("div", { className: "search__controls", hidden: true }, filter, sort);
  }

  fromForm() {
    const data = new FormData(this.form);
    return {
      q: normalize(String(data.get("q") ?? "")),
      rubrique: String(data.get("rubrique") ?? ""),
      tri: data.get("tri") === "date" ? "date" : "",
    };
  }

  /** Shows `search` in the form, in the address (a new history entry when `push`) and below. */
  go(search, { push }) {
    const address = addressOf(search);
    if (push && address !== location.pathname + location.search) {
      history.pushState({ ...(history.state ?? {}), recherche: true }, "", address);
    }
    this.fill(search);
    return this.search(search);
  }

  fill({ q, rubrique, tri }) {
    this.field.value = q;
    for (const radio of this.controls.querySelectorAll("input[type=radio]")) radio.checked = radio.value === rubrique;
    this.controls.querySelector("select").value = tri;
  }

  say(text, { suggestions = false } = {}) {
    this.status.textContent = text;
    // The spinner of a search under way (style/main.css).
    this.status.classList.toggle("search__busy", text === MESSAGES.searching);
    this.suggestions.hidden = !suggestions;
  }

  clear() {
    this.list.replaceChildren();
    this.more.hidden = true;
    this.results = [];
    this.shown = 0;
  }

  failed(why, search) {
    this.clear();
    this.controls.hidden = true;
    this.say(MESSAGES[why] ?? MESSAGES.offline, { suggestions: true });
    if (why !== "missing" && why !== "empty") this.offerRetry(search);
  }

  /** « Réessayer », after the status's message: the same search again. */
  offerRetry(search) {
    const retry = doc.createElement("button");
    retry.type = "button";
    retry.className = "search__retry";
    retry.textContent = "Réessayer";
    retry.addEventListener("click", () => this.search(search));
    this.status.append(" ", retry);
  }

  /** The search of the CMS failed, Pagefind's results are shown: the page says what is missing,
   * and offers to try again when it may help. */
  latestFailed(error, search) {
    const note = doc.createElement("span");
    note.className = "search__latest-error";
    note.textContent = ` ${MESSAGES.latest} ${error.message}`;
    this.status.append(note);
    if (error.retry) this.offerRetry(search);
  }

  async search(search) {
    const run = ++this.run;
    const { q, rubrique, tri } = search;
    if (!q) {
      this.clear();
      this.controls.hidden = true;
      this.say(MESSAGES.prompt, { suggestions: true });
      return;
    }
    this.list.setAttribute("aria-busy", "true");
    // Nothing found yet: no more of it to offer.
    this.more.hidden = true;
    this.say(MESSAGES.searching);
    // Asked at once, while Pagefind loads.
    const recent = latest(q);
    const since = sinceIndex();
    // Read below, once Pagefind is there; a failure meanwhile is that search's, not unhandled.
    since.catch(() => {});
    const before = faults;
    try {
      const engine = await pagefind();
      const changed = await since;
      // The index's answers without the articles gone or changed since it was built.
      const current = changed.retires.length ? { [ARTICLE_FILTER]: { none: changed.retires } } : null;
      const options = {};
      if (rubrique || current) options.filters = { ...current, ...(rubrique ? { rubrique } : {}) };
      if (tri) options.sort = { date: "desc" };
      // Each file has its limit; the whole search too (Pagefind may wait on a file it never got).
      const found = await limited(engine.search(q, options), 2 * TIMEOUT_MS);
      // Every tag's count, and all of them, among the current articles only: asked again
      // without the tag when one is chosen.
      const all = current && rubrique ? await limited(engine.search(q, { filters: current }), 2 * TIMEOUT_MS) : found;
      // A file missing from this search: its answer is partial, and is not given.
      if (faults !== before) throw lastFault;
      const cms = await recent;
      if (run !== this.run) return;
      this.clear();
      // Published or changed since the index (the site's own record of it, then what the CMS's
      // search adds on a site reading it live): first in either order, the newest first.
      const local = foundSince(changed.articles, q);
      const seen = new Set(local.map((page) => page.url));
      const cmsData = await Promise.all(cms.results.map((result) => result.data()));
      const freshData = [...local, ...cmsData.filter((page) => !seen.has(page.url))];
      if (tri) freshData.sort((a, b) => (b.meta?.iso ?? "").localeCompare(a.meta?.iso ?? ""));
      const fresh = { results: freshData.map((page) => ({ data: async () => page })), error: cms.error };
      const tagsOf = (page) => page.filters?.rubrique ?? [];
      const byTag = { ...((current ? all?.filters?.rubrique : all?.totalFilters?.rubrique) ?? {}) };
      for (const page of freshData) for (const tag of tagsOf(page)) byTag[tag] = (byTag[tag] ?? 0) + 1;
      const inTag = fresh.results.filter((_, i) => !rubrique || tagsOf(freshData[i]).includes(rubrique));
      this.results = [...inTag, ...(found?.results ?? [])];
      const indexed = current ? all?.results?.length : (found?.unfilteredResultCount ?? found?.results?.length);
      this.counts(byTag, (indexed ?? 0) + freshData.length);
      const tagName = rubrique ? this.tags.get(rubrique)?.name ?? rubrique : "";
      if (this.results.length === 0) {
        // What could not be searched, before the advice that leads to the tags below.
        this.say(summary(0, q, tagName), { suggestions: true });
        if (fresh.error) this.latestFailed(fresh.error, search);
        this.status.append(` ${MESSAGES.none}`);
      } else {
        // Its first results could not be read: the failure stays said.
        if (!(await this.showMore(false)) || run !== this.run) return;
        this.say(summary(this.results.length, q, tagName));
        if (fresh.error) this.latestFailed(fresh.error, search);
      }
    } catch (error) {
      forget();
      const why = await reason(error);
      if (run !== this.run) return;
      console.error("Veille : la recherche a échoué", error);
      this.failed(why, search);
    } finally {
      if (run === this.run) this.list.removeAttribute("aria-busy");
    }
  }

  /** How many results each tag would have: the filters show them, and only tags that have some. */
  counts(byTag, total) {
    this.controls.hidden = false;
    for (const label of this.controls.querySelectorAll(".search__choice")) {
      const value = label.querySelector("input").value;
      const n = value ? byTag[value] ?? 0 : total;
      label.querySelector(".search__choice-count").textContent = `(${count.format(n)})`;
      label.hidden = value !== "" && n === 0 && !label.querySelector("input").checked;
    }
  }

  /** The next results; with `focus`, the keyboard goes to the first of them. Whether they could
   * be read (else the failure is said). */
  async showMore(focus) {
    const next = this.results.slice(this.shown, this.shown + this.batch);
    const run = this.run;
    let data;
    const before = faults;
    try {
      data = await limited(Promise.all(next.map((result) => result.data())), 2 * TIMEOUT_MS);
    } catch {
      forget();
      if (run === this.run) this.failed(faults !== before ? lastFault : "offline", searchOf(location.href));
      return false;
    }
    if (run !== this.run) return false;
    const items = data.map((page) => this.item(page));
    this.list.append(...items);
    this.shown += items.length;
    this.more.hidden = this.shown >= this.results.length;
    if (focus) {
      items[0]?.querySelector("a")?.focus();
      this.say(MESSAGES.more(this.shown, this.results.length));
    }
    return true;
  }

  item(page) {
    const li = doc.createElement("li");
    li.className = "search-result";
    const title = doc.createElement("h2");
    title.className = "search-result__title";
    const link = doc.createElement("a");
    link.href = page.url;
    link.textContent = page.meta?.title ?? page.url;
    title.append(link);
    const meta = doc.createElement("p");
    meta.className = "search-result__meta";
    if (page.meta?.date) {
      const time = doc.createElement("time");
      if (page.meta.iso) time.dateTime = page.meta.iso;
      time.textContent = page.meta.date;
      meta.append(time);
    }
    for (const slug of page.filters?.rubrique ?? []) {
      // Every tag of an article is one of the site's, which the page lists.
      const known = this.tags.get(slug);
      if (!known?.href) continue;
      const tag = doc.createElement("a");
      tag.href = known.href;
      tag.className = "search-result__tag";
      tag.textContent = known.name;
      meta.append(meta.childNodes.length ? " · " : "", tag);
    }
    const excerpt = doc.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.append(...(page.text !== undefined ? markedNodes(page.text, this.field.value) : excerptNodes(page.excerpt ?? "")));
    li.append(title, meta, excerpt);
    return li;
  }
}

// ---------------------------------------------------------------------------------------------
// Start

/** Takes over the search page in the document, if any, and runs the search in its address. */
export function start() {
  const root = doc.querySelector("[data-recherche]");
  if (root && !root.veilleSearch) {
    new SearchPage(root).go(searchOf(location.href), { push: false });
  } else if (!root) {
    // The header's field was focused: Pagefind is loaded now, for the results page.
    pagefind().catch(() => {});
  }
}

const mounted = () => {
  const root = doc.querySelector("[data-recherche]");
  return root?.veilleSearch ?? null;
};

/** This script's hold on the page: Pagefind's fetch watched, and the page's events. */
function install() {
  window.fetch = indexFetch;

  // Back and forward between searches of the page: the page shows the search of the address.
  addEventListener("popstate", () => mounted()?.go(searchOf(location.href), { push: false }));

  // On the search page, the header's form searches there too (before navigation.js would load
  // the page again: capture).
  doc.addEventListener(
    "submit",
    (event) => {
      const page = mounted();
      const form = event.target;
      if (!page || !(form instanceof HTMLFormElement) || !form.matches("form[data-recherche-form]")) return;
      if (form === page.form) return;
      event.preventDefault();
      const q = normalize(String(new FormData(form).get("q") ?? ""));
      page.go({ ...page.fromForm(), q }, { push: true });
    },
    true,
  );

  // A page navigation.js swapped in (src/hydration.rs, PAGE_EVENT).
  doc.addEventListener("veille:page", start);

  window.veilleSearch = { start };
}

// Loaded a second time (navigation.js tried again after a slow first load, which came in the
// end): the first copy keeps the page.
if (!window.veilleSearch) install();
window.veilleSearch.start();
