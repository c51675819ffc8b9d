"""A Content-Security-Policy on every page, as a meta tag.

GitHub Pages sets no headers, so the policy must live in the page. Only our
own origin may serve scripts, styles, images and fonts; the small inline
scripts (Material's and ours) are allowed by their SHA-256 hashes (computed
from the built page, so a Material upgrade cannot silently break or widen the
policy). When mkdocs.yml sets `repo_url`, Material's header shows the
repository's facts, fetched from the host's API: that one origin is allowed
to be fetched (`connect_sources`), so the facts show and nothing is blocked.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from ..coupling import AnchorMissing

# Data blocks (application/json, the JSON-LD of kit/page_metadata.py) are never run: not hashed.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
# The page's critical CSS (output/first_paint.py), allowed by its hash like the scripts.
INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
CHARSET = '<meta charset="utf-8">'
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'{styles}; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'{connect}; worker-src 'self'; manifest-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def connect_sources(repo_url: str | None) -> tuple[str, ...]:
    """The API Material's header reads a repository's facts from (its `source` facts)."""
    parts = urlsplit(repo_url or "")
    if parts.hostname == "github.com":
        return ("https://api.github.com",)
    if parts.hostname and "gitlab" in parts.hostname:
        return (f"https://{parts.hostname}",)
    return ()


def policy_for(html: str, connect: tuple[str, ...] = ()) -> str:
    hashes = sorted({_hash(body) for body in INLINE_SCRIPT.findall(html)})
    extra = "".join(f" {source}" for source in connect)
    styles = "".join(f" {h}" for h in sorted({_hash(body) for body in INLINE_STYLE.findall(html)}))
    return POLICY.format(hashes=" ".join(hashes), styles=styles, connect=extra).replace("  ", " ")


def add_policy(html: str, connect: tuple[str, ...] = (), where: str = "") -> str:
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    if CHARSET not in html:  # never ship a page without its policy
        raise AnchorMissing("CSP insertion", where or "innovation_day/output/csp.py", CHARSET)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, connect)}">'
    return html.replace(CHARSET, CHARSET + "\n  " + meta, 1)
