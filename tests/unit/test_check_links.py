"""scripts/check_links.py on a tiny site made here: external links listed, internal ones not.

Offline mode must not touch the network; the online check is exercised only
against a server on 127.0.0.1 started by the test.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from support.sites import ROOT  # noqa: E402
SCRIPT = ROOT / "scripts" / "check_links.py"
SITE_URL = "http://127.0.0.1:8000/ngay-hoi-dmst/"


def load_script():
    spec = importlib.util.spec_from_file_location("check_links", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def page(body: str) -> str:
    return f"<!doctype html><html lang=vi><head><title>t</title></head><body>{body}</body></html>"


@pytest.fixture()
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "ke-hoach").mkdir(parents=True)
    (site / "en").mkdir()
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITE_URL}</loc></url><url><loc>{SITE_URL}ke-hoach/</loc></url>"
        "</urlset>", encoding="utf-8")
    (site / "index.html").write_text(page(
        '<a href="https://most.gov.vn/vn/Pages/Trangchu.aspx">Bộ KH&amp;CN</a>'
        '<a href="https://example.org/a?x=1&amp;y=2">ex</a>'
        '<a href="ke-hoach/">internal, relative</a>'
        '<a href="/ngay-hoi-dmst/en/">internal, root-relative</a>'
        f'<a href="{SITE_URL}en/">internal, absolute</a>'
        '<a href="#main">anchor</a>'
        '<a href="mailto:ubnd@example.vn">mail</a>'
        '<a href="tel:+84240000000">phone</a>'
        '<a href="javascript:void(0)">js</a>'
        '<a>no href</a>'
        '<link rel="alternate" href="https://not-an-anchor.example/">'
        '<img src="https://images.example/not-an-anchor.png" alt="">'), encoding="utf-8")
    (site / "ke-hoach" / "index.html").write_text(page(
        '<a href="https://example.org/a?x=1&amp;y=2">the same link again</a>'
        '<a href="https://example.org/a?x=1&amp;y=2">and again on the same page</a>'
        '<a href="http://vneconomy.vn/bai-viet.htm#doan">with a fragment</a>'
        '<a href="../">internal</a>'), encoding="utf-8")
    (site / "en" / "index.html").write_text(page(
        '<a href="../ke-hoach/">internal only</a>'), encoding="utf-8")
    return site


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("offline mode opened a network connection")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_help():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "--online" in proc.stdout and "external" in proc.stdout


def test_offline_report_lists_external_links_by_page_and_ignores_internal(tiny_site, tmp_path, no_network, capsys):
    check_links = load_script()
    report = tmp_path / "reports" / "external-links.md"
    assert check_links.main(["--site-dir", str(tiny_site), "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")

    assert "https://most.gov.vn/vn/Pages/Trangchu.aspx" in text
    assert "https://example.org/a?x=1&y=2" in text  # entities decoded
    assert "http://vneconomy.vn/bai-viet.htm#doan" in text
    for internal in ("ke-hoach/", "/ngay-hoi-dmst/en/", f"{SITE_URL}en/", "#main", "mailto:", "tel:",
                     "javascript:", "not-an-anchor", "../"):
        assert f"- {internal}" not in text and f"({internal}" not in text, internal
    assert "ngay-hoi-dmst" not in text.split("## By page", 1)[1]

    # Grouped by page, each page's links once; pages without external links are left out.
    by_page = text.split("## By page", 1)[1]
    assert "### index.html" in by_page and "### ke-hoach/index.html" in by_page
    assert "### en/index.html" not in by_page
    ke_hoach = by_page.split("### ke-hoach/index.html", 1)[1]
    assert ke_hoach.count("https://example.org/a?x=1&y=2") == 1
    # Deduped across the site: 3 distinct links on 2 pages.
    assert "3 distinct external links on 2 pages" in text
    assert "not checked" in text
    assert "3 distinct external links on 2 pages" in capsys.readouterr().out


def test_offline_run_as_a_script(tiny_site, tmp_path):
    report = tmp_path / "links.md"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--site-dir", str(tiny_site), "--report", str(report),
                           "--site-url", SITE_URL], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "https://most.gov.vn/vn/Pages/Trangchu.aspx" in report.read_text(encoding="utf-8")


def test_site_url_from_sitemap(tiny_site):
    assert load_script().site_url_from_sitemap(tiny_site) == SITE_URL


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, body: bool):
        if self.path.startswith("/ok"):
            self.send_response(200)
        elif self.path.startswith("/no-head") and self.command == "HEAD":
            self.send_response(405)
        elif self.path.startswith("/no-head"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)


def test_online_check_against_a_local_server(tmp_path, monkeypatch):
    """HEAD, then GET; broken links listed and exit 1 (a server on 127.0.0.1 only)."""
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page(
        f'<a href="{base}/ok">ok</a><a href="{base}/no-head">get only</a><a href="{base}/gone">gone</a>'),
        encoding="utf-8")
    report = tmp_path / "links.md"
    try:
        code = load_script().main(["--site-dir", str(site), "--report", str(report), "--online",
                                   "--site-url", "https://example.invalid/site/", "--timeout", "5"])
    finally:
        server.shutdown()
        server.server_close()
    text = report.read_text(encoding="utf-8")
    assert code == 1
    broken = text.split("## Broken", 1)[1].split("## By page", 1)[0]
    assert f"{base}/gone" in broken and "404" in broken
    assert f"{base}/ok" not in broken and f"{base}/no-head" not in broken
