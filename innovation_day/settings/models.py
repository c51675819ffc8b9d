"""What the commune changes, declared once: each settings file under data/ and its fields.

Each class is one file (or one part of one); each field is declared with
`setting(kind, Vietnamese, English, …)` (settings/schema.py). The build checks
the files with these declarations, the editing app's forms are made from them
(admin/config.py), and the editor's guide lists them (`python scripts/new.py
fields`). A value stays null until an official source gives it: never guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..errors import BuildErrors
from .finishing import FINISH, MAX_BLEED, MAX_SAFE
from .schema import SettingsFile, setting

# The commune -------------------------------------------------------------------------------

Text = Mapping[str, str]   # one text per language: {"vi": …, "en": …}


@dataclass(frozen=True)
class Commune:
    """data/commune.yml: who publishes the site and how residents reach them."""
    name: Text = setting("text", "tên cơ quan", "the authority's name", required=True, bilingual=True)
    city: Text = setting("text", "tỉnh, thành phố", "the province or city", required=True, bilingual=True)
    address: Text | None = setting(
        "text", "địa chỉ trụ sở", "the headquarters' address", bilingual=True,
        hint=("Chỉ ghi khi có nguồn chính thức (cổng thông tin, văn bản của xã).",
              "Only from an official source (the portal, a document of the commune)."))
    office_hours: Text | None = setting(
        "text", "giờ tiếp dân, làm việc", "office hours", bilingual=True,
        hint=("Ghi như văn bản của xã, ví dụ dạng: Thứ Hai đến thứ Sáu, sáng … giờ đến … giờ.",
              "As the commune's own notice writes them, e.g. Monday to Friday, … to …."))
    phone: str | None = setting("phone", "số điện thoại", "the phone number")
    email: str | None = setting("email", "thư điện tử", "the e-mail address")
    zalo: str | None = setting("url", "Zalo OA của xã (https://zalo.me/…)", "the Zalo Official Account (https://zalo.me/…)")
    facebook: str | None = setting("url", "trang Facebook của xã", "the Facebook page")
    website: str | None = setting("url", "cổng thông tin của xã", "the official portal")

    @property
    def channels(self) -> bool:
        """Whether any way to reach the commune is published."""
        return any((self.address, self.phone, self.email, self.zalo, self.facebook, self.website))


@dataclass(frozen=True)
class Nomination:
    """data/nomination.yml: introducing innovators to the commune (the plan, II.3b and II.4f)."""
    open: bool = setting(
        "bool", "đang nhận giới thiệu, đề cử", "whether introductions are being taken", required=True,
        hint=("Bật khi xã có thông báo nhận đề cử; ghi nguồn của thông báo ở mục dưới.",
              "On when the commune has announced a call; give the announcement below."))
    source: str | None = setting("url", "thông báo của xã về đợt đề cử (địa chỉ web)",
                                 "the commune's announcement of the call (web address)")
    deadline: dt.date | None = setting("date", "hạn cuối (ngày cuối cùng nhận)", "the last day")
    office: Text = setting("text", "nơi nhận", "the office in charge", required=True, bilingual=True)
    how: Text | None = setting("text", "cách nộp (nơi nộp, giờ nhận)", "how to hand it in",
                               bilingual=True, long=True)


# The communication kit -----------------------------------------------------------------------

KINDS = ("banner", "poster", "standee")
# A PDF viewer's limit for one side of a page (Acrobat: 200 inches).
MAX_PAGE_M = 200 * 0.0254
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Colours:
    background: str = setting("colour", "màu nền", "the background colour", required=True)
    text: str = setting("colour", "màu chữ", "the text colour", required=True)


@dataclass(frozen=True)
class Artwork:
    """One print file: its size, and the farthest distance its QR code must scan from."""
    file: str = setting("slug", "tên tệp", "the file name", required=True)
    kind: str = setting("choice", "loại", "the kind", required=True, choices=KINDS)
    width: float = setting("number", "chiều rộng (mét)", "the width (metres)", required=True,
                           minimum=0.05, maximum=round(MAX_PAGE_M, 2))
    height: float = setting("number", "chiều cao (mét)", "the height (metres)", required=True,
                            minimum=0.05, maximum=round(MAX_PAGE_M, 2))
    scan_from: float = setting("number", "quét mã từ xa nhất (mét)", "scanned from at most (metres)",
                               required=True, minimum=0.1, maximum=50)
    paper: str | None = setting("text", "khổ giấy, ví dụ A3", "the paper size, e.g. A3")
    bleed: float | None = setting(
        "number", "phần nền in tràn ra ngoài khổ thành phẩm ở mỗi cạnh (mét)",
        "background printed past the finished size on each side (metres)", minimum=0, maximum=MAX_BLEED,
        hint=("Để xén hoặc gấp mép không lộ viền trắng. Để trống: theo loại mẫu (settings/finishing.py).",
              "So that a cut or hem shows no white edge. Empty: the kind's (settings/finishing.py)."))
    safe: float | None = setting(
        "number", "lề an toàn: chữ và mã QR cách mép thành phẩm ít nhất (mét)",
        "safe margin: words and the QR code stay this far inside the finished edge (metres)",
        minimum=0, maximum=MAX_SAFE,
        hint=("Băng rôn: dải gấp mép, đóng khoen. Để trống: theo loại mẫu.",
              "Banners: the hem and eyelet band. Empty: the kind's."))
    reach: float = 10.0   # not a field of its own: the kit's qr_reach, set when the kit is read

    @property
    def qr_side(self) -> float:
        """The QR symbol's side in metres (without its quiet zone)."""
        return self.scan_from / self.reach


@dataclass(frozen=True)
class KitSettings:
    """data/kit.yml: the print files' sizes and colours, and what the loudspeaker says to search."""
    search_words: str = setting(
        "text", "chữ để tìm trang (đọc trên loa)", "the words to search for (read on the loudspeakers)",
        required=True, length=(8, 80),
        hint=("Loa không đọc địa chỉ web: đọc mấy chữ này để bà con tìm trang. Ghi cả Hà Nội, vì nơi khác cũng có xã Thuận An.",
              "The loudspeakers never read a web address: these words find the site. Keep Hanoi in them."))
    qr_reach: float = setting("number", "một mã QR quét được từ xa tối đa bao nhiêu lần cạnh của nó",
                              "a QR code scans from at most this many times its side", required=True,
                              minimum=1, maximum=20)
    colours: Colours = setting("group", "màu", "the colours", required=True, of=Colours)
    artworks: tuple[Artwork, ...] = setting("list", "các mẫu in", "the print files", required=True, items=Artwork)

    @property
    def background(self) -> str:
        return self.colours.background

    @property
    def text(self) -> str:
        return self.colours.text


@dataclass(frozen=True)
class KitWords:
    """data/kit/words.yml: the loudspeaker text and the posts, as templates of the settings."""
    loudspeaker: str = setting(
        "text", "bài phát thanh (tiếng Việt)", "the loudspeaker text (Vietnamese)", required=True, long=True,
        hint=("Đọc trong 1 đến 2 phút. Các chữ trong {{ }} lấy từ cài đặt (chủ đề, ngày tháng…): giữ nguyên. "
              "Mỗi đoạn cách nhau một dòng trống.",
              "Read in 1 to 2 minutes. What is in {{ }} comes from the settings: keep it. "
              "Paragraphs are separated by a blank line."))
    post: Text = setting("text", "bài đăng Zalo, Facebook", "the post for Zalo and Facebook",
                         required=True, bilingual=True, long=True)


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    def luminance(colour):
        channels = [c / 255 for c in rgb(colour)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def check_kit(kit: KitSettings, where: str, errors: BuildErrors) -> KitSettings | None:
    """What no single field says: readable colours, one file name each; each artwork learns the reach."""
    found = len(errors.problems)
    ratio = contrast(kit.colours.text, kit.colours.background)
    if ratio < MIN_CONTRAST:
        errors.add(where, "colours", f"độ tương phản chữ/nền {ratio:.2f}:1, cần ít nhất {MIN_CONTRAST}:1",
                   f"text/background contrast is {ratio:.2f}:1, at least {MIN_CONTRAST}:1 is needed")
    seen: set[str] = set()
    artworks = []
    for number, artwork in enumerate(kit.artworks, 1):
        name = f"artworks[{number}]"
        if artwork.file in seen:
            errors.add(where, f"{name}.file", f"tên tệp '{artwork.file}' bị lặp", f"file name '{artwork.file}' is repeated")
        seen.add(artwork.file)
        artworks.append(finished(artwork, kit.qr_reach, where, name, errors))
    if len(errors.problems) > found:
        return None
    return replace(kit, artworks=tuple(artworks))


def finished(artwork: Artwork, reach: float, where: str, name: str, errors: BuildErrors) -> Artwork:
    """An artwork with the kit's reach, and its bleed and safe margin: its own, else its kind's
    (settings/finishing.py), checked against its size: the words need room inside the margins."""
    default = FINISH[artwork.kind]
    bleed = default.bleed if artwork.bleed is None else artwork.bleed
    safe = default.safe if artwork.safe is None else artwork.safe
    if 2 * safe >= 0.5 * min(artwork.width, artwork.height):
        errors.add(where, f"{name}.safe", "lề an toàn chiếm quá nửa cạnh ngắn của mẫu",
                   "the safe margins take more than half of the artwork's short side")
    if max(artwork.width, artwork.height) + 2 * bleed > MAX_PAGE_M:
        errors.add(where, f"{name}.bleed",
                   f"kể cả phần tràn lề, tệp PDF không thể dài quá {MAX_PAGE_M:.2f} m một cạnh",
                   f"with its bleed, a PDF page cannot be longer than {MAX_PAGE_M:.2f} m on a side")
    return replace(artwork, reach=reach, bleed=float(bleed), safe=float(safe))


# The site's own options ---------------------------------------------------------------------

MODERN_PHOTO_FORMATS = ("avif", "webp")


@dataclass(frozen=True)
class NewsSettings:
    per_page: int = setting("integer", "số tin mỗi trang", "items per page of the news list",
                            required=True, minimum=1, maximum=100)
    home: int = setting("integer", "số tin mới trên trang chủ", "latest items on the home page",
                        required=True, minimum=0, maximum=10)
    recent_days: int = setting("integer", "tin cũ hơn số ngày này thì trang chủ ghi ngày của tin",
                               "older than this many days, the home page gives the news' date",
                               required=True, minimum=1)


@dataclass(frozen=True)
class ShowcaseSettings:
    # Bounds the innovators' list page, as news.per_page bounds the news list: its page budget is
    # proven at this count with the longest names and summaries allowed (tests/browser/test_weight.py).
    per_page: int = setting("integer", "số gương sáng tạo mỗi trang", "innovators per page of the list",
                            required=True, minimum=1, maximum=12)


@dataclass(frozen=True)
class PhotoSettings:
    max_bytes: int = setting("integer", "ảnh gốc lớn nhất (byte)", "the largest original (bytes)",
                             required=True, minimum=1)
    widths: tuple[int, ...] = setting("list", "các độ rộng ảnh (điểm ảnh)", "the widths made (pixels)",
                                      required=True, items=dict(type="integer", minimum=16, maximum=4000))
    formats: tuple[str, ...] = setting("list", "định dạng ảnh hiện đại", "the modern formats made",
                                       items=dict(type="choice", choices=MODERN_PHOTO_FORMATS))


@dataclass(frozen=True)
class ReadingSettings:
    text_scale: tuple[float, ...] = setting("list", "các bậc cỡ chữ (A−/A+)", "the text size steps (A−/A+)",
                                            required=True, items=dict(type="number", minimum=0.5, maximum=3))
    chunk: int = setting("integer", "đoạn đọc to dài nhất (ký tự)", "the longest piece read aloud (characters)",
                         required=True, minimum=40, maximum=1000)
    rate: float = setting("number", "tốc độ đọc (1 = bình thường)", "the speaking rate (1 = normal)",
                          required=True, minimum=0.5, maximum=2)


@dataclass(frozen=True)
class ReviewSettings:
    sections: tuple[str, ...] = setting("list", "các mục cần rà soát theo nguồn", "the sections checked against sources",
                                        required=True, items=dict(type="slug"))
    max_days: int = setting("integer", "rà soát lại sau số ngày", "review again after this many days",
                            required=True, minimum=1)


@dataclass(frozen=True)
class AdminSettings:
    repo: str | None = setting("repo", "kho GitHub mà trang biên tập ghi vào", "the GitHub repository the app writes to",
                               hint=("Để trống: lấy từ GitHub Actions khi triển khai.",
                                     "Empty: taken from GitHub Actions when deploying."))
    branch: str | None = setting("text", "nhánh (để trống: nhánh mặc định)", "the branch (empty: the default one)")


@dataclass(frozen=True)
class SiteOptions:
    """data/site.yml: how the site lists news and innovators, makes photos, reads aloud and asks for reviews."""
    news: NewsSettings = setting("group", "tin tức", "news", required=True, of=NewsSettings)
    showcase: ShowcaseSettings = setting("group", "gương sáng tạo", "innovators", required=True,
                                         of=ShowcaseSettings)
    photos: PhotoSettings = setting("group", "ảnh", "photos", required=True, of=PhotoSettings)
    reading: ReadingSettings = setting("group", "đọc to, cỡ chữ", "reading aids", required=True, of=ReadingSettings)
    review: ReviewSettings = setting("group", "rà soát trang chính sách", "policy page reviews", required=True,
                                     of=ReviewSettings)
    admin: AdminSettings = setting("group", "trang biên tập", "the editing app", of=AdminSettings)


# Each year's edition ------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    start: dt.date = setting("date", "ngày bắt đầu", "the first day", required=True)
    end: dt.date = setting("date", "ngày kết thúc", "the last day", required=True)


@dataclass(frozen=True)
class Expo:
    name: str = setting("text", "tên ngắn, ví dụ VIIE 2025", "its short name, e.g. VIIE 2025", required=True)
    start: dt.date = setting("date", "ngày khai mạc", "the first day", required=True)
    end: dt.date = setting("date", "ngày bế mạc", "the last day", required=True)
    venue: Text = setting("text", "địa điểm", "the venue", required=True, bilingual=True)
    title: Text = setting("text", "tên đầy đủ", "the full name", required=True, bilingual=True)
    announced_by: tuple = setting("list", "đơn vị công bố (theo nguồn)", "who announced it (as the source says)",
                                  required=True, items=dict(type="text", bilingual=True))
    page: str = setting("page", "trang giới thiệu trong docs/", "its page in docs/", required=True)


@dataclass(frozen=True)
class PlanReference:
    number: str | None = setting("text", "số văn bản, ví dụ 123/KH-UBND", "the document's number, e.g. 123/KH-UBND")
    date: dt.date | None = setting("date", "ngày ký", "the date it was signed")


@dataclass(frozen=True)
class EditionFile:
    """data/editions/<year>.yml: one year's National Innovation Day (settings/editions.py)."""
    year: int = setting("year", "năm", "the year", required=True)
    day: dt.date = setting("date", "ngày của Ngày hội (01/10)", "the Day (1 October)", required=True)
    name: Text = setting("text", "tên Ngày hội", "the Day's name", required=True, bilingual=True)
    theme: Text | None = setting("text", "chủ đề (theo kế hoạch)", "the theme (as the plan says)", bilingual=True)
    slogan: Text | None = setting("text", "khẩu hiệu (theo kế hoạch)", "the slogan (as the plan says)", bilingual=True)
    response: Period | None = setting("group", "đợt hưởng ứng của xã (kế hoạch, mục II.5)",
                                      "the commune's response period (the plan, II.5)", of=Period)
    expo: Expo | None = setting("group", "triển lãm của năm (chỉ khi có nguồn)", "the year's expo (only with a source)",
                                of=Expo)
    plan: PlanReference | None = setting("group", "kế hoạch của xã", "the commune's plan", of=PlanReference)


@dataclass(frozen=True)
class PlanPage:
    """The front matter of a page the app edits: a year's plan (docs/ke-hoach/<year>.md) or a
    policy page's review date."""
    edition: int = setting("year", "năm của kế hoạch", "the plan's year", required=True)
    title: str = setting("text", "tiêu đề trang", "the page title", required=True)
    description: str = setting("text", "một câu mô tả trang (cho máy tìm kiếm)",
                               "a one-sentence description (for search engines)", required=True, length=(50, 170))
    reviewed: dt.date | None = setting(
        "date", "ngày rà soát theo nguồn", "the day it was checked against its sources",
        hint=("Ngày đã đối chiếu trang với các nguồn của nó; không chọn ngày ở tương lai.",
              "The day the page was checked against its sources; never a day in the future."))


# The files ----------------------------------------------------------------------------------

FILES = (
    SettingsFile("data/commune.yml", Commune, "Thông tin của xã", "The commune's details", "commune"),
    SettingsFile("data/nomination.yml", Nomination, "Giới thiệu, đề cử gương sáng tạo", "Nominations", "nomination"),
    SettingsFile("data/kit.yml", KitSettings, "Bộ tài liệu in", "The print kit", "kit"),
    SettingsFile("data/kit/words.yml", KitWords, "Bài phát thanh và bài đăng", "Loudspeaker text and posts", "kit_words"),
    SettingsFile("data/site.yml", SiteOptions, "Cài đặt trang", "Site options", "options"),
)
EDITIONS_FOLDER = "data/editions"
# What the editor's guide lists (`<!-- insert: settings.fields NAME -->`): each file's attribute,
# and an edition's file, by name.
GUIDE_FILES = {**{file.attribute: (file.path, file.model) for file in FILES},
               "edition": (f"{EDITIONS_FOLDER}/<năm>.yml", EditionFile)}

