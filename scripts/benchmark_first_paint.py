#!/usr/bin/env python3
"""Side by side in one run: a stock Material + i18n starter and this site, in Lighthouse.

Steps:
  1. build a stock starter in a temporary folder with the pinned packages of this
     project's environment (Material for MkDocs, mkdocs-static-i18n, the search
     plugin): Material's defaults, Vietnamese at / and English at /en/, a home page
     of a few paragraphs in each language; Material's web font is switched off
     (`font: false`), as this machine, like a reader's phone on a blocked network,
     may not reach Google Fonts, and a request that fails would distort the timing;
  2. build this site (`mkdocs build --strict`; skip with --no-build and give --site-dir);
  3. serve both the way GitHub Pages does (innovation_day/preview.py: sub-path, gzip);
  4. run Lighthouse (scripts/audit.py's settings: mobile, default throttling) on each
     home page, alternating starter and site for --runs rounds, and print the median
     first contentful paint of each, their ratio, the bytes of each first view and
     the bytes before first paint (HTML + render-blocking CSS and scripts, gzip).

A measurement, not a test: it exits 0 unless a build or Lighthouse fails. The targets of
issue 23 are an FCP ratio of at most 0.6 and a first-view ratio of at most 0.8.

Examples:
  python scripts/benchmark_first_paint.py
  python scripts/benchmark_first_paint.py --no-build --site-dir site --runs 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import audit  # scripts/audit.py: Lighthouse as the audit runs it
from innovation_day import preview as serve
from innovation_day.output.first_paint import weigh

ROOT = Path(__file__).resolve().parent.parent
STARTER_URL = "http://127.0.0.1:8000/starter/"
STARTER_CONFIG = f"""site_name: Starter
site_url: {STARTER_URL}
theme:
  name: material
  language: vi
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: vi
          default: true
          name: Tiếng Việt
          build: true
        - locale: en
          name: English
          build: true
"""
PARAGRAPH = {
    "vi": "Trang mẫu dựng bằng Material for MkDocs với các thiết lập mặc định, dùng để so sánh tốc độ hiển thị.",
    "en": "A sample page built with Material for MkDocs and its default settings, to compare how fast pages show.",
}


def build_starter(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(STARTER_CONFIG, encoding="utf-8")
    for lang, suffix in (("vi", ""), ("en", ".en")):
        body = "\n\n".join([PARAGRAPH[lang]] * 4)
        (folder / "docs" / f"index{suffix}.md").write_text(f"# {'Trang chủ' if lang == 'vi' else 'Home'}\n\n{body}\n",
                                                          encoding="utf-8")
    site = folder / "site"
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run([*audit.mkdocs_command(), "build", "--strict", "-d", str(site)], cwd=folder, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise audit.AuditError(f"the starter did not build:\n{proc.stderr[-2000:]}")
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use --site-dir as it is")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="this site, built (default: site/)")
    parser.add_argument("--runs", type=int, default=1, help="rounds of starter then site (median; default 1)")
    parser.add_argument("--chrome-path", default=os.environ.get("CHROME_PATH") or "/usr/bin/chromium")
    args = parser.parse_args(argv)

    try:
        if not args.no_build:
            audit.build()
            args.site_dir = ROOT / "site"
        with tempfile.TemporaryDirectory(prefix="starter-") as tmp:
            starter = build_starter(Path(tmp))
            sites = {"stock starter": (starter, "/starter/"),
                     "this site": (args.site_dir, audit.site_base_path(args.site_dir))}
            servers = {name: serve.start(site, base, 0) for name, (site, base) in sites.items()}
            results = {name: [] for name in sites}
            try:
                for n in range(args.runs):
                    for name, (_, url) in servers.items():
                        print(f"[{n + 1}/{args.runs}] Lighthouse {name}: {url}", file=sys.stderr, flush=True)
                        lhr = audit.run_lighthouse(url, Path(tmp) / f"{n}-{name.replace(' ', '-')}.json",
                                                   args.chrome_path)
                        results[name].append(audit.summarise("/", lhr))
            finally:
                for httpd, _ in servers.values():
                    httpd.shutdown()
            print("| home page | first contentful paint (median) | first view | before first paint (gzip) "
                  "| performance | accessibility | best practices | SEO |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            figures = {}
            for name, (site, base) in sites.items():
                fcp = statistics.median(r["fcp"] for r in results[name])
                first_view = statistics.median(r["bytes"] for r in results[name])
                before_paint = sum(weigh(site / "index.html", site, base).values())
                figures[name] = (fcp, first_view)
                s = results[name][-1]["scores"]
                print(f"| {name} | {fcp / 1000:.2f} s | {first_view:,.0f} B | {before_paint:,} B | "
                      f"{s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |")
            (starter_fcp, starter_bytes), (site_fcp, site_bytes) = figures.values()
            print(f"\nFirst contentful paint: this site / stock starter = {site_fcp / starter_fcp:.2f} (target ≤ 0.6)")
            print(f"First view bytes: this site / stock starter = {site_bytes / starter_bytes:.2f} (target ≤ 0.8)")
    except audit.AuditError as err:
        print(err, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
