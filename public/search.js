// search.js — search in the articles, on a static host: the Pagefind index the build wrote
// under /pagefind/ (src/search.rs says what it holds; tests/e2e/search-index.mjs writes it).
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
  offline:
    "La recherche ne répond pas\u00a0: la connexion semble coupée. Vérifiez-la, puis réessayez. Les rubriques restent accessibles\u00a0:",
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

let engine = null;
let attempts = 0;

/** Pagefind, loaded and started once; a failure is retried on the next call (at an address of
 * its own: a browser may keep a failed module import for the life of the page). */
function pagefind() {
  if (!engine) {
    const address = attempts++ === 0 ? PAGEFIND : `${PAGEFIND}?essai=${attempts}`;
    engine = import(address)
      .then(async (module) => {
        await module.options({ excerptLength: 24 });
        await module.init();
        return module;
      })
      .catch(async (error) => {
        engine = null;
        throw await reason(error);
      });
  }
  return engine;
}

/** Why Pagefind could not load: "missing" when the site has no index, else "offline". */
async function reason(error) {
  if (!navigator.onLine) return "offline";
  try {
    const response = await fetch(PAGEFIND, { method: "HEAD", cache: "no-store" });
    return response.status === 404 || response.status === 410 ? "missing" : "offline";
  } catch {
    return "offline";
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
    // The tags' names, from the page's own links (the index holds their slugs).
    this.names = new Map(
      [...this.suggestions.querySelectorAll("a[data-rubrique]")].map((a) => [a.dataset.rubrique, a.textContent]),
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
      ...[...this.names].map(([slug, name]) => choice(slug, name)),
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
    if (why === "offline") this.offerRetry(search);
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
    this.say(MESSAGES.searching);
    // Asked at once, while Pagefind loads.
    const recent = latest(q);
    try {
      const engine = await pagefind();
      const options = {};
      if (rubrique) options.filters = { rubrique };
      if (tri) options.sort = { date: "desc" };
      const found = await engine.search(q, options);
      const fresh = await recent;
      if (run !== this.run) return;
      this.clear();
      // Published after the build, they are the newest: first in either order.
      const freshData = await Promise.all(fresh.results.map((result) => result.data()));
      const tagsOf = (page) => page.filters?.rubrique ?? [];
      const byTag = { ...(found?.totalFilters?.rubrique ?? {}) };
      for (const page of freshData) for (const tag of tagsOf(page)) byTag[tag] = (byTag[tag] ?? 0) + 1;
      const inTag = fresh.results.filter((_, i) => !rubrique || tagsOf(freshData[i]).includes(rubrique));
      this.results = [...inTag, ...(found?.results ?? [])];
      this.counts(byTag, (found?.unfilteredResultCount ?? found?.results?.length ?? 0) + fresh.results.length);
      const tagName = rubrique ? this.names.get(rubrique) ?? rubrique : "";
      if (this.results.length === 0) {
        // What could not be searched, before the advice that leads to the tags below.
        this.say(summary(0, q, tagName), { suggestions: true });
        if (fresh.error) this.latestFailed(fresh.error, search);
        this.status.append(` ${MESSAGES.none}`);
      } else {
        await this.showMore(false);
        if (run !== this.run) return;
        this.say(summary(this.results.length, q, tagName));
        if (fresh.error) this.latestFailed(fresh.error, search);
      }
    } catch (error) {
      if (run !== this.run) return;
      console.error("Veille : la recherche a échoué", error);
      this.failed(typeof error === "string" ? error : "offline", search);
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

  /** The next results; with `focus`, the keyboard goes to the first of them. */
  async showMore(focus) {
    const next = this.results.slice(this.shown, this.shown + this.batch);
    const run = this.run;
    let data;
    try {
      data = await Promise.all(next.map((result) => result.data()));
    } catch {
      if (run === this.run) this.failed("offline", searchOf(location.href));
      return;
    }
    if (run !== this.run) return;
    const items = data.map((page) => this.item(page));
    this.list.append(...items);
    this.shown += items.length;
    this.more.hidden = this.shown >= this.results.length;
    if (focus) {
      items[0]?.querySelector("a")?.focus();
      this.say(MESSAGES.more(this.shown, this.results.length));
    }
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
      const tag = doc.createElement("a");
      tag.href = `/tag/${encodeURIComponent(slug)}`;
      tag.className = "search-result__tag";
      tag.textContent = this.names.get(slug) ?? slug;
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
start();
