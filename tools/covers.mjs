// `./dev.sh covers`: a PNG copy of every SVG cover in public/images, 1200 × 630, drawn by
// Chromium. Share previews (Facebook, LinkedIn, X, WhatsApp…) show no SVG: an article's
// `cover.share` names its PNG, which `og:image` and `twitter:image` then point to. Run it after
// adding or changing a cover, and commit the PNG with it.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CHROMIUM, launch } from "./chromium.mjs";

const IMAGES = new URL("../public/images/", import.meta.url).pathname;
const [WIDTH, HEIGHT] = [1200, 630];

const browser = await launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  for (const name of (await readdir(IMAGES)).filter((n) => n.endsWith(".svg")).sort()) {
    const svg = await readFile(join(IMAGES, name));
    const src = `data:image/svg+xml;base64,${svg.toString("base64")}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${WIDTH}" height="${HEIGHT}" style="display:block"></body>`,
    );
    await page.waitForFunction(() => document.images[0].complete && document.images[0].naturalWidth > 0);
    const png = await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    const out = name.replace(/\.svg$/, ".png");
    await writeFile(join(IMAGES, out), png);
    console.log(`public/images/${out}  ${png.length} B`);
  }
} finally {
  await browser.close();
}
