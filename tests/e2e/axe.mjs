// axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) on a page as it is now, for the
// accessibility tests (a11y.test.mjs) and for the states only a real CMS makes (live.mjs). The
// page's context must bypass its Content-Security-Policy: the audit's script is injected.

import { createRequire } from "node:module";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The violations on `page`, each printed with its rule, element and help page. */
export async function audit(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  const found = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      console.log(`✗ ${label} — ${v.id} (${v.impact}) — ${node.target.join(" ")} — ${v.helpUrl}`);
      found.push(`${label}: ${v.id} ${node.target.join(" ")}`);
    }
  }
  return found;
}
