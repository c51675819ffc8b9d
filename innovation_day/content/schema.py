"""What an innovator's file and a news item's file hold: the one schema for both.

Commune staff add innovators (docs/guong-sang-tao/) and news items
(docs/tin-tuc/) as Markdown files with front matter. This module is the single
place that says which fields exist, which are required, which values are
allowed, and how file names (slugs) are formed. The build
(entries.py) reads and checks the files with it, the editing app's
configuration (admin) is made from it, and the scaffold command
(scripts/new.py) names new files with it, so they never disagree.

Every problem is reported in Vietnamese and English, naming the file and the
field, one message per problem (see innovation_day/errors.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..settings.schema import Field  # one declarative form for settings and content


# Slugs ----------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 60


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """'Hợp tác xã Rau sạch' -> 'hop-tac-xa-rau-sach' (Vietnamese without diacritics)."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


# Schema ---------------------------------------------------------------------

@dataclass(frozen=True)
class Schema:
    name: str                 # innovator, news
    section: str              # folder under docs/
    topic: str                # title of the build-error report
    pages: tuple[str, ...]    # ordinary pages in the folder that are not entries
    fields: tuple[Field, ...]
    extra_keys: tuple[str, ...] = ("hide", "search")  # page settings Material understands

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


# The allowed values. Their labels (Vietnamese, English) live with the other
# interface strings in data/strings/{vi,en}.yml, under
# showcase.kind.<value> and showcase.field.<value>.
KINDS = ("business", "cooperative", "organisation", "school", "health_station", "village", "individual")
FIELDS = ("agriculture", "handicraft", "industry", "commerce", "digital", "education", "health",
          "environment", "transport", "administration", "community", "other")

# A summary is also the page's description for search engines and share previews:
# long enough to say something, short enough to show whole (tests/build/test_i18n.py checks the same).
SUMMARY = (50, 170)
# A news headline: whole on a phone's list, and within the home page's first-view budget,
# which lists the latest items (tests/test_weight.py proves it with headlines this long).
HEADLINE = (10, 120)
# An innovator's name and place: whole on a card, and within the list page's budget, proven at the
# declared per-page count with names this long (tests/browser/test_weight.py).
NAME = (3, 120)
AREA = (2, 80)

PHOTO_FIELDS = (
    Field("photo", "photo", False, "tên tệp ảnh trong docs/anh/", "the photo's file name in docs/anh/",
          shared=True),
    Field("photo_alt", "text", False, "mô tả ảnh cho người không xem được ảnh",
          "the photo's alt text (what it shows)", required_with="photo"),
)

INNOVATOR = Schema(
    name="innovator",
    section="guong-sang-tao",
    topic="Gương sáng tạo / Innovators",
    pages=("index", "de-cu"),
    fields=(
        Field("title", "text", True, "tên (doanh nghiệp, tổ chức hoặc cá nhân)", "the name", length=NAME),
        Field("description", "text", True, "tóm tắt một dòng", "a one-line summary", length=SUMMARY),
        Field("kind", "choice", True, "loại", "the kind", shared=True, choices=KINDS),
        Field("field", "choice", True, "lĩnh vực", "the field", shared=True, choices=FIELDS),
        Field("area", "text", True, "thôn hoặc tổ dân phố", "the village or residential group",
              length=AREA),
        Field("year", "year", True, "năm đạt kết quả", "the year of the result", shared=True),
        Field("achievement", "text", True, "kết quả đổi mới sáng tạo", "the innovation result"),
        Field("recognition", "text", True, "hình thức được ghi nhận (khen thưởng, giải thưởng…)",
              "how it was recognised"),
        *PHOTO_FIELDS,
        Field("contact", "text", False, "thông tin liên hệ", "contact details"),
        Field("contact_consent", "bool", False, "đồng ý đăng thông tin liên hệ",
              "consent to publish the contact", shared=True),
        Field("example", "bool", True, "có phải ví dụ minh hoạ không (true/false)",
              "whether this is an illustrative example (true/false)", shared=True),
    ),
)

NEWS = Schema(
    name="news",
    section="tin-tuc",
    topic="Tin tức / News",
    pages=("index",),
    fields=(
        Field("title", "text", True, "tiêu đề", "the title", length=HEADLINE),
        Field("description", "text", True, "tóm tắt (một hai câu)", "the summary (one or two sentences)",
              length=SUMMARY),
        Field("date", "date", True, "ngày của tin (YYYY-MM-DD)", "the date of the item (YYYY-MM-DD)",
              shared=True, past_only=True),
        *PHOTO_FIELDS,
    ),
)

SCHEMAS = {schema.name: schema for schema in (INNOVATOR, NEWS)}


