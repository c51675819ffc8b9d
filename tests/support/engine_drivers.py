"""The three browser engines citizens' phones run, behind one small interface.

- Chromium: Debian's chromium-headless-shell through Playwright (the reference).
- Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi
  (tests/engines/firefox.mjs; Debian has no geckodriver).
- WebKit: WebKitGTK's MiniBrowser through Debian's WebKitWebDriver and Selenium,
  on an Xvfb display this module starts (WebKitGTK needs one).

Each engine opens one window the size of a small phone and keeps it for the
whole session. Pages are served by `probe_server`: the built site as GitHub
Pages serves it, plus tests/engines/probe.js as every page's first script, which
records errors, can fix the clock and reports what the page shows.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from innovation_day import preview as serve

HERE = Path(__file__).resolve().parent.parent  # tests/: engines/ beside support/
ROOT = HERE.parent
PROBE = (HERE / "engines" / "probe.js").read_text(encoding="utf-8")
PROBE_NAME = "__probe.js"
CHARSET = b'<meta charset="utf-8">'
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
# Under the machine's multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu…).
MINIBROWSER = next((str(p) for p in sorted(Path("/usr/lib").glob("*/webkit2gtk-4.*/MiniBrowser"))), "")
# MiniBrowser's GTK toolbar keeps its window at least ~447 px wide; with its
# widgets shrunk to nothing the web view can be as narrow as a phone.
GTK_CSS = "* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n"


def probe_script(clock: int | None = None) -> str:
    """probe.js with its clock (ms since the epoch; None: the real clock).

    Also usable as a Playwright init script, which the page's CSP does not block.
    """
    return PROBE.replace("__CLOCK__", "null" if clock is None else str(int(clock)))


# Material's search worker: every query sent to it has been answered (probe.js).
SEARCH_ANSWERED = ("window.__probeSearch && window.__probeSearch.sent > 0"
                   " && window.__probeSearch.answered === window.__probeSearch.sent")


class EngineMissing(Exception):
    """The engine is not installed (the Makefile's `browser` rule installs all three)."""


class EngineCannot(Exception):
    """The engine's driver has no way to do this step (the tests skip it, saying why)."""


def pdf_sheets(pdf: bytes) -> list[str]:
    """The words printed on each sheet of a PDF, whitespace collapsed."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [" ".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document))]
    finally:
        document.close()


# The server -------------------------------------------------------------------

def probe_server(site_dir: Path, base_path: str, stylesheets: bool = True):
    """Serve the site with the probe as every page's first script.

    Returns (server, base URL); set `server.clock` to a time in ms since the
    epoch to fix the pages' clock from the next page load on (None: real time).
    Without `stylesheets`, every stylesheet is missing (404): pages show what
    their inline critical CSS alone styles.
    """
    base = "/" + base_path.strip("/") + "/"
    Pages = serve.make_handler(site_dir, base_path)
    tag = f'<script src="{base}{PROBE_NAME}"></script>'.encode()

    class Handler(Pages):
        def _send(self, status, body, content_type, head_only):
            if content_type.startswith("text/html") and CHARSET in body:
                body = body.replace(CHARSET, CHARSET + tag, 1)
            super()._send(status, body, content_type, head_only)

        def do_GET(self):
            if unquote(urlsplit(self.path).path) == base + PROBE_NAME:
                body = probe_script(self.server.clock).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                return
            if not stylesheets and urlsplit(self.path).path.endswith(".css"):
                return self._not_found(False)
            super().do_GET()

    server = serve.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.clock = None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{base}"


# The engines ------------------------------------------------------------------

class Engine:
    """One browser window. `expression`s are JavaScript expressions; promises are awaited."""

    name = ""

    def goto(self, url: str) -> None: ...
    def evaluate(self, expression: str): ...
    def click(self, selector: str) -> None: ...
    def follow(self, selector: str, timeout: float = 15) -> None: ...
    def type(self, selector: str, text: str) -> None: ...
    def wait_for(self, expression: str, timeout: float = 10) -> None: ...
    def pdf(self) -> bytes:
        """The open page as the browser prints it (print CSS, its @page size)."""
        raise EngineCannot(f"{self.name} cannot print here")
    def screenshot(self) -> bytes:
        """The window's content as PNG."""
        raise NotImplementedError

    def close(self) -> None: ...

    def report(self, url: str) -> dict:
        """Open `url` and return what it shows (probe.js: __probeReport)."""
        self.goto(url)
        return self.evaluate("window.__probeReport()")


class Chromium(Engine):
    name = "chromium"

    def __init__(self, browser, width: int, height: int):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()

    def goto(self, url):
        self.page.goto(url, wait_until="load")

    def evaluate(self, expression):
        return self.page.evaluate(expression)

    def click(self, selector):
        self.page.click(selector)

    def follow(self, selector, timeout=15):
        with self.page.expect_navigation(wait_until="load", timeout=timeout * 1000):
            self.page.click(selector)

    def type(self, selector, text):
        self.page.type(selector, text)

    def wait_for(self, expression, timeout=10):
        # As a function: Playwright evals a bare expression in the page, which its CSP forbids.
        self.page.wait_for_function(f"() => ({expression})", timeout=timeout * 1000)

    def pdf(self):
        return self.page.pdf(prefer_css_page_size=True)

    def screenshot(self):
        return self.page.screenshot()

    def close(self):
        self.context.close()


class Firefox(Engine):
    name = "firefox"

    def __init__(self, width: int, height: int):
        if not Path(FIREFOX).exists():
            raise EngineMissing(f"{FIREFOX} not found (Debian package firefox-esr)")
        if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
            raise EngineMissing("node_modules/puppeteer-core not found (npm ci)")
        self.process = subprocess.Popen(
            ["node", str(HERE / "engines" / "firefox.mjs"), FIREFOX, str(width), str(height)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        first = self.process.stdout.readline()
        if not first:
            raise RuntimeError("Firefox did not start (see stderr)")

    def _call(self, command: str, **arguments):
        self.process.stdin.write(json.dumps({"command": command, **arguments}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"firefox {command}: {answer['error']}")
        return answer["value"]

    def goto(self, url):
        self._call("goto", url=url)

    def evaluate(self, expression):
        return self._call("evaluate", expression=expression)

    def click(self, selector):
        self._call("click", selector=selector)

    def follow(self, selector, timeout=15):
        self._call("follow", selector=selector, timeout=timeout)

    def type(self, selector, text):
        self._call("type", selector=selector, text=text)

    def wait_for(self, expression, timeout=10):
        self._call("waitFor", expression=expression, timeout=timeout)

    def pdf(self):
        return base64.b64decode(self._call("pdf"))

    def screenshot(self):
        return base64.b64decode(self._call("screenshot"))

    def close(self):
        try:
            self.process.stdin.write('{"command": "close"}\n')
            self.process.stdin.close()
            self.process.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """An X display for WebKitGTK; Xvfb writes its number once it accepts clients."""
    if not shutil.which("Xvfb"):
        raise EngineMissing("Xvfb not found (Debian package xvfb)")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                             "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                xvfb.kill()
                raise RuntimeError("Xvfb did not start")
            number += chunk
    return xvfb, ":" + number.decode().strip()


def sandbox_works() -> bool:
    """Whether bubblewrap, WebKitGTK's sandbox, can make its namespaces here."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False
    try:
        return subprocess.run([bwrap, "--ro-bind", "/", "/", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class WebKit(Engine):
    name = "webkit"

    def __init__(self, width: int, height: int):
        if not (Path(WEBKIT_DRIVER).exists() and MINIBROWSER):
            raise EngineMissing(f"{WEBKIT_DRIVER} or MiniBrowser not found (Debian package webkit2gtk-driver)")
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.xvfb, display = start_xvfb()
        self.config = tempfile.TemporaryDirectory(prefix="webkit-gtk-")
        (Path(self.config.name) / "gtk-3.0").mkdir()
        (Path(self.config.name) / "gtk-3.0" / "gtk.css").write_text(GTK_CSS)
        # WEBKIT_DISABLE_DMABUF_RENDERER: WebKitGTK's default renderer shares DMA-BUF buffers
        # with the browser window; with no GPU (Xvfb) it repaints them in software for as long
        # as a page is shown, idle or not: 0.8 of a core, kernel workers included, against 0.14
        # with the shared-memory renderer this selects (scratch measurement on 2 cores).
        env = dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=self.config.name,
                   WEBKIT_DISABLE_DMABUF_RENDERER="1")
        if not sandbox_works():
            # In a container that forbids user namespaces (Docker's default seccomp, as in
            # CI's Debian container) WebKit's bubblewrap sandbox cannot start and the
            # browser dies. It only ever opens the site served on 127.0.0.1 here.
            env["WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS"] = "1"
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        options.set_capability("browserName", "MiniBrowser")
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=Service(WEBKIT_DRIVER, env=env))
        except Exception:
            self.xvfb.kill()
            raise
        self.driver.set_window_size(width, height)
        self.driver.set_script_timeout(30)

    def goto(self, url):
        self.driver.get(url)

    def evaluate(self, expression):
        answer = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve().then(() => ({expression}))"
            ".then(value => done({value}), error => done({error: String(error && error.stack || error)}));")
        if "error" in answer:
            raise RuntimeError(f"webkit: {answer['error']}")
        return answer.get("value")

    def _element(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def click(self, selector):
        self._element(selector).click()

    def follow(self, selector, timeout=15):
        before = self.driver.current_url
        self._element(selector).click()
        self.wait_for(f"location.href !== {json.dumps(before)} && document.readyState === 'complete'", timeout)

    def type(self, selector, text):
        self._element(selector).send_keys(text)

    def wait_for(self, expression, timeout=10):
        from selenium.webdriver.support.wait import WebDriverWait
        WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(
            lambda driver: driver.execute_script(f"return !!({expression});"))

    def screenshot(self):
        return self.driver.get_screenshot_as_png()

    def pdf(self):
        # WebDriver's Print Page command: WebKitWebDriver 2.50 answers "Unknown command".
        raise EngineCannot("WebKitWebDriver has no Print Page command (WebKitGTK 2.50)")

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)
            self.config.cleanup()
