"""How the kit writes numbers, sizes and addresses for people to read."""

from __future__ import annotations

from pathlib import Path


def number(value: float, lang: str) -> str:
    """0,8 in Vietnamese, 0.8 in English; no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def artwork_size(artwork, lang: str) -> str:
    """Banners as height × width (as they are ordered), others as width × height."""
    first, second = ((artwork.height, artwork.width) if artwork.kind == "banner"
                     else (artwork.width, artwork.height))
    if artwork.paper:
        return f"{artwork.paper} ({round(artwork.width * 1000)} × {round(artwork.height * 1000)} mm)"
    return f"{number(first, lang)} × {number(second, lang)} m"


def length(metres: float, lang: str) -> str:
    """50 cm, 4 m, 1,5 m."""
    if metres < 1:
        return f"{number(round(metres * 100, 1), lang)} cm"
    return f"{number(round(metres, 2), lang)} m"


def file_size(path: Path, lang: str) -> str:
    size = path.stat().st_size
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{number(round(size / 1e6, 1), lang)} MB"


def millimetres(metres: float, lang: str) -> str:
    """3 mm, 20 mm, 0,5 mm: print margins, in the unit print shops use."""
    return f"{number(round(metres * 1000, 1), lang)} mm"
