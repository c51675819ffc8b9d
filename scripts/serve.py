#!/usr/bin/env python3
"""Serve the built site the way GitHub Pages does (innovation_day/preview.py).

- under the sub-path of `site_url` (e.g. /ngay-hoi-dmst/), nothing at the root;
- gzip for text responses, so "bytes over the wire" match production;
- the root 404.html, with status 404, for every missing address.

Examples:
  python scripts/serve.py                 # serve site/ at http://127.0.0.1:8000/<sub-path>/
  python scripts/serve.py --port 8123 --base-path /other/
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from innovation_day.preview import ROOT, base_path_from_config, start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--base-path", help="sub-path to serve under (default: from site_url)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").exists():
        print(f"{args.site_dir}/index.html not found: run `mkdocs build --strict` first.", file=sys.stderr)
        return 2
    base = args.base_path or base_path_from_config()
    server, url = start(args.site_dir, base, args.port, args.host)
    print(f"Serving {args.site_dir} at {url} (Ctrl+C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
