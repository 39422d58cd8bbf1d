// Trunk post-build hook (Trunk.toml, after minify-glue.mjs): writes the site's Content-Security-Policy
// into index.html as <meta http-equiv="Content-Security-Policy">, first thing in <head> so that it
// covers everything after it. Scripts may come only from the site itself plus the inline loader trunk
// writes, allowed by its SHA-256 hash, so the hash is computed here from the page as trunk left it.
// `node scripts/csp.mjs --print` prints the policy without the script hashes (for other static pages).
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Every directive and why:
//   default-src 'self'        anything not named below: only from the site
//   script-src                the site's modules, trunk's inline loader by hash, and compiling
//                             WebAssembly ('wasm-unsafe-eval'); never 'unsafe-eval' or 'unsafe-inline'
//   style-src 'self'          the stylesheet; no inline styles
//   img-src 'self' data:      the favicon is a data: URL
//   connect-src *             the live run fetches the lab's origins and any URL the person types
//   object-src 'none'         no plugins
//   base-uri 'none'           no <base> can redirect relative URLs
//   form-action 'none'        no form submits anywhere
// frame-ancestors cannot be set from a meta tag (the README gives the header for hosts that can).
export function policy(scriptHashes = []) {
  const script = ["'self'", ...scriptHashes.map((h) => `'${h}'`), "'wasm-unsafe-eval'"];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src *",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

// The sha256-… source of every inline <script> (one without src) in `html`.
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1])) continue;
    hashes.push(`sha256-${createHash("sha256").update(match[2], "utf8").digest("base64")}`);
  }
  return hashes;
}

// `html` with the policy meta tag first in <head>, after <meta charset> (an older one is replaced).
export function withPolicy(html) {
  const cleaned = html.replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/gi, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(cleaned))}">`;
  const anchor = cleaned.match(/<meta\s+charset\b[^>]*>/i) ?? cleaned.match(/<head\b[^>]*>/i);
  if (!anchor) throw new Error("csp: index.html has no <head>");
  const at = anchor.index + anchor[0].length;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (!isMain) {
  // Imported (scripts/prerender.mjs): the functions only.
} else if (process.argv.includes("--print")) {
  console.log(policy());
} else {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error("csp: TRUNK_STAGING_DIR is not set (run it as a trunk hook, or with --print)");
    process.exit(1);
  }
  const path = join(staging, "index.html");
  const html = withPolicy(await readFile(path, "utf8"));
  await writeFile(path, html);
  console.log(`csp: ${inlineScriptHashes(html).length} inline script(s) allowed by hash`);
}
