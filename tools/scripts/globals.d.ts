// What the site's scripts (public/navigation.js, public/search.js) add to the browser's own
// objects, for TypeScript's check of them (tools/scripts/jsconfig.json, run by ./dev.sh test).
// Not shipped: the scripts are plain JavaScript.

interface Window {
  /** Set once navigation.js runs (src/hydration.rs' loader then leaves signups to it). */
  veilleNavigation?: boolean;
  /** search.js's entry, for navigation.js and the full app (src/browser.rs). */
  veilleSearch?: { start(): void };
  /** The full app's search of what its CMS published after the build (src/browser.rs). */
  veilleLatest?: (q: string) => Promise<Iterable<unknown>>;
}

interface Element {
  /** On the search page's root: the page search.js took over. */
  veilleSearch?: any;
  /** On a share row: the timer that clears « Lien copié ». */
  veilleConfirmation?: ReturnType<typeof setTimeout>;
  /** On the search page's hidden failure words: their nodes, once moved into the status. */
  nodes?: Node[];
}
