#!/usr/bin/env python3
"""Measure the built site with Lighthouse, served the way GitHub Pages serves it.

Steps:
  1. `mkdocs build --strict` (skip with --no-build);
  2. serve site/ under the sub-path of site_url with scripts/serve.py
     (gzip, 404.html) on a free port;
  3. run Lighthouse (node_modules/.bin/lighthouse; `npm ci` first) on each
     page, one after the other: mobile form factor, default throttling
     (--desktop: Lighthouse's desktop preset, a 1350 px wide screen),
     categories performance, accessibility, best-practices and SEO;
  4. print a Markdown table (scores, Lighthouse's first contentful paint, the
     bytes needed before first paint: the part of the page's HTML down to the end
     of its first screen and every render-blocking stylesheet and synchronous head
     script, gzip, as innovation_day/output/first_paint.py weighs them; the whole
     HTML, gzip; bytes over the wire of the first view,
     requests, failing audits), the size of the search index (raw and gzip),
     and the details of each failing audit (elements, addresses).

The report goes to reports/audit.md (audit-desktop.md with --desktop), each
page's raw Lighthouse JSON to reports/lighthouse/ (lighthouse-desktop/). It
measures; it does not judge: the exit status is non-zero only when the build
or Lighthouse itself fails, or, with --min-score N, when a category score of
a page is below N.

Pages default to the key pages in both languages: / /en/ /ke-hoach/
/en/ke-hoach/. --pages gives others (paths under the site's sub-path);
--all takes every page in the built sitemap.xml files, and the 404 page.

Chromium: --chrome-path, else $CHROME_PATH, else /usr/bin/chromium.

Examples:
  python scripts/audit.py
  python scripts/audit.py --no-build --pages /lien-he/ /en/lien-he/
  python scripts/audit.py --all --min-score 90
  python scripts/audit.py --all --desktop
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from innovation_day import preview as serve  # start(site_dir, base_path, port) -> (server, url)

ROOT = Path(__file__).resolve().parent.parent



def default_pages() -> list[str]:
    """The home page and the plans page in each language, and every published plan: the
    longest pages, which citizens reach first from a banner."""
    from innovation_day.settings.mkdocs_file import site_from_file

    site = site_from_file(ROOT / "mkdocs.yml")
    sources = ["index.md", "ke-hoach/index.md"] + [e.plan_page for e in site.editions if e.published]
    return ["/" + site.languages.page_path(source, lang) for source in sources for lang in site.languages.codes]

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
PAGE_TIMEOUT = 300  # seconds for one Lighthouse run
MAX_DETAIL_ITEMS = 6


class AuditError(RuntimeError):
    """Lighthouse itself (or the build) failed: no measurement."""


def mkdocs_command() -> list[str]:
    for candidate in (ROOT / ".venv" / "bin" / "mkdocs", Path(sys.executable).parent / "mkdocs"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("mkdocs")
    return [found] if found else [sys.executable, "-m", "mkdocs"]


def build() -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    print("Building: mkdocs build --strict", file=sys.stderr, flush=True)
    proc = subprocess.run([*mkdocs_command(), "build", "--strict"], cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise AuditError(f"mkdocs build --strict failed (exit {proc.returncode})")


def sitemap_locs(site_dir: Path) -> list[str]:
    """Every <loc> in every sitemap.xml of the built site, in order, without duplicates."""
    locs: list[str] = []
    for sitemap in sorted(site_dir.rglob("sitemap.xml")):
        try:
            tree = ET.parse(sitemap)
        except ET.ParseError:
            continue
        for el in tree.iter():
            if el.tag.endswith("loc") and el.text and el.text.strip() not in locs:
                locs.append(el.text.strip())
    return locs


def site_base_path(site_dir: Path) -> str:
    """The sub-path the site was built for: from the built sitemap, else from mkdocs.yml."""
    locs = sitemap_locs(site_dir)
    if locs:
        return urlsplit(min(locs, key=len)).path or "/"
    try:
        return serve.base_path_from_config()
    except ImportError:  # run without the project's venv: read site_url's default as written
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        m = re.search(r"^site_url:.*?[\"']?(https?://[^\"'\s\]]+)", text, re.M)
        url = os.environ.get("SITE_URL") or (m.group(1) if m else "/")
        return urlsplit(url).path or "/"


def pages_from_sitemaps(site_dir: Path, base_path: str) -> list[str]:
    pages = []
    for loc in sitemap_locs(site_dir):
        path = urlsplit(loc).path
        rel = "/" + path[len(base_path):].lstrip("/") if path.startswith(base_path) else path
        if rel not in pages:
            pages.append(rel)
    # The page GitHub Pages serves for every missing address (fetched here by its
    # own name, so Lighthouse judges the page rather than the 404 status).
    if (site_dir / "404.html").exists():
        pages.append("/404.html")
    return pages


def slug(page: str) -> str:
    name = re.sub(r"[^A-Za-z0-9]+", "_", page.strip("/"))
    return name or "home"


def run_lighthouse(url: str, out_json: Path, chrome_path: str, desktop: bool = False) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise AuditError(f"{binary} not found: run `npm ci` first")
    cmd = [
        str(binary), url,
        "--output=json", f"--output-path={out_json}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={chrome_path}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
        *(["--preset=desktop"] if desktop else []),
    ]
    env = dict(os.environ, CHROME_PATH=chrome_path)
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired as err:
        raise AuditError(f"Lighthouse timed out after {PAGE_TIMEOUT}s on {url}") from err
    if proc.returncode != 0 or not out_json.is_file():
        tail = "\n".join((proc.stderr or proc.stdout or "").strip().splitlines()[-15:])
        raise AuditError(f"Lighthouse failed on {url} (exit {proc.returncode}):\n{tail}")
    lhr = json.loads(out_json.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        err = lhr["runtimeError"]
        raise AuditError(f"Lighthouse runtime error on {url}: {err.get('code')}: {err.get('message')}")
    return lhr


def audit_failed(audit: dict) -> bool:
    """Failed the way Lighthouse's own report counts it: binary below 1, numeric below 0.9."""
    mode = audit.get("scoreDisplayMode")
    score = audit.get("score")
    if score is None or mode not in ("binary", "numeric", "metricSavings"):
        return False
    return score < (1 if mode == "binary" else 0.9)


def item_label(item: dict) -> str | None:
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node is None and isinstance(item.get("source"), dict) and item["source"].get("type") == "node":
        node = item["source"]
    if node:
        text = node.get("selector") or node.get("snippet") or ""
        snippet = (node.get("snippet") or "")[:120]
        label = f"`{text}`" + (f" `{snippet}`" if snippet and snippet != text else "")
        lines = [ln.strip() for ln in (node.get("explanation") or "").splitlines() if ln.strip()]
        explanation = "; ".join(ln for ln in lines if not ln.startswith("Fix "))
        return label + (f" — {explanation[:300]}" if explanation else "")
    for key in ("url", "source", "href"):
        value = item.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, dict) and value.get("url"):
            return value["url"]
    if isinstance(item.get("description"), str):
        return item["description"][:160]
    return None


def summarise(page: str, lhr: dict) -> dict:
    cats = lhr.get("categories", {})
    scores = {c: (None if cats.get(c, {}).get("score") is None else round(cats[c]["score"] * 100))
              for c in CATEGORIES}
    audits = lhr.get("audits", {})
    items = ((audits.get("network-requests") or {}).get("details") or {}).get("items") or []
    transfer = sum(int(i.get("transferSize") or 0) for i in items)
    # Metrics are in the performance score already; "hidden" ones Lighthouse's report does not show.
    relevant = set()
    for c in CATEGORIES:
        relevant.update(ref["id"] for ref in cats.get(c, {}).get("auditRefs", [])
                        if ref.get("group") not in ("metrics", "hidden"))
    failing, errored = [], []
    for audit_id in sorted(relevant):
        audit = audits.get(audit_id)
        if audit and audit.get("scoreDisplayMode") == "error":
            errored.append({"id": audit_id, "error": audit.get("errorMessage", "")})
        elif audit and audit_failed(audit):
            details = audit.get("details") or {}
            labels = [lab for lab in (item_label(i) for i in (details.get("items") or []) if isinstance(i, dict)) if lab]
            failing.append({
                "id": audit_id, "title": audit.get("title", ""), "score": audit.get("score"),
                "display": audit.get("displayValue", "") or audit.get("errorMessage", ""),
                "items": labels,
            })
    fcp = (audits.get("first-contentful-paint") or {}).get("numericValue")
    return {"page": page, "scores": scores, "bytes": transfer, "requests": len(items), "failing": failing,
            "fcp": fcp,
            "errored": errored, "final_url": lhr.get("finalDisplayedUrl") or lhr.get("finalUrl")}


def page_path(site_dir: Path, page: str) -> Path | None:
    """The file served for `page` (a missing address: GitHub Pages serves the root 404.html)."""
    rel = page.lstrip("/")
    path = site_dir / (rel if rel.endswith(".html") else rel + "index.html")
    if not path.is_file():
        path = site_dir / "404.html"
    return path if path.is_file() else None


def first_paint_bytes(site_dir: Path, base_path: str, page: str) -> int | None:
    """Gzip bytes the page needs before its first paint (innovation_day/output/first_paint.py)."""
    from innovation_day.output.first_paint import weigh

    path = page_path(site_dir, page)
    return sum(weigh(path, site_dir, base_path).values()) if path else None


def whole_html_bytes(site_dir: Path, page: str) -> int | None:
    """The page's whole HTML, gzip."""
    from innovation_day.output.first_paint import whole_html

    path = page_path(site_dir, page)
    return whole_html(path) if path else None


def human_bytes(n: int) -> str:
    return f"{n / 1024:.1f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.2f} MiB"


def search_index_sizes(site_dir: Path) -> list[tuple[str, int, int]]:
    sizes = []
    for index in sorted(site_dir.rglob("search_index.json")):
        raw = index.read_bytes()
        sizes.append((index.relative_to(site_dir).as_posix(), len(raw), len(serve.gzipped(raw))))
    return sizes


def render(rows: list[dict], errors: list[str], sizes, base_url: str, chrome_path: str,
           desktop: bool = False) -> str:
    fmt = lambda s: "–" if s is None else str(s)  # noqa: E731
    lines = [
        "# Lighthouse audit",
        "",
        f"Served at `{base_url}` (scripts/serve.py: sub-path, gzip, 404.html). "
        + ("Lighthouse desktop preset (1350 × 940, desktop throttling)" if desktop
           else "Lighthouse mobile, default throttling") + f"; Chromium `{chrome_path}`.",
        "",
        "| page | performance | accessibility | best practices | SEO | first contentful paint "
        "| before first paint (gzip) | whole HTML (gzip) | bytes over the wire | requests | failing audits |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        s = r["scores"]
        failing = ", ".join(f["id"] for f in r["failing"]) or "—"
        fcp = "–" if r.get("fcp") is None else f"{r['fcp'] / 1000:.2f} s"
        first = r.get("first_paint_bytes")
        first = "–" if first is None else f"{first:,} B ({human_bytes(first)})"
        whole = r.get("whole_html_bytes")
        whole = "–" if whole is None else f"{whole:,} B ({human_bytes(whole)})"
        lines.append(f"| `{r['page']}` | {fmt(s['performance'])} | {fmt(s['accessibility'])} | "
                     f"{fmt(s['best-practices'])} | {fmt(s['seo'])} | {fcp} | {first} | {whole} | "
                     f"{r['bytes']:,} B ({human_bytes(r['bytes'])}) | {r['requests']} | {failing} |")
    for err in errors:
        lines.append(f"| `{err.split(chr(10))[0][:80]}` | – | – | – | – | – | – | – | – | – | Lighthouse failed |")
    errored = {}
    for r in rows:
        for e in r["errored"]:
            errored.setdefault(e["id"], {"pages": [], "error": e["error"]})["pages"].append(r["page"])
    if errored:
        lines += ["", "Audits Lighthouse itself could not run (not counted as failing; no score for them): "
                  + ", ".join(f"`{i}`" for i in sorted(errored)) + " — see below."]
    lines += ["", "## Search index", ""]
    if sizes:
        lines += ["| file | raw | gzip |", "| --- | ---: | ---: |"]
        for name, raw, gz in sizes:
            lines.append(f"| `{name}` | {raw:,} B ({human_bytes(raw)}) | {gz:,} B ({human_bytes(gz)}) |")
    else:
        lines.append("No search_index.json found.")
    details = [r for r in rows if r["failing"]]
    if details:
        lines += ["", "## Failing audits in detail", ""]
        for r in details:
            lines += [f"### `{r['page']}`", ""]
            for f in r["failing"]:
                score = "error" if f["score"] is None else f"{f['score']:.2f}"
                extra = f" — {f['display']}" if f["display"] else ""
                lines.append(f"- **{f['id']}** ({score}) {f['title']}{extra}")
                for label in f["items"][:MAX_DETAIL_ITEMS]:
                    lines.append(f"  - {label}")
                if len(f["items"]) > MAX_DETAIL_ITEMS:
                    lines.append(f"  - … {len(f['items']) - MAX_DETAIL_ITEMS} more")
            lines.append("")
    if errored:
        lines += ["", "## Audits Lighthouse could not run", ""]
        for audit_id in sorted(errored):
            e = errored[audit_id]
            lines.append(f"- **{audit_id}** on {', '.join(f'`{p}`' for p in e['pages'])}: {e['error'][:300]}")
    if errors:
        lines += ["", "## Lighthouse errors", ""]
        lines += [f"```\n{e}\n```" for e in errors]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the existing site/ as it is")
    parser.add_argument("--pages", nargs="+", metavar="PATH",
                        help="pages to audit, under the site's sub-path (default: the home and plans pages, "
                             "and every published plan, in each language)")
    parser.add_argument("--all", action="store_true", help="audit every page in the built sitemap.xml files")
    parser.add_argument("--min-score", type=float, metavar="N",
                        help="exit 1 when any category score (0-100) of any page is below N")
    parser.add_argument("--desktop", action="store_true",
                        help="Lighthouse's desktop preset instead of the phone (report: audit-desktop.md)")
    parser.add_argument("--chrome-path", default=os.environ.get("CHROME_PATH") or "/usr/bin/chromium",
                        help="Chromium or Chrome binary (default: $CHROME_PATH or /usr/bin/chromium)")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "reports",
                        help="where audit.md and lighthouse/*.json go (default: reports/)")
    args = parser.parse_args(argv)

    try:
        if not args.no_build:
            build()
    except AuditError as err:
        print(err, file=sys.stderr)
        return 2
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}/index.html not found: build the site first.", file=sys.stderr)
        return 2
    if not Path(args.chrome_path).exists():
        print(f"Chromium not found at {args.chrome_path}: give --chrome-path or CHROME_PATH.", file=sys.stderr)
        return 2

    base_path = site_base_path(args.site_dir)
    if args.all:
        pages = pages_from_sitemaps(args.site_dir, base_path)
    else:
        pages = args.pages or default_pages()
    pages = ["/" + p.lstrip("/") for p in pages]

    suffix = "-desktop" if args.desktop else ""
    json_dir = args.out_dir / f"lighthouse{suffix}"
    json_dir.mkdir(parents=True, exist_ok=True)
    server, base_url = serve.start(args.site_dir, base_path, 0)
    rows, errors = [], []
    try:
        for n, page in enumerate(pages, 1):
            url = base_url + page.lstrip("/")
            print(f"[{n}/{len(pages)}] Lighthouse {url}", file=sys.stderr, flush=True)
            started = time.monotonic()
            try:
                lhr = run_lighthouse(url, json_dir / f"{slug(page)}.json", args.chrome_path, args.desktop)
            except AuditError as err:
                print(err, file=sys.stderr)
                errors.append(f"{page}: {err}")
                continue
            rows.append(summarise(page, lhr))
            rows[-1]["first_paint_bytes"] = first_paint_bytes(args.site_dir, base_path, page)
            rows[-1]["whole_html_bytes"] = whole_html_bytes(args.site_dir, page)
            print(f"      done in {time.monotonic() - started:.0f}s", file=sys.stderr, flush=True)
    finally:
        server.shutdown()
        server.server_close()

    report = render(rows, errors, search_index_sizes(args.site_dir), base_url, args.chrome_path, args.desktop)
    report_path = args.out_dir / f"audit{suffix}.md"
    report_path.write_text(report, encoding="utf-8")
    print(report)
    print(f"Report: {report_path}; raw JSON: {json_dir}/", file=sys.stderr)

    if errors:
        return 1
    if args.min_score is not None:
        low = [(r["page"], c, s) for r in rows for c, s in r["scores"].items() if s is not None and s < args.min_score]
        for page, cat, score in low:
            print(f"below {args.min_score:g}: {page} {cat} = {score}", file=sys.stderr)
        if low:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
