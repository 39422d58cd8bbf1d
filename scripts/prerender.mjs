// Prerenders the landing page and the links people arrive by (docs/performance.md, "Prerendered pages"):
//   node scripts/prerender.mjs DIST [PUBLIC_URL]
// Opens the built site in headless Chromium (playwright-core, the same Wasm module a visitor runs, a
// fresh profile) and, once the app has mounted, keeps what it rendered:
// - the bare visit goes into DIST/index.html as <div id="prerendered">: a visitor reads the landing
//   page while the module is still downloading, and a browser without JavaScript gets the page and
//   the way to the error reference;
// - each gallery case (as `?case=<id>`, at its verdict `&step=7`, in the expert view, and as the widget,
//   read-only and editable: `?embed=1[&edit=1]&case=<id>`) and each link of the error reference
//   (DIST/errors/, so build it first) goes into DIST/prerendered/<name>.txt (HTML kept as text, so that
//   no host serves it as a page), which index.html's script fetches and shows in the landing page's
//   place when a visit's link is one of them. <name> and the key it is checked against are the ones
//   that script computes for the link.
// The app replaces the copy when it mounts (src/prerendered.rs). The page's Content-Security-Policy is
// then written again, since the hashes of its inline scripts are taken from the final page
// (scripts/csp.mjs).
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withPolicy } from "./csp.mjs";
import { serveDist } from "./serve-dist.mjs";

const [distArg, publicUrlArg = "/"] = process.argv.slice(2);
if (!distArg) {
  console.error("usage: node scripts/prerender.mjs DIST [PUBLIC_URL]");
  process.exit(2);
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(distArg);
const publicUrl = publicUrlArg.endsWith("/") ? publicUrlArg : `${publicUrlArg}/`;
const indexPath = path.join(dist, "index.html");
const original = fs.readFileSync(indexPath, "utf8");
if (original.includes('id="prerendered"')) {
  console.error(`prerender: ${indexPath} is already prerendered`);
  process.exit(1);
}
// Where index.html's script lists the copies (its minified form keeps the string).
const MANIFEST = "PRERENDERED_COPIES";
if (original.split(MANIFEST).length !== 2) throw new Error(`prerender: ${indexPath} has no single ${MANIFEST} to list the copies in`);

/// The links to prerender besides the bare visit: every gallery case, and every link of the error
/// reference into the app (`../?s=…&step=7`), each once.
function linkedVisits() {
  const cases = fs.readdirSync(path.join(repo, "src/gallery"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => encodeURIComponent(file.slice(0, -".json".length)))
    .sort();
  const links = cases.flatMap((id) => [`?case=${id}`, `?case=${id}&step=7`, `?case=${id}&view=expert`,
    `?embed=1&case=${id}`, `?embed=1&edit=1&case=${id}`]);
  const errors = path.join(dist, "errors");
  if (!fs.existsSync(errors)) throw new Error(`prerender: ${errors} is missing; build the error reference first`);
  for (const file of fs.readdirSync(errors, { recursive: true }).filter((f) => f.endsWith(".html")).sort()) {
    const html = fs.readFileSync(path.join(errors, file), "utf8");
    for (const match of html.matchAll(/href="\.\.\/(\?[^"]*)"/g)) links.push(match[1].replaceAll("&amp;", "&"));
  }
  return [...new Set(links)];
}

/// What the app rendered in `page`, once mounted: the body without scripts, the fields' current
/// values written as attributes, the renderer's empty position markers left out. Throws on anything
/// the page's policy would refuse, and on a console warning or error.
async function renderedBody(page, problems) {
  await page.waitForFunction(() => document.querySelector("[data-testid=verdict], [data-testid=embed]") && !document.getElementById("prerendered"),
    null, { timeout: 60000 });
  // Effects have run once the next frame is drawn.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  if (problems.length) throw new Error(`prerender: ${page.url()} logged:\n${problems.join("\n")}`);
  const markup = (await page.evaluate(() => {
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
  })).replace(/<!---->/g, "");
  // The policy allows no inline style and no inline script that is not hashed: the copy must have neither.
  for (const [what, pattern] of [["a style attribute", /<[^>]*\sstyle=/i], ["a script", /<script\b/i], ["an event handler attribute", /<[^>]*\son[a-z]+=/i]]) {
    if (pattern.test(markup)) throw new Error(`prerender: ${page.url()} has ${what}, which the policy would refuse`);
  }
  return markup;
}

/// A page of a fresh profile that records what the site logs.
async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  return { context, page, problems };
}

const escapeAttribute = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

const server = await serveDist(dist, { prefix: publicUrl });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
let landing;
const copies = new Map();
let copyBytes = 0;
try {
  {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.origin}${publicUrl}`);
    landing = await renderedBody(page, problems);
    await context.close();
  }
  fs.rmSync(path.join(dist, "prerendered"), { recursive: true, force: true });
  fs.mkdirSync(path.join(dist, "prerendered"));
  const queue = linkedVisits();
  const count = queue.length;
  // Two pages at a time: the machines that build have two cores.
  await Promise.all([0, 1].map(async () => {
    const { context, page, problems } = await openPage(browser);
    for (let link = queue.shift(); link !== undefined; link = queue.shift()) {
      await page.goto(`${server.origin}${publicUrl}${link}`);
      const markup = await renderedBody(page, problems);
      const { copy, copyKey } = await page.evaluate(() => ({ ...document.documentElement.dataset }));
      if (!copy || !copyKey) throw new Error(`prerender: index.html's script gave ${link} no copy name`);
      if (copies.has(copy) && copies.get(copy) !== copyKey) throw new Error(`prerender: ${link} and another link share the name ${copy}`);
      copies.set(copy, copyKey);
      const file = `<div data-key="${escapeAttribute(copyKey)}">${markup}</div>`;
      copyBytes += file.length;
      fs.writeFileSync(path.join(dist, "prerendered", `${copy}.txt`), file);
    }
    await context.close();
  }));
  console.log(`prerender: ${copies.size} linked pages of ${count} links into ${dist}/prerendered/ (${(copyBytes / 1024).toFixed(0)} KiB)`);
} finally {
  await browser.close();
  server.close();
}

const listed = original.replace(MANIFEST, [...copies.keys()].sort().join(" "));
// After the <noscript> notice if there is one, else first in <body>.
const anchor = listed.match(/<\/noscript>/i) ?? listed.match(/<body\b[^>]*>/i);
if (!anchor) throw new Error(`prerender: ${indexPath} has no <body>`);
const at = anchor.index + anchor[0].length;
const html = `${listed.slice(0, at)}<div id="prerendered">${landing}</div>${listed.slice(at)}`;
fs.writeFileSync(indexPath, withPolicy(html));
console.log(`prerender: ${indexPath}: ${(landing.length / 1024).toFixed(1)} KiB of landing page`);
