// The mid-range phone every benchmark loads pages as: CPU ×4, 150 ms round trips, 1.6 Mbit/s
// down, 750 kbit/s up, no cache.

export const PHONE = {
  cpu: 4,
  latency: 150,
  down: (1.6 * 1000 * 1000) / 8,
  up: (750 * 1000) / 8,
};

/** Lighthouse's mobile device: 412 CSS px wide, 1.75 device pixels to a CSS pixel. */
export const LIGHTHOUSE_PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };

/**
 * A fresh page of `browser` throttled to the phone (412 × 915 CSS px, or the `device` given);
 * `wire` counts every request and the bytes each brought on the wire, `responses` lists them
 * ({ url, bytes }).
 */
export async function phonePage(browser, device = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6 }) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.down,
    uploadThroughput: PHONE.up,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  const wire = { bytes: 0, requests: 0, responses: [] };
  const urls = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    wire.requests++;
    urls.set(e.requestId, e.request.url);
  });
  cdp.on("Network.loadingFinished", (e) => {
    wire.bytes += e.encodedDataLength;
    wire.responses.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength });
  });
  return { context, page, wire };
}
