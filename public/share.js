// @ts-check
// share.js — « Copier le lien » and the share sheet, written once for the whole site: on a page of
// islands navigation.js imports it (no wasm takes a share row over there), and in the full app
// the wasm imports the same file (src/browser.rs, a wasm-bindgen snippet).

/** Whether the browser has a share sheet (`navigator.share`). */
export const canShare = () => typeof navigator.share === "function";

/** Opens the share sheet with a page's title, text and address. A reader who closes the sheet
 * rejects the promise: nothing to report. */
export function share(title, text, url) {
  navigator.share?.({ title, text, url }).catch(() => {});
}

/** Puts `text` on the clipboard: the Clipboard API, or where it is missing or refused, a
 * selected text area and the copy command. Whether it worked. */
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text, className: "share__fallback" });
    area.setAttribute("readonly", "");
    document.body.append(area);
    area.select();
    let done = false;
    try {
      done = document.execCommand("copy");
    } catch {}
    area.remove();
    return done;
  }
}
