"""Refuse to deploy a site built for a local address (the deploy workflow runs this first).

    python scripts/check_site_url.py "$SITE_URL"

Exit 0 for a public address; exit 1, with a bilingual message, for an empty or
partial address or a loopback,
localhost, *.local or private-network address, whose QR codes would open
nothing for anyone else (innovation_day/settings/address.py).
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from innovation_day.settings.address import is_local_address


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else ""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # e.g. "/" when configure-pages gave no base_url
        print(f"site_url {url!r} không phải địa chỉ đầy đủ: không đăng bản này / "
              f"site_url {url!r} is not a full address: refusing to deploy", file=sys.stderr)
        return 1
    if is_local_address(url):
        print(f"site_url {url!r} là địa chỉ nội bộ (bản xem thử): không đăng bản này / "
              f"site_url {url!r} is a local address (a preview build): refusing to deploy", file=sys.stderr)
        return 1
    print(f"site_url {url!r}: địa chỉ công khai / a public address")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
