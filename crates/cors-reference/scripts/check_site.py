#!/usr/bin/env python3
"""Checks the built CORS error reference of a site directory in a real browser.

usage: check_site.py SITE_DIR URL_PATH SHOTS_DIR

SITE_DIR is a built site (dist/ or dist-subpath/) served at URL_PATH (`/` or `/cors-explainer/`).
Checks: every page and the index exist and are listed in sitemap.xml; every relative link resolves to a
file of the site; in Chromium (through chromedriver) at 360 px, no page scrolls sideways and none logs
anything to the console; the index and one page change colours under prefers-color-scheme: dark.
Screenshots of the index and one page, light and dark, at 390 and 1280 px go to SHOTS_DIR.
Prints one line per failure and ends with `N passed, N failed`. Uses only the standard library.
"""

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

PAGE = "chrome-missing-allow-origin-header.html"


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(root, url_path):
    """Serves `root` at `url_path` on loopback; returns the base URL of the site."""
    holder = tempfile.mkdtemp(prefix="cors-reference-site-")
    mount = os.path.join(holder, url_path.strip("/"))
    os.makedirs(os.path.dirname(mount.rstrip("/")) or holder, exist_ok=True)
    if url_path.strip("/"):
        os.symlink(os.path.abspath(root), mount)
    else:
        holder = os.path.abspath(root)
    handler = functools.partial(QuietHandler, directory=holder)
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}{url_path}", server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def check_files(site, tally):
    errors = os.path.join(site, "errors")
    pages = sorted(f for f in os.listdir(errors) if f.endswith(".html") and f != "index.html")
    tally.check(len(pages) >= 70, f"at least 70 pages ({len(pages)})")
    tally.check(os.path.isfile(os.path.join(errors, "index.html")), "errors/index.html exists")
    sitemap = open(os.path.join(site, "sitemap.xml"), encoding="utf-8").read()
    missing = [p for p in pages if f"/errors/{p}</loc>" not in sitemap]
    tally.check(not missing, f"sitemap.xml lists every page (missing {missing[:3]})")
    broken = []
    for name in pages + ["index.html"]:
        html = open(os.path.join(errors, name), encoding="utf-8").read()
        for href in re.findall(r'(?:href|src)="([^"]*)"', html):
            href = href.replace("&amp;", "&")
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = urllib.parse.urlsplit(href).path
            resolved = os.path.normpath(os.path.join(errors, target))
            if target.endswith("/") or target in ("..", ""):
                resolved = os.path.join(resolved, "index.html")
            if not os.path.isfile(resolved):
                broken.append(f"{name}: {href}")
    tally.check(not broken, f"every relative link resolves ({broken[:3]})")
    return pages


class Driver:
    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(50):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        options = {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"],
            "binary": chromium,
        }
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", method=method, data=data,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def do(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def cdp(self, command, params):
        return self.do("POST", "/goog/cdp/execute", {"cmd": command, "params": params})

    def viewport(self, width, height, dark):
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.cdp("Emulation.setEmulatedMedia",
                 {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def open(self, url):
        self.do("POST", "/url", {"url": url})

    def js(self, script):
        return self.do("POST", "/execute/sync", {"script": script, "args": []})

    def console(self):
        return self.do("POST", "/se/log", {"type": "browser"})

    def screenshot(self, path):
        import base64
        shot = self.cdp("Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"})
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))

    def close(self):
        try:
            self.do("DELETE", "")
        finally:
            self.process.terminate()


def check_browser(base, pages, shots, tally):
    driver = Driver()
    try:
        driver.viewport(360, 800, dark=False)
        driver.console()
        wide, noisy = [], []
        for name in pages + ["index.html"]:
            driver.open(f"{base}errors/{name}")
            widths = driver.js("return [document.documentElement.scrollWidth, window.innerWidth];")
            if widths[0] > widths[1]:
                wide.append(f"{name} {widths}")
            logged = driver.console()
            if logged:
                noisy.append(f"{name}: {logged[0].get('message')}")
        tally.check(not wide, f"no page scrolls sideways at 360 px ({wide[:3]})")
        tally.check(not noisy, f"no page logs to the console ({noisy[:3]})")
        for name in ["index.html", PAGE]:
            colours = {}
            for dark in (False, True):
                driver.viewport(390, 844, dark)
                driver.open(f"{base}errors/{name}")
                colours[dark] = driver.js("return getComputedStyle(document.body).backgroundColor;")
                for width in (390, 1280):
                    driver.viewport(width, 900, dark)
                    theme = "dark" if dark else "light"
                    driver.screenshot(os.path.join(shots, f"{name[:-5]}-{width}-{theme}.png"))
            tally.check(colours[False] != colours[True], f"{name} has a dark theme ({colours})")
    finally:
        driver.close()


def main():
    site, url_path, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    tally = Tally()
    pages = check_files(site, tally)
    if not (shutil.which("chromedriver") and (shutil.which("chromium") or shutil.which("google-chrome"))):
        tally.check(False, "chromium and chromedriver are installed (the browser checks cannot run)")
    else:
        base, server = serve(site, url_path)
        try:
            check_browser(base, pages, shots, tally)
        finally:
            server.shutdown()
    print(f"{tally.passed} passed, {tally.failed} failed")
    sys.exit(1 if tally.failed else 0)


if __name__ == "__main__":
    main()
