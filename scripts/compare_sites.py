"""Compare two builds of the site: the same files with the same bytes, apart from timestamps.

    python scripts/compare_sites.py SITE_A SITE_B

Used to check that the build does not depend on what should not matter: the order
of `plugins:` in mkdocs.yml (tests/test_plugin_order.py), or the engine that runs
the plugins, MkDocs or ProperDocs (.github/workflows/ci.yml, job `properdocs`).
Timestamps are the build's date where the site records it: the sitemap's
`<lastmod>` and the pages' `data-built`; gzip files are compared uncompressed.
Exit 0 when the two sites are the same; exit 1 listing every file that differs.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

# The build's date, written where the site says when it was built (two builds a day apart differ there only).
TIMESTAMPS = [
    (re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>"), b"<lastmod>DATE</lastmod>"),
    (re.compile(rb'data-built="\d{4}-\d{2}-\d{2}"'), b'data-built="DATE"'),
]


def comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    for pattern, placeholder in TIMESTAMPS:
        data = pattern.sub(placeholder, data)
    return data


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    """Every file only in one site, or whose bytes differ apart from timestamps."""
    names_a, names_b = files_of(a), files_of(b)
    found = [f"only in {a}: {name}" for name in sorted(names_a - names_b)]
    found += [f"only in {b}: {name}" for name in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        if (a / name).read_bytes() != (b / name).read_bytes() and comparable(a / name) != comparable(b / name):
            found.append(f"differs: {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    args = parser.parse_args(argv)
    for site in (args.site_a, args.site_b):
        if not site.is_dir() or not any(site.iterdir()):
            print(f"{site}: không có bản dựng / no built site there", file=sys.stderr)
            return 1
    found = differences(args.site_a, args.site_b)
    for line in found:
        print(line)
    count = len(files_of(args.site_a))
    if found:
        print(f"{len(found)} tệp khác nhau / files differ", file=sys.stderr)
        return 1
    print(f"{count} tệp giống nhau (trừ ngày dựng) / files identical (apart from build dates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
