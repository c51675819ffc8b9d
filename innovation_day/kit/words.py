"""Words for the loudspeakers, posts for Zalo and Facebook, and an image to post with them.

The plan (III.1) asks the commune to spread the Day on its loudspeaker system
and on Zalo, Facebook and YouTube. The texts are templates in data/kit/,
filled from the settings (theme, slogan, dates, the site's address) by the
same strict Jinja as the pages (settings/page_templating.py), so they cannot drift from
them. The loudspeaker text must read in one to two minutes at a loudspeaker's
slow pace; the build says so when an edit makes it too long or too short.
Each text is a UTF-8 (NFC) .txt download, and the kit page shows it at
`<!-- insert: kit.loudspeaker -->` and `<!-- insert: kit.posts -->`. The share
image is square, as Zalo and Facebook show pictures, and carries the QR code
with its address.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict

import jinja2

from ..errors import BuildErrors
from .draw import check_coverage, draw_portrait, make_design, render, save_png
from ..settings.address import display_address

LOUDSPEAKER = "loa-phat-thanh.txt"
POSTS = {"vi": "bai-dang-vi.txt", "en": "bai-dang-en.txt"}
SHARE_IMAGE = "anh-chia-se.png"
SHARE_SIDE = 1080            # pixels: the square Zalo and Facebook show in full
SHARE_QR = 0.27              # the code's side, as a share of the image's
WORDS_PER_MINUTE = 150       # a loudspeaker's slow, clear reading pace
MINUTES = (1, 2)


WORDS = "data/kit/words.yml"


def fill(kit, field: str, lang: str) -> str:
    """A text of data/kit/words.yml (`loudspeaker`, `post.vi`…) filled with the settings: NFC,
    paragraphs split by one blank line."""
    site = kit.site
    context = dict(site.context(), edition=kit.edition, unknown=site.t(lang)("edition.unknown"), lang=lang,
                   site_url=site.site_url, home=site.address("index.md", lang),
                   address=display_address(site.site_url))
    source = site.kit_words.loudspeaker if field == "loudspeaker" else site.kit_words.post[lang]
    try:
        text = kit.text_env.from_string(source).render(context)
    except jinja2.TemplateError as error:
        errors = BuildErrors("Tài liệu truyền thông / Communication kit")
        errors.add(WORDS, field, f"có chữ trong {{{{ }}}} không dùng được ({error}): sửa lại cho giống bản cũ",
                   f"something in {{{{ }}}} cannot be filled ({error}): write it as it was")
        errors.raise_if_any()
    text = unicodedata.normalize("NFC", text).strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs) + "\n"


def reading_time(words: int) -> int:
    """Seconds, rounded to ten."""
    return round(words / WORDS_PER_MINUTE * 60 / 10) * 10


def texts(kit) -> dict[str, str]:
    """The texts, filled: what the files hold (and so the cache's inputs)."""
    made = {LOUDSPEAKER: fill(kit, "loudspeaker", "vi")}
    made.update({name: fill(kit, f"post.{lang}", lang) for lang, name in POSTS.items()})
    return made


def inputs(kit) -> dict:
    design = asdict(make_design(kit.site, kit.edition))
    design.pop("matrix")   # follows from the address
    return {"texts": texts(kit), "design": design, "preview": kit.preview}


def make(kit, folder) -> dict:
    made = texts(kit)
    speech = made[LOUDSPEAKER]
    words = len(speech.split())
    seconds = reading_time(words)
    if not MINUTES[0] * 60 <= seconds <= MINUTES[1] * 60:
        errors = BuildErrors("Tài liệu truyền thông / Communication kit")
        errors.add(WORDS, "loudspeaker",
                   f"{words} chữ, đọc mất khoảng {seconds} giây: cần từ {MINUTES[0]} đến {MINUTES[1]} phút",
                   f"{words} words, about {seconds} s to read: it must take {MINUTES[0]} to {MINUTES[1]} minutes")
        errors.raise_if_any()
    for name, text in made.items():
        (folder / name).write_text(text, encoding="utf-8")
    art = make_design(kit.site, kit.edition)
    check_coverage(kit.fonts, {f"{kit.edition.source} › slogan.vi": art.slogan.upper(),
                                 f"{kit.edition.source} › theme.vi": art.theme})
    canvas = kit.canvas(art.slogan)
    canvas.page(SHARE_SIDE, SHARE_SIDE)
    draw_portrait(kit.fonts, canvas, art, SHARE_SIDE, SHARE_SIDE, SHARE_SIDE * SHARE_QR)
    image = render(canvas.output(), 1)
    save_png(image, folder / SHARE_IMAGE)
    return {"words": words, "seconds": seconds, "share": list(image.size)}


def loudspeaker(kit, lang: str, link) -> str:
    t = kit.site.t(lang)
    output = kit.outputs["words"]
    seconds = output.meta["seconds"]
    duration = t("kit.duration", minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    return kit.env.get_template("loudspeaker.md").render(
        paragraphs=output.path(LOUDSPEAKER).read_text(encoding="utf-8").split("\n\n"),
        length=t("kit.loudspeaker.length", words=output.meta["words"], duration=duration),
        txt=link(LOUDSPEAKER), name=LOUDSPEAKER, t=t,
    )


def posts(kit, lang: str, link) -> str:
    t = kit.site.t(lang)
    output = kit.outputs["words"]
    width, height = output.meta["share"]
    return kit.env.get_template("posts.md").render(
        posts=[{"lang": code, "title": t(f"kit.posts.{code}"), "name": name,
                "paragraphs": output.path(name).read_text(encoding="utf-8").split("\n\n"),
                "txt": link(name)} for code, name in POSTS.items()],
        image=link(SHARE_IMAGE), width=width, height=height,
        alt=t("kit.share.alt", slogan=kit.edition.slogan["vi"], address=display_address(kit.site.site_url)),
        download=t("kit.share.download", width=width, height=height), t=t,
    )


def files(kit, lang: str, link) -> list[dict]:
    """The texts and the share image as downloads, for the kit page's archive."""
    t = kit.site.t(lang)
    return [{"title": t("kit.loudspeaker.file"), "href": link(LOUDSPEAKER), "name": LOUDSPEAKER},
            *[{"title": t(f"kit.posts.{code}"), "href": link(name), "name": name} for code, name in POSTS.items()],
            {"title": t("kit.share.file"), "href": link(SHARE_IMAGE), "name": SHARE_IMAGE}]


def downloads(kit) -> list[str]:
    return [LOUDSPEAKER, *POSTS.values(), SHARE_IMAGE]
