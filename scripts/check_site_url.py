"""Refuse to deploy a site built for a local address (the deploy workflow runs this first).

    python scripts/check_site_url.py "$SITE_URL"

Exit 0 for a public address; exit 1, with a bilingual message, for a loopback,
localhost, *.local or private-network address, whose QR codes would open
nothing for anyone else (overrides/hooks/preview.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "overrides" / "hooks"))

from preview import is_local_address  # noqa: E402


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else ""
    if not url.strip():
        print("site_url trống: không đăng được / site_url is empty: refusing to deploy", file=sys.stderr)
        return 1
    if is_local_address(url):
        print(f"site_url {url!r} là địa chỉ nội bộ (bản xem thử): không đăng bản này / "
              f"site_url {url!r} is a local address (a preview build): refusing to deploy", file=sys.stderr)
        return 1
    print(f"site_url {url!r}: địa chỉ công khai / a public address")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
