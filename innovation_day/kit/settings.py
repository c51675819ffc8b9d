"""The communication kit's settings, mkdocs.yml `extra.kit`, read and checked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import BuildErrors
from .finishing import FINISH, MAX_BLEED, MAX_SAFE

KINDS = ("banner", "poster", "standee")
# A PDF viewer's limit for one side of a page (Acrobat: 200 inches).
MAX_PAGE_M = 200 * 0.0254
MIN_CONTRAST = 4.5
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Artwork:
    file: str
    kind: str
    width: float       # metres
    height: float      # metres
    scan_from: float   # metres: the farthest distance its QR code is scanned from
    paper: str | None
    reach: float       # the one-tenth rule: scanned from at most `reach` × the code's side
    bleed: float = 0.0  # metres of background past the trim on each side (kit/finishing.py)
    safe: float = 0.0   # metres inside the trim kept clear of the words and the code

    @property
    def qr_side(self) -> float:
        """The QR symbol's side in metres (without its quiet zone)."""
        return self.scan_from / self.reach


@dataclass(frozen=True)
class KitSettings:
    reach: float
    background: str
    text: str
    artworks: tuple[Artwork, ...]


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


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _colours(kit: Mapping, errors: BuildErrors) -> dict:
    colours = kit.get("colours") if isinstance(kit.get("colours"), Mapping) else {}
    valid = True
    for key in ("background", "text"):
        if not isinstance(colours.get(key), str) or not HEX.match(colours[key]):
            errors.add("mkdocs.yml", f"extra.kit.colours.{key}", "phải là mã màu dạng #RRGGBB",
                       "must be a colour written #RRGGBB")
            valid = False
    if valid:
        ratio = contrast(colours["text"], colours["background"])
        if ratio < MIN_CONTRAST:
            errors.add("mkdocs.yml", "extra.kit.colours",
                       f"độ tương phản chữ/nền {ratio:.2f}:1, cần ít nhất {MIN_CONTRAST}:1",
                       f"text/background contrast is {ratio:.2f}:1, at least {MIN_CONTRAST}:1 is needed")
    return colours


def _artwork(item, number: int, reach: float, seen: set, errors: BuildErrors) -> Artwork | None:
    found = len(errors.problems)
    item = item if isinstance(item, Mapping) else {}
    name = f"extra.kit.artworks[{number}]"
    file = item.get("file")
    if not isinstance(file, str) or not SLUG.match(file):
        errors.add("mkdocs.yml", f"{name}.file", "tên tệp chỉ gồm chữ thường không dấu, số và '-'",
                   "a file name of lower-case ASCII letters, digits and '-'")
    elif file in seen:
        errors.add("mkdocs.yml", f"{name}.file", f"tên tệp '{file}' bị lặp", f"file name '{file}' is repeated")
    seen.add(file)
    if item.get("kind") not in KINDS:
        errors.add("mkdocs.yml", f"{name}.kind", f"phải là một trong {', '.join(KINDS)}",
                   f"must be one of {', '.join(KINDS)}")
    for key in ("width", "height", "scan_from"):
        if not _positive(item.get(key)):
            errors.add("mkdocs.yml", f"{name}.{key}", "phải là một số dương (mét)",
                       "must be a positive number (metres)")
    for key in ("width", "height"):
        if _positive(item.get(key)) and item[key] > MAX_PAGE_M:
            errors.add("mkdocs.yml", f"{name}.{key}",
                       f"tệp PDF không thể dài quá {MAX_PAGE_M:.2f} m một cạnh",
                       f"a PDF page cannot be longer than {MAX_PAGE_M:.2f} m on a side")
    paper = item.get("paper")
    if paper is not None and not isinstance(paper, str):
        errors.add("mkdocs.yml", f"{name}.paper", "phải là tên khổ giấy, ví dụ A3", "must be a paper name, e.g. A3")
    if len(errors.problems) > found:
        return None
    bleed, safe = _finish(item, name, errors)
    if len(errors.problems) > found:
        return None
    return Artwork(file, item["kind"], float(item["width"]), float(item["height"]),
                   float(item["scan_from"]), paper, float(reach), bleed, safe)


def _finish(item: Mapping, name: str, errors: BuildErrors) -> tuple[float, float]:
    """An artwork's bleed and safe margin (metres): its own `bleed` and `safe`, else its kind's
    (kit/finishing.py). Checked against its size: the words need room inside the margins."""
    default = FINISH[item["kind"]]
    bleed, safe = item.get("bleed", default.bleed), item.get("safe", default.safe)
    for key, value, limit in (("bleed", bleed, MAX_BLEED), ("safe", safe, MAX_SAFE)):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= limit:
            errors.add("mkdocs.yml", f"{name}.{key}", f"phải là một số từ 0 đến {limit:g} (mét)",
                       f"must be a number from 0 to {limit:g} (metres)")
            return 0.0, 0.0
    width, height = float(item["width"]), float(item["height"])
    if 2 * safe >= 0.5 * min(width, height):
        errors.add("mkdocs.yml", f"{name}.safe", "lề an toàn chiếm quá nửa cạnh ngắn của mẫu",
                   "the safe margins take more than half of the artwork's short side")
    if max(width, height) + 2 * bleed > MAX_PAGE_M:
        errors.add("mkdocs.yml", f"{name}.bleed",
                   f"kể cả phần tràn lề, tệp PDF không thể dài quá {MAX_PAGE_M:.2f} m một cạnh",
                   f"with its bleed, a PDF page cannot be longer than {MAX_PAGE_M:.2f} m on a side")
    return float(bleed), float(safe)


def kit_settings(kit, errors: BuildErrors) -> KitSettings | None:
    """`extra.kit`, checked: every problem is added to `errors`, naming the field."""
    if not isinstance(kit, Mapping):
        errors.add("mkdocs.yml", "extra.kit", "thiếu cài đặt bộ tài liệu truyền thông",
                   "the communication kit settings are missing")
        return None
    found = len(errors.problems)
    reach = kit.get("qr_reach")
    if not _positive(reach):
        errors.add("mkdocs.yml", "extra.kit.qr_reach", "phải là một số dương (ví dụ 10)",
                   "must be a positive number (for example 10)")
        reach = 10
    colours = _colours(kit, errors)
    items = kit.get("artworks")
    if not isinstance(items, list) or not items:
        errors.add("mkdocs.yml", "extra.kit.artworks", "phải là một danh sách mẫu in",
                   "must be a list of artworks")
        items = []
    seen: set[str] = set()
    artworks = [_artwork(item, number, reach, seen, errors) for number, item in enumerate(items, 1)]
    if len(errors.problems) > found:
        return None
    return KitSettings(float(reach), colours["background"].upper(), colours["text"].upper(), tuple(artworks))
