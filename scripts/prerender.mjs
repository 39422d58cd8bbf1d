// Prerenders the landing page (docs/performance.md, "Prerendered landing page"):
//   node scripts/prerender.mjs DIST [PUBLIC_URL]
// Opens the built site's root in headless Chromium (playwright-core, the same Wasm module a visitor
// runs, a fresh profile), waits until the app has mounted, and writes what it rendered into
// DIST/index.html as <div id="prerendered">: a visitor reads the landing page while the module is
// still downloading, and a browser without JavaScript gets the page and the way to the error
// reference. The app replaces that div when it mounts (src/prerendered.rs). The page's
// Content-Security-Policy is then written again, since the hashes of its inline scripts are taken
// from the final page (scripts/csp.mjs).
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { withPolicy } from "./csp.mjs";
import { serveDist } from "./serve-dist.mjs";

const [distArg, publicUrlArg = "/"] = process.argv.slice(2);
if (!distArg) {
  console.error("usage: node scripts/prerender.mjs DIST [PUBLIC_URL]");
  process.exit(2);
}
const dist = path.resolve(distArg);
const publicUrl = publicUrlArg.endsWith("/") ? publicUrlArg : `${publicUrlArg}/`;
const indexPath = path.join(dist, "index.html");
const original = fs.readFileSync(indexPath, "utf8");
if (original.includes('id="prerendered"')) {
  console.error(`prerender: ${indexPath} is already prerendered`);
  process.exit(1);
}

const server = await serveDist(dist, { prefix: publicUrl });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
let markup;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${server.origin}${publicUrl}`);
  await page.waitForSelector("[data-testid=verdict]", { timeout: 60000 });
  // Effects have run once the next frame is drawn.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  if (problems.length) throw new Error(`the page logged:\n${problems.join("\n")}`);
  markup = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll("script, noscript").forEach((s) => s.remove());
    // Form fields show what the app put in them (properties, which serializing does not keep).
    const live = document.body.querySelectorAll("input, textarea, select");
    body.querySelectorAll("input, textarea, select").forEach((field, i) => {
      const now = live[i];
      if (field.tagName === "TEXTAREA") field.textContent = now.value;
      else if (field.tagName === "SELECT") {
        field.querySelectorAll("option").forEach((o, j) => o.toggleAttribute("selected", j === now.selectedIndex));
      } else if (field.type === "checkbox" || field.type === "radio") field.toggleAttribute("checked", now.checked);
      else field.setAttribute("value", now.value);
    });
    return body.innerHTML;
  });
} finally {
  await browser.close();
  server.close();
}

// The empty comments are the renderer's position markers; the copy does not need them.
markup = markup.replace(/<!---->/g, "");
// The policy allows no inline style and no inline script that is not hashed: the copy must have neither.
for (const [what, pattern] of [["a style attribute", /<[^>]*\sstyle=/i], ["a script", /<script\b/i], ["an event handler attribute", /<[^>]*\son[a-z]+=/i]]) {
  if (pattern.test(markup)) throw new Error(`prerender: the rendered page has ${what}, which the policy would refuse`);
}
// After the <noscript> notice if there is one, else first in <body>.
const anchor = original.match(/<\/noscript>/i) ?? original.match(/<body\b[^>]*>/i);
if (!anchor) throw new Error(`prerender: ${indexPath} has no <body>`);
const at = anchor.index + anchor[0].length;
const html = `${original.slice(0, at)}<div id="prerendered">${markup}</div>${original.slice(at)}`;
fs.writeFileSync(indexPath, withPolicy(html));
console.log(`prerender: ${indexPath}: ${(markup.length / 1024).toFixed(1)} KiB of landing page`);
