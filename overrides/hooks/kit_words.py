"""Words for the loudspeakers, posts for Zalo and Facebook, and an image to post with them.

The plan (III.1) asks the commune to spread the Day on its loudspeaker system
and on Zalo, Facebook and YouTube. The texts are templates in data/kit/,
filled from the settings (theme, slogan, dates, the site's address) by the
same strict Jinja as the pages (page_settings.py), so they cannot drift from
them. The loudspeaker text must read in one to two minutes at a loudspeaker's
slow pace; the build says so when an edit makes it too long or too short.
Each text is a UTF-8 (NFC) .txt download, and the kit page shows it where the
markers below stand. The share image is square, as Zalo and Facebook show
pictures, and carries the QR code with its address.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict
from pathlib import Path

import jinja2

from build_errors import BuildErrors
from kit import (DOWNLOADS, display_address, generate, link, load_settings, register, render_partial,
                 translator)
from kit_draw import Canvas, check_coverage, draw_portrait, make_design, render, save_png
from preview import is_local_address
from page_settings import ENV, page_language

MARKERS = {"loudspeaker": "<!-- hooks/kit_words.py loudspeaker -->",
           "posts": "<!-- hooks/kit_words.py posts -->"}
LOUDSPEAKER = "loa-phat-thanh.txt"
POSTS = {"vi": "bai-dang-vi.txt", "en": "bai-dang-en.txt"}
SHARE_IMAGE = "anh-chia-se.png"
SHARE_SIDE = 1080            # pixels: the square Zalo and Facebook show in full
SHARE_QR = 0.27              # the code's side, as a share of the image's
WORDS_PER_MINUTE = 150       # a loudspeaker's slow, clear reading pace
MINUTES = (1, 2)
_state: dict = {}


def template_path(config, name: str) -> Path:
    return Path(config.config_file_path).parent / "data" / "kit" / name


def fill(config, name: str, lang: str) -> str:
    """A data/kit/ template filled with the settings: NFC, paragraphs split by one blank line."""
    source = template_path(config, name)
    home = config.site_url + ("" if lang == "vi" else f"{lang}/")
    context = dict(config.extra, lang=lang, site_url=config.site_url, home=home,
                   address=display_address(config.site_url))
    try:
        text = ENV.from_string(source.read_text(encoding="utf-8")).render(context)
    except (OSError, jinja2.TemplateError) as error:
        errors = BuildErrors("Tài liệu truyền thông / Communication kit")
        errors.add(f"data/kit/{name}", "{{ … }}", f"không dựng được bài ({error})", f"cannot fill the text ({error})")
        errors.raise_if_any()
    text = unicodedata.normalize("NFC", text).strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs) + "\n"


def reading_time(words: int) -> int:
    """Seconds, rounded to ten."""
    return round(words / WORDS_PER_MINUTE * 60 / 10) * 10


def make(config, settings, folder) -> dict:
    speech = fill(config, "loa-phat-thanh.txt", "vi")
    words = len(speech.split())
    seconds = reading_time(words)
    if not MINUTES[0] * 60 <= seconds <= MINUTES[1] * 60:
        errors = BuildErrors("Tài liệu truyền thông / Communication kit")
        errors.add("data/kit/loa-phat-thanh.txt", "độ dài / length",
                   f"{words} chữ, đọc mất khoảng {seconds} giây: cần từ {MINUTES[0]} đến {MINUTES[1]} phút",
                   f"{words} words, about {seconds} s to read: it must take {MINUTES[0]} to {MINUTES[1]} minutes")
        errors.raise_if_any()
    (folder / LOUDSPEAKER).write_text(speech, encoding="utf-8")
    for lang, name in POSTS.items():
        (folder / name).write_text(fill(config, f"bai-dang.{lang}.txt", lang), encoding="utf-8")
    art = make_design(config, settings)
    check_coverage(config, {"extra.edition.slogan.vi": art.slogan.upper(), "extra.edition.theme.vi": art.theme})
    canvas = Canvas(config, title=art.slogan)
    canvas.page(SHARE_SIDE, SHARE_SIDE)
    draw_portrait(config, canvas, art, SHARE_SIDE, SHARE_SIDE, SHARE_SIDE * SHARE_QR)
    image = render(canvas.output(), 1)
    save_png(image, folder / SHARE_IMAGE)
    return {"words": words, "seconds": seconds, "share": list(image.size)}


def section(config, page, which: str) -> str:
    lang = page_language(page)
    t = translator(config, lang)
    output = _state["output"]
    if which == "loudspeaker":
        seconds = output.meta["seconds"]
        duration = t("kit.duration", minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
        return render_partial(
            config, "loudspeaker.md",
            paragraphs=output.path(LOUDSPEAKER).read_text(encoding="utf-8").split("\n\n"),
            length=t("kit.loudspeaker.length", words=output.meta["words"], duration=duration),
            txt=link(f"{DOWNLOADS}/{LOUDSPEAKER}", page), name=LOUDSPEAKER,
        )
    slogan = config.extra["edition"]["slogan"]["vi"]
    width, height = output.meta["share"]
    return render_partial(
        config, "posts.md",
        posts=[{"lang": code, "title": t(f"kit.posts.{code}"), "name": name,
                "paragraphs": output.path(name).read_text(encoding="utf-8").split("\n\n"),
                "txt": link(f"{DOWNLOADS}/{name}", page)} for code, name in POSTS.items()],
        image=link(f"{DOWNLOADS}/{SHARE_IMAGE}", page), width=width, height=height,
        alt=t("kit.share.alt", slogan=slogan, address=display_address(config.site_url)),
        download=t("kit.share.download", width=width, height=height),
    )


# Hooks ----------------------------------------------------------------------

def on_files(files, config):
    settings = load_settings(config)
    inputs = {"url": config.site_url, "kit": asdict(settings),
              "edition": config.extra["edition"], "commune": config.extra["commune"],
              "preview": is_local_address(config.site_url)}  # stamped or not (preview.py)
    output = generate(config, "words", inputs, lambda folder: make(config, settings, folder))
    register(files, config, output, [LOUDSPEAKER, *POSTS.values(), SHARE_IMAGE])
    _state["output"] = output
    return files


def on_serve(server, config, builder):
    server.watch(str(template_path(config, "")))
    return server


def on_page_markdown(markdown, page, config, files):
    for which, marker in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, section(config, page, which))
    return markdown
