"""How the communication kit draws: one vector PDF per picture, PNGs rendered from it.

Every picture of the kit (banners, posters, the standee, the share image, the
QR code with its address, the pages' share previews) is drawn here with fpdf2
as a vector PDF that embeds a subset of the committed Noto Sans
(data/fonts/, OFL), and every PNG is rendered from that PDF by PDFium. So a
preview cannot differ from the print file, Vietnamese is drawn by one font on
every machine, and no system font, Cairo or browser is needed.

Text is fitted, not placed by hand: each block is set at the largest size at
which its lines, broken for balance, fit their box. Lines are 1.3 em apart:
stacked diacritics (Ễ, Ổ) rise to 1.05 em and dots below sink to 0.21 em.
A character the font lacks fails the build (it would print as an empty box).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BuildErrors
from ..settings.dates import format_date
from ..settings.models import rgb
from ..settings.address import STAMP, display_address

FAMILY = "NotoSans"
FONT_FILES = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}
ASCENT, DESCENT, PITCH = 1.06, 0.25, 1.3
QUIET_ZONE = 4          # modules of light around the code (ISO/IEC 18004)
QR_DARK = "#000000"
QR_LIGHT = "#FFFFFF"
INK = "#1A1A1A"         # text on the light panel: 17:1 on white
WHITE = "#FFFFFF"
STAMP_COLOUR = "#A4161A"   # the preview stamp: dark red on its white band


# Fonts ----------------------------------------------------------------------

class Font:
    """Advance widths and coverage of one TrueType font (fpdf2 sets text unkerned, as here)."""

    def __init__(self, path: Path):
        from fontTools.ttLib import TTFont

        self.path = path
        self.tt = TTFont(str(path))
        self.cmap = self.tt.getBestCmap()
        self.upem = self.tt["head"].unitsPerEm
        self.hmtx = self.tt["hmtx"]

    def width(self, text: str) -> float:
        """Width at size 1."""
        return sum(self.hmtx[self.cmap[ord(c)]][0] for c in text if ord(c) in self.cmap) / self.upem

    def missing(self, text: str) -> set[str]:
        return {c for c in text if ord(c) not in self.cmap and not c.isspace()}

    def outline(self, text: str, x: float, baseline: float, size: float) -> str:
        """The text as an SVG path (y down), so an SVG needs no font to show it."""
        from fontTools.pens.svgPathPen import SVGPathPen
        from fontTools.pens.transformPen import TransformPen

        glyphs = self.tt.getGlyphSet()
        pen = SVGPathPen(glyphs, ntos=lambda v: f"{v:.2f}".rstrip("0").rstrip("."))
        scale = size / self.upem
        for char in text:
            name = self.cmap[ord(char)]
            glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x, baseline)))
            x += self.hmtx[name][0] * scale
        return pen.getCommands()


class Fonts:
    """The kit's two faces (regular, bold) from data/fonts/, read once per build."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.faces = {bold: Font(folder / name) for bold, name in FONT_FILES.items()}

    def get(self, bold: bool) -> Font:
        return self.faces[bold]


def check_coverage(fonts: Fonts, texts: dict[str, str]) -> None:
    """Fail the build, naming the setting, if a printed text has a character the font lacks."""
    errors = BuildErrors("Phông chữ / Font")
    for where, text in texts.items():
        missing = fonts.get(True).missing(text) | fonts.get(False).missing(text)
        if missing:
            chars = " ".join(sorted(missing))
            errors.add("mkdocs.yml", where, f"phông Noto Sans không có ký tự: {chars}",
                       f"the Noto Sans font lacks the characters: {chars}")
    errors.raise_if_any()


# Text -----------------------------------------------------------------------

class DoesNotFit(ValueError):
    """The words or the code do not fit the size asked for."""


@dataclass
class Para:
    text: str
    size: float = 1.0            # relative to the block's base size
    bold: bool = True
    colour: str = WHITE
    max_lines: int = 3
    address: bool = False        # break only after '/', never inside a word
    space_before: float = 0.0    # in base sizes


@dataclass
class Line:
    text: str
    bold: bool
    size: float
    colour: str
    width: float
    baseline: float              # from the top of the block


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)
    height: float = 0.0
    base: float = 0.0            # the base size it was set at


def _tokens(para: Para) -> tuple[list[str], str]:
    if para.address:   # break after a run of '/' (never inside "//"), else nowhere
        return [piece for piece in re.findall(r"[^/]*/*", para.text) if piece], ""
    return para.text.split(), " "


def _balanced(widths: list[float], gap: float, lines: int) -> tuple[float, list[int]]:
    """Break tokens into `lines` lines so that the longest is as short as possible."""
    n = len(widths)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)

    def span(i, j):
        return prefix[j] - prefix[i] + gap * (j - i - 1)

    best = {(0, 0): (0.0, [])}
    for k in range(1, lines + 1):
        for j in range(k, n - (lines - k) + 1):
            options = [(max(best[(k - 1, i)][0], span(i, j)), best[(k - 1, i)][1] + [j])
                       for i in range(k - 1, j) if (k - 1, i) in best]
            best[(k, j)] = min(options)
    return best[(lines, n)]


def _options(fonts: Fonts, para: Para) -> list[tuple[float, list[str]]]:
    """(widest line at size 1, lines) for each possible number of lines."""
    tokens, joiner = _tokens(para)
    face = fonts.get(para.bold)
    widths = [face.width(t) for t in tokens]
    gap = face.width(joiner) if joiner else 0.0
    result = []
    for count in range(1, min(para.max_lines, len(tokens)) + 1):
        widest, ends = _balanced(widths, gap, count)
        starts = [0] + ends[:-1]
        result.append((widest, [joiner.join(tokens[a:b]) for a, b in zip(starts, ends)]))
    return result


def fit(fonts: Fonts, paras: list[Para], width: float, height: float, max_base: float | None = None) -> Block:
    """Set the paragraphs at the largest base size that fits the box."""
    options = [_options(fonts, p) for p in paras]

    def layout(base: float) -> Block | None:
        block, y = Block(base=base), 0.0
        for number, (para, choices) in enumerate(zip(paras, options)):
            size = base * para.size
            chosen = next((lines for widest, lines in choices if widest * size <= width), None)
            if chosen is None:
                return None
            if number:
                y += para.space_before * base
            face = fonts.get(para.bold)
            for index, text in enumerate(chosen):
                baseline = y + ASCENT * size + index * PITCH * size
                block.lines.append(Line(text, para.bold, size, para.colour, face.width(text) * size, baseline))
            y += ASCENT * size + (len(chosen) - 1) * PITCH * size + DESCENT * size
        block.height = y
        return block if y <= height else None

    low, high = 0.5, max_base or height
    best = layout(low)
    if best is None:
        raise DoesNotFit(f"text does not fit a {width:.0f} × {height:.0f} pt box: {paras[0].text!r}")
    for _ in range(40):
        middle = (low + high) / 2
        candidate = layout(middle)
        if candidate is None:
            high = middle
        else:
            low, best = middle, candidate
    return best


# Drawing --------------------------------------------------------------------

class Canvas:
    """A PDF document in points, with the kit's two fonts."""

    def __init__(self, fonts: Fonts, title: str, creator: str, author: str, lang: str = "vi",
                 stamp: bool = False):
        from fpdf import FPDF

        pdf = FPDF(unit="pt")
        pdf.set_margin(0)
        pdf.set_auto_page_break(False)
        for bold, name in FONT_FILES.items():
            pdf.add_font(FAMILY, "B" if bold else "", str(fonts.folder / name))
        pdf.set_title(title)
        pdf.set_lang(lang)
        pdf.set_creator(creator)
        pdf.set_author(author)
        self.pdf = pdf
        # A local preview's files are stamped on top of each page, once it is drawn (settings/address.py).
        self.preview, self._size = stamp, None
        # Drawing is in the finished (trimmed) page's points: `origin` is where it starts on the
        # sheet; `trims` holds each page's (bleed, width, height), or None for one not trimmed.
        self.origin = 0.0
        self.trims: list[tuple[float, float, float] | None] = []

    def page(self, width: float, height: float, bleed: float | None = None) -> None:
        """A page `width` × `height` when finished. A print's (`bleed` in points, 0 or more) is
        that much larger on every side, with its TrimBox and BleedBox set (see `output`)."""
        self._stamp()
        self.origin = bleed or 0.0
        self.pdf.add_page(format=(width + 2 * self.origin, height + 2 * self.origin))
        self.trims.append(None if bleed is None else (bleed, width, height))
        self._size = (width, height)

    def _stamp(self) -> None:
        """STAMP in a white band across the top of the page just drawn, clear of the QR code."""
        if not (self.preview and self._size):
            return
        width, height = self._size
        band = 0.08 * min(width, height)
        size = min(0.62 * band, 0.9 * width / (0.62 * len(STAMP)))
        self.box(0, 0, width, band, QR_LIGHT)
        self.pdf.set_font(FAMILY, "B", size)
        self.pdf.set_text_color(*rgb(STAMP_COLOUR))
        # Repeated along a long banner, so no stretch of it looks like a finished print.
        text_w = self.pdf.get_string_width(STAMP)
        copies = max(1, int(width // (1.5 * text_w)))
        for index in range(copies):
            centre = width * (index + 0.5) / copies
            self.pdf.text(self.origin + centre - text_w / 2, self.origin + band / 2 + 0.36 * size, STAMP)
        self._size = None

    def box(self, x: float, y: float, w: float, h: float, colour: str, radius: float = 0) -> None:
        self.pdf.set_fill_color(*rgb(colour))
        self.pdf.rect(self.origin + x, self.origin + y, w, h, style="F", round_corners=radius > 0,
                      corner_radius=radius)

    def ground(self, colour: str) -> None:
        """The background, over the whole sheet: past the trim into the bleed."""
        self.pdf.set_fill_color(*rgb(colour))
        self.pdf.rect(0, 0, self.pdf.w, self.pdf.h, style="F")

    def block(self, block: Block, x: float, y: float, w: float, h: float,
              align: str = "center", valign: str = "center") -> None:
        top = self.origin + y + {"top": 0, "center": (h - block.height) / 2, "bottom": h - block.height}[valign]
        for line in block.lines:
            self.pdf.set_font(FAMILY, "B" if line.bold else "", line.size)
            self.pdf.set_text_color(*rgb(line.colour))
            left = self.origin + x + {"left": 0, "center": (w - line.width) / 2, "right": w - line.width}[align]
            self.pdf.text(left, top + line.baseline, line.text)

    def qr(self, matrix, x: float, y: float, side: float, light: bool = True) -> float:
        """The code at (x, y) with its quiet zone, dark on light; `side` excludes the quiet zone.
        `light=False` when it stands on a light panel already."""
        count = len(matrix)
        module = side / count
        outer = side + 2 * QUIET_ZONE * module
        if light:
            self.box(x, y, outer, outer, QR_LIGHT)
        left, top = self.origin + x + QUIET_ZONE * module, self.origin + y + QUIET_ZONE * module
        # One path for all dark modules: no hairline seams between them when rendered.
        with self.pdf.new_path() as path:
            path.style.fill_color = QR_DARK
            path.style.stroke_color = None
            path.style.paint_rule = "FILL_NONZERO"
            for row, start, run in dark_runs(matrix):
                path.rectangle(left + start * module, top + row * module, run * module, module)
        return outer

    def html(self, markup: str, margin: float, size: float) -> int:
        """Set a page of simple HTML (a template's) in the kit's font at `size`, from the current
        page on, `margin` from its edges; returns how many pages it took."""
        from fpdf.fonts import TextStyle

        first = self.pdf.page
        self.pdf.set_margins(margin, margin, margin)
        self.pdf.set_auto_page_break(True, margin)
        self.pdf.set_xy(margin, margin)
        self.pdf.set_font(FAMILY, "", size)
        self.pdf.set_text_color(*rgb(INK))
        heading = {"color": INK, "font_family": FAMILY, "font_style": "B", "b_margin": 0.3}   # b_margin: in ems
        self.pdf.write_html(markup, font_family=FAMILY, table_line_separators=True, li_prefix_color=INK, tag_styles={
            "h1": TextStyle(font_size_pt=1.8 * size, t_margin=0, **heading),
            "h2": TextStyle(font_size_pt=1.2 * size, t_margin=0.9 * size, **heading),
            "p": TextStyle(font_family=FAMILY, t_margin=0.2 * size, b_margin=0.4 * size),
        })
        self.pdf.set_auto_page_break(False)
        return self.pdf.page - first + 1

    def output(self) -> bytes:
        self._stamp()
        data = bytes(self.pdf.output())
        if all(trim is None for trim in self.trims):
            return data
        return print_boxes(data, self.trims)


def print_boxes(data: bytes, trims: list[tuple[float, float, float] | None]) -> bytes:
    """The PDF with each print page's TrimBox (the finished size) and BleedBox (the whole sheet,
    as far as the background runs), which fpdf2 cannot write: PDFium sets them (ISO 32000 §14.11.2)."""
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for number, trim in enumerate(trims):
            if trim is None:
                continue
            bleed, width, height = trim
            page = document[number]
            left, bottom, right, top = page.get_mediabox()
            page.set_bleedbox(left, bottom, right, top)
            # From the sizes asked for: fpdf2 rounds the MediaBox to 0.01 pt.
            page.set_trimbox(left + bleed, bottom + bleed, left + bleed + width, bottom + bleed + height)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    finally:
        document.close()


def dark_runs(matrix):
    """(row, first column, length) of each horizontal run of dark modules."""
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                yield row, start, column - start
            else:
                column += 1


def qr_code(url: str):
    """The QR code of an address: error correction Q (a quarter of it may be dirty or
    covered), exactly that level (segno would otherwise raise it when it fits)."""
    import segno

    return segno.make(url, error="q", boost_error=False, micro=False)


def qr_matrix(url: str) -> list[list[int]]:
    return [list(row) for row in qr_code(url).matrix]


def quiet_block(matrix, side: float) -> float:
    """The side of the code plus its quiet zone."""
    return side * (len(matrix) + 2 * QUIET_ZONE) / len(matrix)


def render(pdf: bytes, scale: float, page: int = 0, finished: bool = False):
    """One page of a PDF as a Pillow image, `scale` pixels per point; `finished`: only its
    TrimBox, as the print is once cut (its CropBox set to it: PDFium places that to a fraction
    of a pixel, where its `crop` rounds to whole pixels)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        sheet = document[page]
        if finished:
            sheet.set_cropbox(*sheet.get_trimbox())
        return sheet.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def save_png(image, path: Path, colours: int | None = 64) -> None:
    """PNG, with the few colours of flat artwork kept in a palette (much smaller files)."""
    from PIL import Image

    if colours:   # fast octree: flat artwork needs no better, and big previews stay quick to make
        image = image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    image.save(path, format="PNG")


# Layouts --------------------------------------------------------------------

@dataclass
class Design:
    """What one picture says and in which colours: the same for every size."""
    background: str
    text: str
    commune: str
    slogan: str
    theme: str
    dates: str
    scan: str
    address: str
    matrix: list


def make_design(site, edition, lang: str = "vi") -> Design:
    """What every artwork of an edition says: the same words at every size (print is in Vietnamese)."""
    t = site.t(lang)
    commune = site.commune
    return Design(
        background=site.kit.background,
        text=site.kit.text,
        commune=commune.name[lang],
        slogan=edition.slogan[lang],
        theme=t("kit.print.theme", theme=edition.theme[lang]),
        dates=t("kit.print.dates", start=format_date(edition.response["start"], lang),
                end=format_date(edition.response["end"], lang)),
        scan=t("kit.print.scan", commune=commune.name[lang]),
        address=display_address(site.site_url),
        matrix=qr_matrix(site.site_url),
    )


def _caption(fonts: Fonts, design: Design, width: float, height: float) -> Block:
    return fit(fonts, [
        Para(design.scan, size=0.62, bold=False, colour=INK, max_lines=5),
        Para(design.address, size=1.0, bold=True, colour=INK, max_lines=3, address=True, space_before=0.45),
    ], width, height)


def draw_banner(fonts: Fonts, canvas: Canvas, design: Design, width: float, height: float, qr_side: float,
                safe: float = 0.0) -> None:
    """A horizontal banner: slogan and theme, then the code on a light panel at the right end,
    with the address beside it; all of it at least `safe` inside the edge (the hem and eyelets)."""
    margin = max(0.07 * height, safe)
    block = quiet_block(design.matrix, qr_side)
    if block > height - 2 * margin:
        raise DoesNotFit("qr")
    module = qr_side / len(design.matrix)
    caption_w = block
    panel_w, panel_x, panel_y = block + caption_w, width - margin - block - caption_w, (height - block) / 2
    canvas.ground(design.background)
    canvas.box(panel_x, panel_y, panel_w, block, QR_LIGHT, radius=1.5 * module)
    inner = QUIET_ZONE * module
    caption = _caption(fonts, design, caption_w - inner, block - 2 * inner)
    canvas.block(caption, panel_x + inner, panel_y + inner, caption_w - inner, block - 2 * inner, align="left")
    canvas.qr(design.matrix, panel_x + caption_w, panel_y, qr_side, light=False)
    text_w, text_h = panel_x - 2 * margin, height - 2 * margin
    words = fit(fonts, [
        Para(design.slogan.upper(), colour=design.text, max_lines=3),
        Para(design.theme, size=0.45, bold=True, colour=design.text, max_lines=2, space_before=0.3),
    ], text_w, text_h)
    canvas.block(words, margin, margin, text_w, text_h)


def draw_portrait(fonts: Fonts, canvas: Canvas, design: Design, width: float, height: float, qr_side: float,
                  lift: float = 0.0, safe: float = 0.0) -> None:
    """A poster, a standee or a square share image: words above, the code on a light panel
    below with the address beside it, all at least `safe` inside the trim. `lift` raises the
    panel off the bottom edge (a standee stands on the floor, and nobody scans at their feet);
    the theme and dates go under it."""
    margin = max(0.07 * width, safe)
    block = quiet_block(design.matrix, qr_side)
    module = qr_side / len(design.matrix)
    panel_w = width - 2 * margin
    caption_w = panel_w - block
    if caption_w < 0.5 * block:
        raise DoesNotFit("qr")
    bottom = max(margin, lift)
    panel_y = height - bottom - block
    top_h = panel_y - 2 * margin
    if top_h < 0.15 * height:
        raise DoesNotFit("qr")
    canvas.ground(design.background)
    canvas.box(margin, panel_y, panel_w, block, QR_LIGHT, radius=1.5 * module)
    canvas.qr(design.matrix, margin, panel_y, qr_side, light=False)
    inner = QUIET_ZONE * module
    caption = _caption(fonts, design, caption_w - inner, block - 2 * inner)
    canvas.block(caption, margin + block, panel_y + inner, caption_w - inner, block - 2 * inner, align="left")
    head = [
        Para(design.commune.upper(), size=0.3, colour=WHITE, max_lines=2),
        Para(design.slogan.upper(), colour=design.text, max_lines=5, space_before=0.6),
    ]
    tail = [
        Para(design.theme, size=0.5, colour=design.text, max_lines=4, space_before=0.6),
        Para(design.dates, size=0.36, bold=False, colour=WHITE, max_lines=2, space_before=0.6),
    ]
    footer_h = bottom - 2 * margin
    if footer_h < 0.1 * height:
        head += tail
    words = fit(fonts, head, panel_w, top_h)
    canvas.block(words, margin, margin, panel_w, top_h)
    if footer_h >= 0.1 * height:   # the theme under the code, never larger than it is in the head
        tail[0].space_before = 0
        under = fit(fonts, tail, panel_w, footer_h, max_base=words.base)
        canvas.block(under, margin, height - bottom + margin, panel_w, footer_h, valign="top")


def draw_share_card(fonts: Fonts, canvas: Canvas, background: str, accent: str, heading: str, title: str,
                    footer: list[str], width: float = 1200, height: float = 630) -> None:
    """The preview a page shows when shared (og:image): its title, large, on the kit's colours."""
    margin = 0.055 * width
    canvas.box(0, 0, width, height, background)
    rule_y = height * 0.69
    canvas.box(margin, rule_y, width * 0.12, height * 0.012, accent)
    top = fit(fonts, [
        Para(heading.upper(), size=0.36, colour=accent, max_lines=2),
        Para(title, colour=WHITE, max_lines=4, space_before=0.45),
    ], width - 2 * margin, rule_y - 1.6 * margin, max_base=86)
    canvas.block(top, margin, margin, width - 2 * margin, rule_y - 1.6 * margin, align="left", valign="top")
    bottom_y = rule_y + height * 0.045
    bottom = fit(fonts, [Para(footer[0], colour=accent, max_lines=2)]
                 + [Para(text, size=0.85, bold=False, colour=WHITE, max_lines=1, space_before=0.25)
                    for text in footer[1:]],
                 width - 2 * margin, height - margin * 0.8 - bottom_y, max_base=34)
    canvas.block(bottom, margin, bottom_y, width - 2 * margin, height - margin * 0.8 - bottom_y,
                 align="left", valign="top")
