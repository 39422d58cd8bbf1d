"""The application behind the proxies in the real-server tests (Python standard library only).

/api/items needs the cookie session=ok (401 otherwise: a preflight that reached it would fail), answers
200 with X-Total-Count; /api/fail answers 500. Every answer carries the application's own
`Access-Control-Allow-Origin: *`, which the proxy configuration must hide.
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path.startswith("/api/fail"):
            return self.send(500, b"boom")
        if "session=ok" not in (self.headers.get("Cookie") or ""):
            return self.send(401, b"unauthorized")
        return self.send(200, b"ok", [("X-Total-Count", "3")])

    def send(self, status, body, extra=()):
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_DELETE = do_OPTIONS = answer

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
