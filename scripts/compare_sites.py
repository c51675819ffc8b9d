"""Compare two builds of the site: the same files with the same bytes, apart from timestamps.

    python scripts/compare_sites.py SITE_A SITE_B

Used to check that the build does not depend on what should not matter: the order
of `plugins:` in mkdocs.yml (tests/build/test_plugin_order.py), or the engine that runs
the plugins, MkDocs or ProperDocs (.github/workflows/ci.yml, job `properdocs`).
Timestamps are the build's date and time where the site records them (the sitemap's
`<lastmod>`, the pages' `data-built`, the calendar's DTSTAMP, the PDFs' creation date
and the /ID made from it); cache names are the share images' names (assets/og/<key>.png,
keyed on the package's sources), compared by their content. gzip files are compared
uncompressed.
Exit 0 when the two sites are the same; exit 1 listing every file that differs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from pathlib import Path

# Where the site records when it was built (two builds of the same sources differ there only).
TIMESTAMPS = [
    (re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>"), b"<lastmod>DATE</lastmod>"),
    (re.compile(rb'data-built="\d{4}-\d{2}-\d{2}"'), b'data-built="DATE"'),
    (re.compile(rb"DTSTAMP:\d{8}T\d{6}Z"), b"DTSTAMP:TIME"),
    # The PDFs' (fpdf2 writes no space before the value: /CreationDate(D:…), /ID[<…><…>]).
    (re.compile(rb"/(Creation|Mod)Date ?\(D:[0-9Z+\-']+\)"), rb"/\1Date (D:TIME)"),
    (re.compile(rb"/ID ?\[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]"), b"/ID [<TIME><TIME>]"),
    (re.compile(rb"assets/og/[0-9a-f]{20}\.png"), b"assets/og/KEY.png"),
]
SHARE_IMAGE = re.compile(r"^assets/og/[0-9a-f]{20}\.png$")


def comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    for pattern, placeholder in TIMESTAMPS:
        data = pattern.sub(placeholder, data)
    return data


def files_of(site: Path) -> dict[str, Path]:
    """name -> file; a share image is named by its content, as its cache name may differ."""
    files = {}
    for path in (p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if SHARE_IMAGE.match(name):
            name = f"assets/og/(content {hashlib.sha256(path.read_bytes()).hexdigest()[:20]}).png"
        files[name] = path
    return files


def differences(a: Path, b: Path) -> list[str]:
    """Every file only in one site, or whose bytes differ apart from timestamps."""
    files_a, files_b = files_of(a), files_of(b)
    found = [f"only in {a}: {name}" for name in sorted(files_a.keys() - files_b.keys())]
    found += [f"only in {b}: {name}" for name in sorted(files_b.keys() - files_a.keys())]
    for name in sorted(files_a.keys() & files_b.keys()):
        one, other = files_a[name], files_b[name]
        if one.read_bytes() != other.read_bytes() and comparable(one) != comparable(other):
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
    print(f"{count} tệp giống nhau (trừ thời điểm dựng và tên bộ nhớ đệm) / files identical (apart from build times and cache names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
