"""A Content-Security-Policy on every page, as a meta tag.

GitHub Pages sets no headers, so the policy must live in the page. Only our
own origin may serve scripts, styles, images and fonts; Material's two small
inline scripts are allowed by their SHA-256 hashes (computed from the built
page, so a Material upgrade cannot silently break or widen the policy).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Data blocks (application/json, the JSON-LD of share_meta.py) are never run: not hashed.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy_for(html: str) -> str:
    hashes = sorted({_hash(body) for body in INLINE_SCRIPT.findall(html)})
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


# Hooks ----------------------------------------------------------------------

def on_post_page(output, page, config):
    return add_policy(output)


def on_post_template(output, template_name, config):
    return add_policy(output) if template_name.endswith(".html") else output


def add_policy(html: str) -> str:
    # A page with a policy of its own keeps it (the editing app, hooks/admin.py, has a wider one).
    if CHARSET not in html or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html.replace(CHARSET, CHARSET + "\n  " + meta, 1)
