// @ts-check
// navigation.js — the only script a prerendered page of Veille runs at first, once it has loaded (a « page of
// islands », see src/islands.rs). The page is complete without it; it adds three things:
//
// 1. The islands' wasm (the newsletter box, made alive by src/islands.rs), loaded only when a
//    reader may use it: when the box comes within a screen and a half of the viewport, or when
//    it is hovered, touched or focused. A signup sent before is held, shown on its way, and sent
//    by the wasm once it is there (or, if it cannot load or is late, posted as the plain form it
//    is). The share rows need
//    no wasm: « Copier le lien » and the share sheet are served here (public/share.js, which the
//    full app uses too), from the row's data-url, data-titre and data-texte
//    (src/components/share.rs).
// 2. Client-side navigation: an internal link fetches the next prerendered page (prefetched on
//    hover, focus or touch) and swaps the body and the page's head tags (those after the
//    <!--HEAD--> marker) instead of loading a new document; history, scroll, focus on the new
//    h1, and an announcement for screen readers. Anything this script does not handle
//    (another origin, a download, a new tab, a modified click, an anchor of the same page, a
//    file, a failed fetch) is left to the browser. A navigation that takes a moment shows a
//    bar and says so; the last one asked wins (an earlier one's fetch is aborted, its page never
//    shown); one that takes too long is left to the browser too.
// 3. Search: public/search.js, loaded only when a reader focuses a search field or is on
//    /recherche; a search form sent from another page opens /recherche as a link would.
// 4. When the page's configuration changed since the build (another newsletter provider,
//    another content API), the full app instead (its own router then navigates).
//
// The names it reads are written by the prerender (src/hydration.rs, crates/build/src/prerender.rs).

import { canShare, copy, share as openSheet } from "./share.js";

// Started by the page's inline loader (src/hydration.rs, NAVIGATION_LOADER), which from now on
// leaves signups to this script.
window.veilleNavigation = true;

const doc = document;
const root = doc.documentElement;
const metaOf = (d, name) => d.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? null;
const meta = (name) => metaOf(doc, name);

/** `{ js, wasm }` from a `<meta>` holding "<js> <wasm>". */
function bundle(name) {
  const [js, wasm] = (meta(name) ?? "").split(" ");
  return js && wasm ? { js, wasm } : null;
}

/** Starts a wasm-bindgen bundle (the same two steps as trunk's own loader). */
async function start({ js, wasm }) {
  const module = await import(js);
  await module.default({ module_or_path: wasm });
  return module;
}

// The newsletter provider or the content API changed since the page was prerendered: what it
// shows may no longer be what it should, so the full app renders it afresh.
const reconfigured =
  (meta("veille-newsletter") ?? "") !== (meta("veille-rendu-avec") ?? "") ||
  (meta("veille-content-api") ?? "") !== (meta("veille-api-rendu") ?? "");


// ---------------------------------------------------------------------------------------------
// 1. Islands

/** Set by the wasm on each island it made alive (src/islands.rs, `ALIVE`). */
const ALIVE = "data-vivant";
/** On a signup form held until the wasm comes, saying so (style/main.css shows it). */
const HELD = "data-envoi";
const SENDING = "Envoi de votre inscription…";
/** How long a held signup waits for the wasm before it is posted as a plain form. */
const ISLAND_WAIT_MS = 3000;
let loading = null;

/** Loads the islands' wasm once; resolves once the page's islands are alive. */
function loadIslands() {
  const islandsBundle = bundle("veille-islands");
  if (!islandsBundle) return Promise.reject(new Error("pas d’îlots sur cette page"));
  loading ??= start(islandsBundle).catch((error) => {
    loading = null;
    console.error(error);
    throw error;
  });
  return loading;
}

const islandOf = (node) => (node instanceof Element ? node.closest("leptos-island") : null);
const asleep = (island) => island && !island.hasAttribute(ALIVE);

let observer = null;
/** Watches the page's newsletter box: the wasm loads as it comes near. */
function watchNewsletter() {
  observer?.disconnect();
  if (meta("veille-islands-load") === "eager") return;
  const box = doc.querySelector('leptos-island[data-component="lettre"]');
  if (!box || loading || !("IntersectionObserver" in window)) return;
  observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        loadIslands().catch(() => {});
      }
    },
    { rootMargin: "150% 0px" },
  );
  // The island element lays nothing out (display: contents): the box inside it is watched.
  observer.observe(box.firstElementChild ?? box);
}

function islands() {
  const wake = (event) => {
    if (asleep(islandOf(event.target))) loadIslands().catch(() => {});
  };
  for (const type of ["pointerover", "touchstart", "focusin"]) {
    doc.addEventListener(type, wake, { passive: true, capture: true });
  }

  // A signup sent before the wasm: held, the box showing that it is on its way, then sent by
  // the box once alive (one request, with its states and messages); or posted as the plain
  // form it is if the wasm cannot load or has not come within ISLAND_WAIT_MS. Once either way
  // is taken, the other is not: one request per submission.
  doc.addEventListener(
    "submit",
    (event) => {
      const form = /** @type {HTMLFormElement} */ (event.target);
      const island = islandOf(form);
      if (!asleep(island)) return;
      event.preventDefault();
      if (form.hasAttribute(HELD)) return;
      form.setAttribute(HELD, SENDING);
      form.setAttribute("aria-busy", "true");
      say(SENDING);
      let taken = false;
      const take = (way) => {
        if (taken) return;
        taken = true;
        clearTimeout(timer);
        form.removeAttribute(HELD);
        form.setAttribute("aria-busy", "false");
        way();
      };
      const timer = setTimeout(() => take(() => form.submit()), ISLAND_WAIT_MS);
      loadIslands().then(
        () => take(() => (form.isConnected ? form.requestSubmit() : null)),
        () => take(() => form.submit()),
      );
    },
    true,
  );
  // `<meta name="veille-islands-load" content="eager">`: at once, for a site whose widgets are
  // at the top of every page (the benchmark compares both ways).
  if (meta("veille-islands-load") === "eager") loadIslands().catch(() => {});
  else watchNewsletter();
}

// ---------------------------------------------------------------------------------------------
// 1b. Share rows

/** How long « Lien copié » stays, in milliseconds (as the app's row: components/share.rs). */
const CONFIRMATION_MS = 3000;

/** Shows each row's share button where the browser has a share sheet. */
function shareRows() {
  if (!canShare()) return;
  for (const button of doc.querySelectorAll(".share[data-url] .share__native")) {
    button.closest("li").hidden = false;
  }
}

function share() {
  doc.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(".share__copy, .share__native") : null;
    const row = /** @type {HTMLElement | null | undefined} */ (button?.closest(".share[data-url]"));
    if (!row) return;
    const { url, titre, texte } = row.dataset;
    if (button.matches(".share__native")) return openSheet(titre, texte, url);
    copy(url).then((done) => {
      if (!done) return;
      const status = row.querySelector(".share__status");
      status.textContent = "Lien copié";
      clearTimeout(row.veilleConfirmation);
      row.veilleConfirmation = setTimeout(() => (status.textContent = ""), CONFIRMATION_MS);
    });
  });
  shareRows();
}

// ---------------------------------------------------------------------------------------------
// 2. Navigation

/** Fetched pages, by address without fragment: each fetched once (prefetch, then the click),
 * with the controller that can abort it. */
const pages = new Map();
const keyOf = (url) => url.origin + url.pathname + url.search;

function fetchPage(url) {
  const key = keyOf(url);
  if (!pages.has(key)) {
    const controller = new AbortController();
    const page = fetch(key, { credentials: "same-origin", headers: { Accept: "text/html" }, signal: controller.signal }).then(
      (response) => {
        const type = response.headers.get("content-type") ?? "";
        if (!response.ok || !type.includes("text/html")) throw new Error(`${response.status} ${type}`);
        return response.text();
      },
    );
    page.catch(() => pages.get(key)?.page === page && pages.delete(key));
    pages.set(key, { page, controller });
  }
  return pages.get(key).page;
}

/** How long a navigation may take before the browser loads the page itself, and how long
 * before the reader is shown that it is under way (a quick one shows nothing). */
const NAVIGATION_TIMEOUT_MS = 8000;
const PROGRESS_DELAY_MS = 400;
/** On the root while a navigation is shown under way (style/main.css draws it). */
const NAVIGATING = "data-navigation";
/** The navigation under way, if any: the last one asked wins. */
let pending = null;

/** Abandons the navigation under way: its fetch aborted (unless it is `keep`'s), its sign gone. */
function abandon(keep) {
  if (!pending) return;
  clearTimeout(pending.timer);
  clearTimeout(pending.progress);
  if (pending.key !== keep) {
    pages.get(pending.key)?.controller.abort();
    pages.delete(pending.key);
  }
  pending = null;
  root.removeAttribute(NAVIGATING);
}

/** `text` said politely to screen readers. */
function say(text) {
  const region = announcer();
  if (!region.isConnected) doc.body.append(region);
  region.textContent = text;
}

/** The address an activated link leads to when this script is to handle it, else null. */
function linkTarget(event) {
  if (event.defaultPrevented) return null;
  // A click opening a new tab or window (middle button, Ctrl, ⌘, Shift, Alt); hover, focus and
  // touch (prefetch) have no button to check.
  if (event.type === "click" && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
    return null;
  }
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  if ((link.getAttribute("rel") ?? "").split(/\s+/).includes("external")) return null;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
  // An anchor of this very page (table of contents, skip link), or the page itself.
  if (url.pathname === location.pathname && url.search === location.search) return null;
  // A file (the feed, the sitemap, an image), not a page.
  if (/\.[a-z0-9]+$/i.test(url.pathname.split("/").pop())) return null;
  return url;
}

/** Scroll positions of the history entries this script made, by entry. */
const scrolls = new Map();
let entry = 0;
let current = location.pathname + location.search;

/** The live region that announces each new page; kept across swaps so it is heard. */
function announcer() {
  let region = doc.getElementById("veille-annonce");
  if (!region) {
    region = doc.createElement("p");
    region.id = "veille-annonce";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
  }
  return region;
}

/** The <!--HEAD--> comment of `head`, after which come the page's own tags. */
const headMarker = (head) => [...head.childNodes].find((n) => n.nodeType === Node.COMMENT_NODE && n.data === "HEAD");

/** Replaces the current head's tags after <!--HEAD--> (and the route's marker) by `next`'s. */
function swapHead(next) {
  const here = headMarker(doc.head);
  const there = headMarker(next.head);
  if (!here || !there) return false;
  while (here.nextSibling) here.nextSibling.remove();
  const tags = [];
  for (let n = there.nextSibling; n; n = n.nextSibling) tags.push(doc.importNode(n, true));
  doc.head.append(...tags);
  for (const name of ["veille-route", "veille-rendu-avec"]) {
    const tag = doc.querySelector(`meta[name="${name}"]`);
    const value = metaOf(next, name);
    if (tag && value !== null) tag.setAttribute("content", value);
  }
  return true;
}

async function go(url, { push, scroll }) {
  const key = keyOf(url);
  // The same page asked again while on its way: the same navigation goes on.
  if (pending?.key === key && pending.push === push) return;
  abandon(key);
  const nav = { key, push };
  nav.progress = setTimeout(() => {
    root.setAttribute(NAVIGATING, "");
    say("Chargement de la page…");
  }, PROGRESS_DELAY_MS);
  // Too long: the browser loads it, as without this script — once the fetch is aborted, for
  // the browser would wait for it before asking the same address again.
  nav.timer = setTimeout(() => {
    abandon();
    location.assign(url.href);
  }, NAVIGATION_TIMEOUT_MS);
  pending = nav;
  let text;
  try {
    text = await fetchPage(url);
  } catch {
    if (pending === nav) location.assign(url.href);
    return;
  }
  // A later navigation took over.
  if (pending !== nav) return;
  abandon(key);
  const next = new DOMParser().parseFromString(text, "text/html");
  // Only a whole page of islands built the same way can be swapped in.
  if (
    !metaOf(next, "veille-islands") ||
    metaOf(next, "veille-rendu-avec") !== meta("veille-rendu-avec") ||
    !headMarker(next.head) ||
    !headMarker(doc.head) ||
    !next.querySelector("main")
  ) {
    location.assign(url.href);
    return;
  }
  if (push) {
    scrolls.set(history.state?.veille ?? 0, scrollY);
    entry = Date.now();
    history.pushState({ veille: entry }, "", url.href);
  }
  current = location.pathname + location.search;
  swapHead(next);
  const region = announcer();
  region.textContent = "";
  doc.body.replaceChildren(...[...next.body.childNodes].map((n) => doc.importNode(n, true)), region);
  const target = url.hash && doc.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (scroll != null) scrollTo(0, scroll);
  else if (target) target.scrollIntoView();
  else scrollTo(0, 0);
  const h1 = /** @type {HTMLElement | null} */ (doc.querySelector("main h1"));
  h1?.focus({ preventScroll: true });
  // After the focus, so that the title is not read twice at once.
  setTimeout(() => (region.textContent = `Page chargée\u00a0: ${doc.title}`), 100);
  doc.dispatchEvent(new CustomEvent("veille:page"));
  shareRows();
  watchNewsletter();
}

function navigation() {
  history.scrollRestoration = "manual";
  entry = history.state?.veille ?? Date.now();
  history.replaceState({ ...(history.state ?? {}), veille: entry }, "");

  const prefetch = (event) => {
    const url = linkTarget(event);
    if (url) fetchPage(url).catch(() => {});
  };
  for (const type of ["pointerover", "focusin", "touchstart"]) {
    doc.addEventListener(type, prefetch, { passive: true });
  }
  doc.addEventListener("click", (event) => {
    const url = linkTarget(event);
    if (!url) return;
    event.preventDefault();
    go(url, { push: true, scroll: null });
  });
  addEventListener("popstate", (event) => {
    const here = location.pathname + location.search;
    // A fragment of the same page (the table of contents): the browser's to handle; and a
    // navigation still on its way is not where the reader now is.
    if (here === current) return abandon();
    // Another search of the search page, which shows it itself (search.js).
    if (location.pathname === current.split("?")[0] && doc.querySelector("[data-recherche]")?.veilleSearch) {
      abandon();
      current = here;
      return;
    }
    scrolls.set(entry, scrollY);
    entry = event.state?.veille ?? Date.now();
    go(new URL(location.href), { push: false, scroll: scrolls.get(entry) ?? 0 });
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Search

const SEARCH_SCRIPT = "/search.js";
const SEARCH_FORM = "form[data-recherche-form]";
let searching = null;
let searchAttempts = 0;

/** The search page's status, while search.js has not taken the page over. */
const waitingSearch = () => {
  const page = doc.querySelector("[data-recherche]");
  return page && !page.veilleSearch ? /** @type {HTMLElement | null} */ (page.querySelector(".search__status")) : null;
};

/** search.js, once: it takes over the search page, or preloads the index for the next search.
 * Within NAVIGATION_TIMEOUT_MS, else the search page says it could not start, with « Réessayer »
 * (a fresh address: a browser may keep a failed module import for the life of the page). */
function loadSearch() {
  if (!searching) {
    const address = searchAttempts++ ? `${SEARCH_SCRIPT}?essai=${searchAttempts}` : SEARCH_SCRIPT;
    let timer;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("délai dépassé")), NAVIGATION_TIMEOUT_MS)));
    searching = Promise.race([import(address), late])
      .finally(() => clearTimeout(timer))
      .catch((error) => {
        searching = null;
        console.error(error);
        // The page's own words for it, with « Réessayer » (src/pages/search.rs), moved into the
        // status the first time and kept for the next.
        const status = waitingSearch();
        const failed = status?.parentNode.querySelector(".search__echec");
        if (!failed) return;
        failed.nodes ??= [...failed.childNodes];
        failed.querySelector("button")?.addEventListener("click", loadSearch);
        status.replaceChildren(...failed.nodes);
      });
    // Not « needs JavaScript », which the page says for readers without it: it is on its way.
    const status = waitingSearch();
    if (status) status.textContent = status.dataset.chargement;
  }
  return searching;
}

function search() {
  const wanted = () => doc.querySelector("[data-recherche]") || doc.activeElement?.closest?.(SEARCH_FORM);
  doc.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest(SEARCH_FORM)) loadSearch();
  });
  // A page swapped in (search.js, once loaded, takes over the new search page itself).
  doc.addEventListener("veille:page", () => {
    if (doc.querySelector("[data-recherche]")) loadSearch();
  });
  // A search sent from a page that is not the search page (which handles its own): the
  // results page, as a link to it would open.
  doc.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.matches(SEARCH_FORM)) return;
    const url = new URL(form.action);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    url.search = new URLSearchParams(/** @type {any} */ (new FormData(form))).toString();
    go(url, { push: true, scroll: null });
  });
  // The reader's first action, which started this script, may have been that focus.
  if (wanted()) loadSearch();
}

// ---------------------------------------------------------------------------------------------
// Start (last: everything above is declared by now).

if (reconfigured) {
  const app = bundle("veille-app");
  if (app) start(app).catch(console.error);
} else {
  islands();
  share();
  navigation();
  search();
  root.setAttribute("data-app", "ready");
}
