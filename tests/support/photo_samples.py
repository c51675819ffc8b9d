"""Photos as editors send them, made for the tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def phone_photo(path: Path, size=(2000, 1200), orientation: int | None = 6) -> None:
    """A JPEG like a phone's: camera, time and GPS position in its EXIF, rotated by a tag."""
    image = Image.new("RGB", size, "#3a7")
    for x in range(0, size[0], 100):
        image.paste("#fd3", (x, 0, x + 40, size[1] // 3))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"          # Make
    exif[0x0110] = "Phone 12"            # Model
    exif[0x0132] = "2025:09:22 08:00:00"  # DateTime
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 2.0, 30.0), 3: "E", 4: (105.0, 56.0, 10.0)})
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)
    with Image.open(path) as check:
        assert check.getexif().get_ifd(0x8825), "the test photo really carries a GPS position"
