"""Photos for innovators and news: small, fast, private, and never shifting the page.

Staff drop an original photo (straight from a phone or camera) into docs/anh/
and name it in an entry's front matter. The build, through the functions here
(used by the content plugin for showcase and news), makes a few widths of it in modern formats
(AVIF, WebP) with a JPEG fallback, drops every piece of metadata on the way (a
phone photo carries the camera, the time and often the GPS position of the
place it was taken), and writes a `<picture>` element with width and height
(so nothing jumps while it loads) and lazy loading below the fold.

The originals are never published (mkdocs.yml `exclude_docs: /anh/`). Results
are cached in .cache/photos/ by the original's content and the settings, so a
repeated build does not resize again. A photo that is too large, that cannot be
read, or that is missing fails the build and is named. The size limit, the
widths and the formats are settings: data/site.yml `photos`.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..folders import make_whole
from ..settings.models import PhotoSettings
from ..templates import relative_url
from .schema import slugify

SOURCE = "anh"          # originals: docs/anh/
OUTPUT = "anh"          # published sizes: site/anh/
CACHE = ".cache/photos"
VERSION = "1"           # bump when the encoding below changes, to refresh the cache

# What Pillow reads here: phone cameras write JPEG (some as MPO), screenshots PNG.
READABLE = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# AVIF at libaom's speed 7: the same bytes as speed 6 (within 2% at 960 and 1440 px) for half the
# encoding time (0.46 against 0.96 CPU-s a 1440 px photo); 8 is faster but half as big again.
ENCODERS = {
    "avif": ("AVIF", "image/avif", "avif", {"quality": 55, "speed": 7}),
    "webp": ("WEBP", "image/webp", "webp", {"quality": 78, "method": 5}),
    "jpeg": ("JPEG", "image/jpeg", "jpg", {"quality": 80, "optimize": True, "progressive": True}),
}


@dataclass(frozen=True)
class Rendition:
    key: str
    width: int                                  # of the largest size
    height: int
    files: dict[str, tuple[tuple[int, str], ...]]  # format -> ((width, file name), ...)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} KB"


# Checking -------------------------------------------------------------------

def check(docs_dir: Path, name: str, settings: PhotoSettings) -> list[tuple[str, str]]:
    """Problems with a photo named in front matter, as (Vietnamese, English) messages."""
    shown = f"docs/{SOURCE}/{name}"
    path = docs_dir / SOURCE / name
    if "/" in name or "\\" in name or name.startswith("."):
        return [(f"chỉ ghi tên tệp ảnh nằm trong docs/{SOURCE}/, không ghi đường dẫn ({name!r})",
                 f"give only the name of a file in docs/{SOURCE}/, not a path ({name!r})")]
    if not path.is_file():
        return [(f"không có tệp ảnh {shown}: chép ảnh vào docs/{SOURCE}/ hoặc sửa tên",
                 f"there is no photo file {shown}: copy it into docs/{SOURCE}/ or fix the name")]
    size = path.stat().st_size
    if size > settings.max_bytes:
        return [(f"ảnh {shown} quá lớn ({_size(size)}, tối đa {_size(settings.max_bytes)}): "
                 "thu nhỏ ảnh rồi chép lại",
                 f"the photo {shown} is too large ({_size(size)}, at most "
                 f"{_size(settings.max_bytes)}): make it smaller and copy it again")]
    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
        with Image.open(path) as image:
            image.load()
        if kind not in READABLE:
            raise UnidentifiedImageError(kind)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return [(f"không đọc được ảnh {shown}: chỉ nhận JPEG, PNG hoặc WebP, không bị hỏng",
                 f"cannot read the photo {shown}: use an undamaged JPEG, PNG or WebP file")]
    return []


# Making the sizes -----------------------------------------------------------

def _prepare(path: Path) -> Image.Image:
    """The picture only: upright, in sRGB, with no metadata left attached."""
    with Image.open(path) as original:
        original.load()
        image = ImageOps.exif_transpose(original)  # honour the camera's rotation before dropping it
        icc = original.info.get("icc_profile")
    if icc:
        try:  # a phone's wide-gamut profile, converted rather than dropped, keeps the colours right
            image = ImageCms.profileToProfile(image.convert("RGB") if image.mode not in ("RGB", "RGBA")
                                              else image, io.BytesIO(icc), ImageCms.createProfile("sRGB"))
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    if image.mode in ("P", "PA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)                    # a new image: no EXIF, GPS, XMP or ICC comes along
    return clean


def _widths(width: int, settings: PhotoSettings) -> list[int]:
    """The configured widths below the original's, and the largest size (never enlarged)."""
    sizes = [w for w in settings.widths if w < width]
    sizes.append(min(width, settings.widths[-1]))
    return sorted(set(sizes))


def _read(folder: Path, key: str) -> Rendition:
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return Rendition(key, data["width"], data["height"],
                     {f: tuple((w, n) for w, n in files) for f, files in data["files"].items()})


def render(docs_dir: Path, name: str, settings: PhotoSettings, cache_root: Path) -> Rendition:
    """Make (or find in the cache folder) every size and format of a checked photo.

    A photo's folder appears whole or not at all (folders.py)."""
    source = (docs_dir / SOURCE / name).read_bytes()
    key = hashlib.sha256(source + repr((settings, ENCODERS, VERSION)).encode()).hexdigest()[:12]
    folder = cache_root / key
    make_whole(folder, "manifest.json", lambda work: _make(docs_dir / SOURCE / name, key, work, settings))
    return _read(folder, key)


def _make(path: Path, key: str, work: Path, settings: PhotoSettings) -> None:
    """Every size and format of the photo, and their manifest, written into `work`."""
    image = _prepare(path)
    stem = slugify(path.stem) or "anh"
    files: dict[str, list[tuple[int, str]]] = {}
    height = image.height
    for width in _widths(image.width, settings):
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt in (*settings.formats, "jpeg"):
            pil_format, _, ext, options = ENCODERS[fmt]
            out = resized
            if fmt == "jpeg" and out.mode == "RGBA":
                out = Image.new("RGB", resized.size, "white")
                out.paste(resized, mask=resized.getchannel("A"))
            file_name = f"{stem}-{key[:8]}-{width}.{ext}"
            out.save(work / file_name, pil_format, **options)
            files.setdefault(fmt, []).append((width, file_name))
    widest = max(files["jpeg"])[0]
    (work / "manifest.json").write_text(json.dumps({"width": widest, "height": height, "files": files}),
                                        encoding="utf-8")


# Publishing -----------------------------------------------------------------

class Photos:
    """The photos of one build: each made once, shown as `<picture>`, published once."""

    def __init__(self, docs_dir: Path, settings: PhotoSettings, cache_root: Path, env):
        self.docs_dir, self.settings, self.cache_root, self.env = docs_dir, settings, cache_root, env
        self.in_use: dict[str, Rendition] = {}   # every language build's photos, by key
        self._by_name: dict[str, Rendition] = {}

    def check(self, name: str) -> list[tuple[str, str]]:
        return check(self.docs_dir, name, self.settings)

    def rendition(self, name: str) -> Rendition:
        if name not in self._by_name:
            self._by_name[name] = render(self.docs_dir, name, self.settings, self.cache_root)
        rendition = self._by_name[name]
        self.in_use[rendition.key] = rendition
        return rendition

    def picture(self, rendition: Rendition, alt: str, page_url: str, *, lazy: bool, sizes: str,
                css_class: str = "") -> str:
        """A `<picture>`: modern formats first, a JPEG `<img>` with width, height and alt last."""
        def srcset(fmt: str) -> str:
            return ", ".join(f"{relative_url(f'{OUTPUT}/{name}', page_url)} {width}w"
                             for width, name in rendition.files[fmt])

        jpegs = rendition.files["jpeg"]
        fallback = next((name for width, name in jpegs if width >= 960), jpegs[-1][1])
        return self.env.get_template("picture.html").render(
            sources=[{"type": ENCODERS[fmt][1], "srcset": srcset(fmt)} for fmt in rendition.files if fmt != "jpeg"],
            src=relative_url(f"{OUTPUT}/{fallback}", page_url), srcset=srcset("jpeg"), sizes=sizes,
            width=rendition.width, height=rendition.height, alt=alt, lazy=lazy, css_class=css_class,
        )

    def entry_picture(self, entry, lang: str, page_url: str, *, lazy: bool, sizes: str) -> str | None:
        """The `<picture>` of an innovator's or news item's photo, if it has one."""
        name = entry.shared("photo")
        if not name:
            return None
        return self.picture(self.rendition(name), entry.get(lang, "photo_alt"), page_url, lazy=lazy, sizes=sizes)

    def publish(self, site_dir: str | Path) -> None:
        """Copy the sizes of the photos in use into site/anh/."""
        target = Path(site_dir) / OUTPUT
        for rendition in self.in_use.values():
            for files in rendition.files.values():
                for _, name in files:
                    destination = target / name
                    if not destination.exists():
                        target.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(self.cache_root / rendition.key / name, destination)
