// Serves a built site on loopback for the scripts that open it in Chromium (scripts/prerender.mjs,
// scripts/bench-app.sh): the files of `dist` under the URL path `prefix`, a folder's `index.html`,
// extra in-memory HTML `pages` by path, gzip-compressed when `gzip` is set (as GitHub Pages serves).
// Returns the server's origin and a way to close it.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

export async function serveDist(dist, { prefix = "/", gzip = false, pages = {} } = {}) {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let body;
    let type;
    if (Object.hasOwn(pages, url.pathname)) {
      body = Buffer.from(pages[url.pathname]);
      type = "text/html";
    } else {
      if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
      let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
      try { body = fs.readFileSync(file); } catch { res.writeHead(404).end(); return; }
      type = TYPES[path.extname(file)] ?? "application/octet-stream";
    }
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (gzip) {
      body = zlib.gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
