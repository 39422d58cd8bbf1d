// Trunk post-build hook (Trunk.toml): minifies the JS glue wasm-bindgen writes for each Wasm module,
// which trunk's own minifier cannot parse (`export default`) and leaves as written. Release builds
// only. A glue file named in index.html carries a Subresource Integrity hash there; the hook puts the
// minified file's hash in its place, so the browser still checks what it loads. It also drops the
// `integrity` of preloads that cannot carry one (see the end).
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("minify-glue: TRUNK_STAGING_DIR is not set (run it as a trunk hook)");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

const files = await readdir(staging);
const glue = files.filter((f) => f.endsWith(".js") && files.includes(f.replace(/\.js$/, "_bg.wasm")));
const htmlPath = join(staging, "index.html");
let html = await readFile(htmlPath, "utf8");

for (const name of glue) {
  const path = join(staging, name);
  const source = await readFile(path, "utf8");
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== "string") {
    throw new Error(`minify-glue: terser returned nothing for ${name}`);
  }
  html = html.replaceAll(sri(source), sri(result.code));
  await writeFile(path, result.code);
  console.log(`minify-glue: ${name} ${source.length} → ${result.code.length} bytes`);
}
// Chromium ignores `integrity` on a preload whose destination has no Subresource Integrity (the Wasm
// file's `as="fetch"` preload) and warns about it on every load; the module script that fetches the
// Wasm keeps its own hash, so the attribute goes from those preloads only.
// Trunk may have minified the HTML already, so attribute values can come without quotes.
html = html.replace(/<link\b[^>]*\brel=["']?preload\b[^>]*>/g, (tag) =>
  /\bas=["']?fetch\b/.test(tag) ? tag.replace(/\s+integrity=("[^"]*"|'[^']*'|[^\s>]+)/, "") : tag,
);
await writeFile(htmlPath, html);
