// Builds the seed corpora of the fuzz targets (scripts/fuzz.sh runs it) from material in the
// repository: the gallery's scenarios, the console message tables of the engine, the pasted captures
// of the diagnose tests, hand-written request heads; plus the shared message catalogue when present.
// Seeds are written to corpus/<target>/seed-<n>; libFuzzer adds what it finds beside them.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const fuzz = new URL(".", import.meta.url).pathname;
const root = join(fuzz, "..");
const read = (path) => readFileSync(join(root, path), "utf8");
const list = (dir, ext) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith(ext)).map((f) => join(dir, f)) : [];

// String literals of a Rust file (raw r#"…"# and plain "…" with escapes), longer than `min`.
function rustStrings(path, min = 12) {
  const text = read(path);
  const out = [];
  for (const m of text.matchAll(/r#"([\s\S]*?)"#/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?<![r#\w])"((?:[^"\\]|\\[\s\S])*)"/g)) {
    try {
      out.push(JSON.parse(`"${m[1].replace(/\\\n\s*/g, "").replace(/\\'/g, "'")}"`));
    } catch {
      out.push(m[1]);
    }
  }
  return out.filter((s) => s.length >= min);
}

const corpora = {};
function add(target, seed) {
  if (seed === undefined || seed === null || seed.length === 0 || seed.length > 64 * 1024) return;
  (corpora[target] ??= []).push(typeof seed === "string" ? Buffer.from(seed, "utf8") : seed);
}

// Scenarios: the gallery, the conformance disagreements, strings of the engine's scenario tests.
const scenarios = [...list("src/gallery", ".json"), ...list("crates/cors-conformance/cases/disagreements", ".json")].map(read);
for (const s of scenarios) {
  add("cli_input", s);
  add("lab_registration", s);
  add("lab_registration", `{"scenario": ${s}, "page_origin": "http://127.0.0.1:8080"}`);
  add("share_link", Buffer.concat([Buffer.from([0]), Buffer.from(s)]));
  add("share_link", Buffer.concat([Buffer.from([1]), Buffer.from(`?s=${Buffer.from(s).toString("base64url")}&step=5&view=expert`)]));
  add("diagnose_paste", s);
}
add("cli_input", `[${scenarios.slice(0, 3).join(",")}]`);

// Console text: the engine's message tables (templates with {holes}) and the diagnose tests' pastes.
const consoleFiles = [
  ...list("crates/cors-rules/src/render/console", ".rs"),
  "crates/cors-diagnose/tests/console_recognition.rs",
  ...list("crates/cors-diagnose/src/console", ".rs"),
];
for (const file of consoleFiles) {
  for (const s of rustStrings(file, 24)) {
    add("diagnose_console", s);
    add("diagnose_paste", s);
  }
}
const catalogue = "/work/shared/reference/browser-messages.json";
if (existsSync(catalogue)) {
  const walk = (v) => {
    if (typeof v === "string" && v.length > 24) add("diagnose_console", v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(catalogue, "utf8")));
}

// Captures: headers, curl -v, curl commands and HAR from the diagnose tests and parsers.
const captureFiles = [
  "crates/cors-diagnose/tests/captures.rs",
  "crates/cors-diagnose/tests/round_trip.rs",
  ...list("crates/cors-diagnose/src/parse", ".rs"),
  ...list("crates/cors-diagnose/src/security", ".rs"),
];
for (const file of captureFiles) {
  for (const s of rustStrings(file, 16)) {
    add("diagnose_paste", s);
    if (s.trimStart().startsWith("{")) add("diagnose_har", s);
    else if (/^\s*[<>*$]|curl /m.test(s)) add("diagnose_curl", s);
    else add("diagnose_headers", s);
  }
}

// Request heads for the lab.
const heads = [
  "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
  "OPTIONS /s/k1/x HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nOrigin: http://127.0.0.1:8080\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: content-type\r\n\r\n",
  "PUT /s/k1/x?q=1 HTTP/1.1\r\nHost: localhost:8081\r\nOrigin: http://localhost:8080\r\nCookie: a=b\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}",
  "POST /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n",
  "GET /s/k1/%2e%2e/x#frag HTTP/1.0\r\nHost: [::1]:8081\r\nX-Odd: \xff\xfe\r\n\r\n",
];
for (const h of heads) add("lab_head", Buffer.from(h, "latin1"));

let total = 0;
for (const [target, seeds] of Object.entries(corpora)) {
  const dir = join(fuzz, "corpus", target);
  mkdirSync(dir, { recursive: true });
  for (const seed of seeds) {
    const name = `seed-${createHash("sha1").update(seed).digest("hex").slice(0, 16)}`;
    writeFileSync(join(dir, name), seed);
  }
  total += seeds.length;
}
console.log(
  `seed: ${total} seeds: ` +
    Object.entries(corpora)
      .map(([t, s]) => `${t} ${s.length}`)
      .join(", "),
);
