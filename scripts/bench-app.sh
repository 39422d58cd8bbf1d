#!/usr/bin/env bash
# Measures the app in headless Chromium and prints the numbers the README quotes:
#   first load   bytes of every response of a first visit, gzip -9 (budget 250 KB, 250,000 bytes)
#   interactive  navigation start → the verdict bar rendered with the engine's verdict (median of 7 loads, budget 500 ms)
#   keystroke    input event on the URL field → the origin comparison and verdict updated in the DOM
#                (performance marks, 200 edits, p50/p95, budget 16 ms p95)
#   scripts/bench-app.sh [DIST]     DIST defaults to dist (build it with scripts/build-site.sh)
# Exits non-zero when a budget is exceeded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

dist="${1:-dist}"
[ -f "$dist/index.html" ] || die "$dist/index.html does not exist: run scripts/build-site.sh first"
[ -d node_modules/playwright-core ] || die "node_modules/playwright-core is missing: run npm ci"
chromium="${CHROMIUM_BIN:-/usr/bin/chromium}"

DIST="$dist" CHROMIUM="$chromium" node --input-type=module <<'JS'
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(process.env.DIST);
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  let file = path.join(dist, decodeURIComponent(url.pathname));
  if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
  if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const kib = (b) => (b / 1024).toFixed(1);
let failed = false;

// 1. First load: every response of a fresh visit, gzip -9.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on("response", async (r) => { try { bodies.push([r.url(), await r.body()]); } catch {} });
  await page.goto(`${origin}/`, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-testid=verdict]");
  let raw = 0, gz = 0;
  for (const [url, body] of bodies) {
    const g = zlib.gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += g;
    console.log(`  ${url.replace(origin, "").padEnd(48)} ${kib(body.length).padStart(8)} KiB raw ${kib(g).padStart(8)} KiB gzip`);
  }
  const ok = gz <= 250000;
  failed ||= !ok;
  console.log(`first load: ${kib(gz)} KiB gzip (${kib(raw)} KiB raw), budget 250 KB ${ok ? "ok" : "EXCEEDED"}`);
  await context.close();
}

// 2. Time to interactive: navigation start → verdict bar in the DOM (observer installed before any script).
{
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector("[data-testid=verdict]") && document.querySelector("#page-origin")) {
          window.__interactive = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${origin}/?case=custom-header-not-allowed`);
    await page.waitForFunction(() => window.__interactive !== undefined);
    times.push(await page.evaluate(() => window.__interactive));
    await context.close();
  }
  const t = median(times);
  const ok = t <= 500;
  failed ||= !ok;
  console.log(`interactive: median ${t.toFixed(0)} ms of ${times.length} loads (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), budget 500 ms ${ok ? "ok" : "EXCEEDED"}`);
}

// 3. Keystroke → updated verdict: 200 input events alternating same-origin / cross-origin URLs.
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
  const ok = p95 <= 16;
  failed ||= !ok;
  console.log(`keystroke: p50 ${pct(durations, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...durations).toFixed(2)} ms over ${durations.length} edits, budget 16 ms p95 ${ok ? "ok" : "EXCEEDED"}`);
  await context.close();
}

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
JS
