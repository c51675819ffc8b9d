"""Serve a built site the way GitHub Pages does, for previews, tests and audits.

- under the sub-path of `site_url` (e.g. /ngay-hoi-dmst/), nothing at the root;
- gzip for text responses, so "bytes over the wire" match production;
- the root 404.html, with status 404, for every missing address.

scripts/serve.py runs it from the command line; the tests and scripts/audit.py start it.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import posixpath
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent   # the folder of mkdocs.yml
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/atom+xml", "application/rss+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("text/calendar", ".ics")
mimetypes.add_type("application/atom+xml", ".atom")


def base_path_from_config(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The sub-path of site_url, read the way MkDocs reads it (SITE_URL may override)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return urlsplit(config.site_url).path or "/"


# The same bytes give the same stream: a page served again (the tests load each page many times)
# is not compressed again, which was a seventh of the test workers' CPU.
@functools.lru_cache(maxsize=256)
def gzipped(data: bytes) -> bytes:
    """`data` as the site's text goes over the wire: gzip at level 6 (GitHub Pages' level), with
    no timestamp, so the same page gives the same bytes. What the site's budgets weigh."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class PagesHandler(BaseHTTPRequestHandler):
    """GitHub Pages' behaviour for one built site: `site_dir` served under `base_path`."""
    server_version = "PagesLike/1"
    site_dir: Path
    base_path: str

    def log_message(self, fmt, *args):  # quiet: tests read responses, not logs
        pass

    def _send(self, status: int, body: bytes, content_type: str, head_only: bool):
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts_gzip and content_type.startswith(COMPRESSIBLE):
            body = gzipped(body)
            self.send_response(status)
            self.send_header("Content-Encoding", "gzip")
        else:
            self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _redirect(self, location: str):
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.end_headers()

    def _not_found(self, head_only: bool):
        page = self.site_dir / "404.html"
        body = page.read_bytes() if page.exists() else b"Not found"
        self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8", head_only)

    def _serve(self, head_only: bool):
        path = unquote(urlsplit(self.path).path)
        if path + "/" == self.base_path:
            return self._redirect(self.base_path)
        if not path.startswith(self.base_path):
            return self._not_found(head_only)
        rel = posixpath.normpath(path[len(self.base_path):]).lstrip("/")
        if rel.startswith(".."):
            return self._not_found(head_only)
        target = self.site_dir / rel if rel not in ("", ".") else self.site_dir
        if target.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(head_only)
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(HTTPStatus.OK, target.read_bytes(), ctype, head_only)

    def do_GET(self):
        self._serve(head_only=False)

    def do_HEAD(self):
        self._serve(head_only=True)


def make_handler(site_dir: Path, base_path: str):
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return type("Handler", (PagesHandler,), {"site_dir": Path(site_dir), "base_path": base_path})


def start(site_dir: Path, base_path: str, port: int = 0, host: str = "127.0.0.1"):
    """Start serving in a background thread; returns (server, base URL)."""
    server = ThreadingHTTPServer((host, port), make_handler(site_dir, base_path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return server, f"http://{host}:{server.server_address[1]}{path}"
