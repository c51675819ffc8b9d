#!/usr/bin/env python3
"""Compare what two builds of the site show, screenshot by screenshot, in Chromium.

Serves each built site the way GitHub Pages does (scripts/serve.py's server, under the
site's sub-path), opens the same pages in both at 360, 412 and 1280 px wide, waits until
each page is loaded and still, and compares the first screen (the window, as the reader
sees it) pixel by pixel. A pixel counts as different when one of its channels differs by
more than TOLERANCE (anti-aliasing of text edges differs by a few levels); a screen
counts as the same when at most MAX_SHARE of its pixels differ. Prints one line per page
and width, saves the differing pairs and their difference under --out, and exits 1 when
any screen differs.

Examples:
  python scripts/compare_screens.py --before /tmp/site-main --after site
  python scripts/compare_screens.py --before /tmp/a --after /tmp/b --pages / /en/ke-hoach/2025/
"""

from __future__ import annotations

import argparse
import base64
import io
import sys
from pathlib import Path

from PIL import Image, ImageChops

from innovation_day import preview as serve

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {360: 740, 412: 823, 1280: 800}
TOLERANCE = 24        # of 255, per channel
MAX_SHARE = 0.001     # of the screen's pixels
DEFAULT_PAGES = ["/", "/en/", "/ke-hoach/2025/", "/en/ke-hoach/2025/", "/guong-sang-tao/",
                 "/tin-tuc/", "/huong-dan/", "/khong-co-trang-nay/"]
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
# Still: loaded, fonts in, the images in the window decoded (a lazy one may start late), no
# animation running, two frames drawn.
STILL = """async () => {
  // A document still arriving: its font set is not ready before the document's end (the
  // site's fonts are the system's).
  if (document.readyState !== "loading") await document.fonts.ready;
  const shown = [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight);
  await Promise.all(shown.map(i => i.complete ? i.decode().catch(() => 0) : new Promise(done => {
    i.addEventListener("load", done); i.addEventListener("error", done); })));
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (let i = 0; i < 300 && document.getAnimations().some(a => a.playState === "running"); i++) await frames();
  await frames();
}"""


# The full stylesheets applied: first paint's deferred links (output/templates/first-paint.html)
# switched from print to every medium. They may arrive before they apply, on a busy machine.
APPLIED = """async () => {
  const deferred = () => [...document.querySelectorAll("link[data-deferred-style]")].some(l => l.media === "print");
  for (let i = 0; i < 600 && deferred(); i++) await new Promise(done => requestAnimationFrame(done));
  if (deferred()) throw new Error("the full stylesheets never applied");
}"""


def differing_pixels(first: bytes, second: bytes, tolerance: int = TOLERANCE) -> tuple[int, int, Image.Image]:
    """(pixels differing by more than `tolerance` in a channel, all pixels, the difference image)."""
    a, b = (Image.open(io.BytesIO(data)).convert("RGB") for data in (first, second))
    if a.size != b.size:
        return a.width * a.height, a.width * a.height, a
    diff = ImageChops.difference(a, b)
    # A pixel differs when any channel does: the grey of the thresholded channels is not 0 there.
    mask = diff.point(lambda level: 255 if level > tolerance else 0).convert("L")
    total = a.width * a.height
    return total - mask.histogram()[0], total, diff


def capture(page) -> bytes:
    """The window as PNG, as Playwright's page.screenshot() takes it, but encoded for speed (the
    DevTools protocol's optimizeForSpeed): the same pixels, a larger file, half the CPU (33
    against 65 ms a 1280 px window, scratch measurement). Chromium only. Unlike
    page.screenshot(), a text field's caret is drawn, as the reader sees it: a few pixels."""
    session = page.context.new_cdp_session(page)
    try:
        shot = session.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})
    finally:
        session.detach()
    return base64.b64decode(shot["data"])


def full_screen(page) -> bytes:
    """The window once the full stylesheets apply and the page is still (Chromium)."""
    page.evaluate(APPLIED)
    page.evaluate(STILL)
    return capture(page)


def screenshot(page, url: str, width: int) -> bytes:
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto(url, wait_until="load")
    return full_screen(page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="one built site")
    parser.add_argument("--after", type=Path, required=True, help="the other built site")
    parser.add_argument("--pages", nargs="+", default=DEFAULT_PAGES, help="paths under the site's sub-path")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "screens",
                        help="where differing screenshots go (default: reports/screens/)")
    parser.add_argument("--chrome-path", default=HEADLESS_SHELL, help="Chromium (default: Debian's headless shell)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    base_path = serve.base_path_from_config()
    servers = [serve.start(site, base_path, 0) for site in (args.before, args.after)]
    differ = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chrome_path)
            tabs = [browser.new_context().new_page() for _ in servers]
            for path in args.pages:
                for width in WIDTHS:
                    shots = [screenshot(tab, url + path.lstrip("/"), width)
                             for tab, (_, url) in zip(tabs, servers)]
                    count, total, diff = differing_pixels(*shots)
                    same = count <= total * MAX_SHARE
                    differ += not same
                    print(f"{'same' if same else 'DIFFERS'}  {path} at {width} px: "
                          f"{count} of {total} pixels differ ({count / total:.4%})")
                    if not same:
                        args.out.mkdir(parents=True, exist_ok=True)
                        stem = f"{path.strip('/').replace('/', '_') or 'home'}-{width}"
                        for name, data in zip(("before", "after"), shots):
                            (args.out / f"{stem}-{name}.png").write_bytes(data)
                        diff.save(args.out / f"{stem}-diff.png")
            browser.close()
    finally:
        for httpd, _ in servers:
            httpd.shutdown()
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
