#!/usr/bin/env bash
# The app benchmark (method and results: docs/performance.md). Serves the release site gzip-compressed,
# as GitHub Pages does, and drives headless Chromium through the DevTools protocol:
#   mobile profile  Network.emulateNetworkConditions (150 ms latency, 1.6 Mbit/s down, 0.75 Mbit/s up),
#                   Emulation.setCPUThrottlingRate 4, cache disabled, a 412x823 viewport; median of RUNS
#                   cold loads of:
#     static        a static HTML page with the site's CSS and the same kind of text (the yardstick)
#     landing       `/` until its Wasm ran and an input responds (an input event changes the verdict bar),
#                   and its first contentful paint (the prerendered page, before the Wasm arrives)
#     result link   `/?case=trailing-slash&step=7` until Chrome's console text is on screen (the
#                   prerendered copy of the link, fetched by index.html's script, or the app), and the
#                   bytes moved over the wire to get there; then, for the record, until the app has
#                   replaced the copy there (its Wasm ran)
#   keystroke       without throttling: input event on the URL field → verdict updated in the DOM
#                   (200 edits, p50/p95)
#   scripts/bench-app.sh [DIST]     DIST defaults to dist (build it with scripts/build-site.sh)
#   scripts/bench-app.sh --floor    builds bench/floor (the smallest Leptos page with an input and a
#                                   verdict, same build settings) and times its landing page the
#                                   same way: the floor under the app's landing figure
# Prints one line per figure and the ratios to the static page; exits non-zero when a budget of
# issue-level targets is exceeded (landing ≤ 1.5x static, result ≤ 2.5x static and ≤ 250 KiB moved,
# keystroke p95 ≤ 8 ms).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

landing_only=no
if [ "${1:-}" = --floor ]; then
  dist=target/floor-dist
  landing_only=yes
  say "building bench/floor into $dist/ (trunk, release, as scripts/build-site.sh builds the app)"
  (
    source "$REPO_ROOT/scripts/wasm-env.sh"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
    trunk build --release --dist "$dist" bench/floor/index.html
  ) >/dev/null
  say "$dist: $(cat "$dist"/*.wasm "$dist"/*.js | gzip -9 | wc -c) bytes of Wasm and JS, gzip -9"
else
  dist="${1:-dist}"
fi
[ -f "$dist/index.html" ] || die "$dist/index.html does not exist: run scripts/build-site.sh first"
[ -d node_modules/playwright-core ] || die "node_modules/playwright-core is missing: run npm ci"
chromium="${CHROMIUM_BIN:-/usr/bin/chromium}"
css=$(find "$dist" -maxdepth 1 -name 'main-*.css' | head -n 1)
[ -n "$css" ] || die "no main-*.css in $dist"

LANDING_ONLY="$landing_only" DIST="$dist" CSS="$(basename "$css")" CHROMIUM="$chromium" RUNS="${RUNS:-3}" node --input-type=module <<'JS'
import { chromium } from "playwright-core";
import { serveDist } from "./scripts/serve-dist.mjs";

const runs = Number(process.env.RUNS);
// The yardstick: the site's CSS and a page of text like the landing page's, no script.
const staticPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title>
<link rel="stylesheet" href="/${process.env.CSS}"></head><body><main id="main">
<h1>CORS Explainer — why did the browser block my request?</h1>
${"<p>Paste the console error you got, or walk through a request step by step: the page, the request, the server's answers. Every check the browser makes is listed with a link into the Fetch standard.</p>".repeat(12)}
<label for="x">Page origin</label><input id="x" value="https://app.example.com"></main></body></html>`;

// The site as GitHub Pages serves it (gzip), with the yardstick beside it.
const server = await serveDist(process.env.DIST, { gzip: true, pages: { "/static.html": staticPage } });
const { origin } = server;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const kib = (b) => (b / 1024).toFixed(1);
let failed = false;

/// A cold page under the mobile profile; returns [page, context, bytes-moved counter].
async function mobilePage() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (0.75 * 1024 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const moved = { bytes: 0 };
  cdp.on("Network.loadingFinished", (e) => { moved.bytes += e.encodedDataLength; });
  return [page, context, moved];
}

/// Median time from navigation start until `ready` holds in the page, over `runs` cold loads; the
/// median bytes moved; every time; the median first contentful paint.
async function timed(url, ready) {
  const times = [];
  const bytes = [];
  const paints = [];
  for (let i = 0; i < runs; i++) {
    const [page, context, moved] = await mobilePage();
    await page.goto(`${origin}${url}`, { waitUntil: "commit", timeout: 120000 });
    const ms = await page.evaluate(ready);
    times.push(ms);
    bytes.push(moved.bytes);
    // The paint entry is recorded a frame after the paint.
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0,
      null, { timeout: 30000 });
    paints.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime));
    await context.close();
  }
  return [median(times), median(bytes), times, median(paints)];
}

// "On screen": the page holds it (checked on every change of the document, not on a timer, which the
// browser may hold back while it loads) and the next frame is drawn (never before the stylesheet).
const onScreen = `(async (shown) => {
  await new Promise((ok) => {
    const check = () => { if (shown()) { observer.disconnect(); ok(); } };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    check();
  });
  await new Promise((ok) => requestAnimationFrame(() => ok()));
  return performance.now();
})`;

const [staticMs, , staticAll, staticPaint] = await timed("/static.html",
  `${onScreen}(() => document.querySelector("#x"))`);
console.log(`static page: median ${staticMs.toFixed(0)} ms (${staticAll.map((t) => t.toFixed(0)).join(", ")}), first contentful paint ${staticPaint.toFixed(0)} ms`);

// Interactive: the app's Wasm ran and an input responds (an edit changes the verdict bar).
// The prerendered copy of the landing page has the same ids and does nothing: wait until it is gone.
const [landingMs, landingBytes, landingAll, landingPaint] = await timed("/", async () => {
  const find = () => document.querySelector("#page-origin");
  const bar = () => document.querySelector("[data-testid=verdict]");
  while (document.getElementById("prerendered") || !find() || !bar()) await new Promise((ok) => setTimeout(ok, 5));
  const before = bar().textContent;
  const input = find();
  input.value = "https://elsewhere.example";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  while (bar().textContent === before) await new Promise((ok) => setTimeout(ok, 1));
  return performance.now();
});
const landingRatio = landingMs / staticMs;
const landingOk = landingRatio <= 1.5;
failed ||= !landingOk;
console.log(`landing first contentful paint: median ${landingPaint.toFixed(0)} ms, ${(landingPaint / staticPaint).toFixed(2)}x the static page's`);
console.log(`landing interactive: median ${landingMs.toFixed(0)} ms (${landingAll.map((t) => t.toFixed(0)).join(", ")}), ${landingRatio.toFixed(2)}x static (target 1.5x) ${landingOk ? "ok" : "EXCEEDED"}; ${kib(landingBytes)} KiB moved`);

if (process.env.LANDING_ONLY === "yes") {
  await browser.close();
  server.close();
  process.exit(0);
}

const [resultMs, resultBytes, resultAll] = await timed("/?case=trailing-slash&step=7",
  `${onScreen}(() => (document.querySelector("[data-testid=console-text]")?.textContent ?? "").includes("Access-Control-Allow-Origin"))`);
const resultRatio = resultMs / staticMs;
const resultOk = resultRatio <= 2.5 && resultBytes <= 250 * 1024;
failed ||= !resultOk;
console.log(`result link: median ${resultMs.toFixed(0)} ms (${resultAll.map((t) => t.toFixed(0)).join(", ")}), ${resultRatio.toFixed(2)}x static (target 2.5x), ${kib(resultBytes)} KiB moved (target 250 KiB) ${resultOk ? "ok" : "EXCEEDED"}`);

// The same link until the app runs there (no target: the copy is what the visitor reads meanwhile).
const [runningMs, runningBytes, runningAll] = await timed("/?case=trailing-slash&step=7", async () => {
  const running = () => !document.getElementById("prerendered") && document.querySelector("[data-testid=console-text]");
  while (!running()) await new Promise((ok) => setTimeout(ok, 5));
  return performance.now();
});
console.log(`result link, app running: median ${runningMs.toFixed(0)} ms (${runningAll.map((t) => t.toFixed(0)).join(", ")}), ${(runningMs / staticMs).toFixed(2)}x static, ${kib(runningBytes)} KiB moved`);

// Keystroke → updated verdict, without throttling: 200 input events alternating origins.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/?case=custom-header-not-allowed&step=2`);
  await page.waitForSelector("[data-testid=origin-verdict]");
  const durations = await page.evaluate(async () => {
    const input = document.querySelector("#target-url");
    const verdict = () => document.querySelector("[data-testid=origin-verdict]").textContent
      + document.querySelector("[data-testid=verdict]").textContent;
    const yieldToTasks = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = ok; c.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 200; i++) {
      const before = verdict();
      const url = i % 2 ? `https://api.example.com/v1/items?i=${i}` : `https://app.example.com/v1/items?i=${i}`;
      performance.mark("edit-start");
      input.value = url;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      while (verdict() === before) await yieldToTasks();
      performance.mark("edit-end");
      out.push(performance.measure("keystroke-to-verdict", "edit-start", "edit-end").duration);
    }
    return out;
  });
  const p95 = pct(durations, 95);
  const ok = p95 <= 8;
  failed ||= !ok;
  console.log(`keystroke: p50 ${pct(durations, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...durations).toFixed(2)} ms over ${durations.length} edits (target 8 ms p95) ${ok ? "ok" : "EXCEEDED"}`);
  await context.close();
}

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
JS
