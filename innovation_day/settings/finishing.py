"""How far each kind of print runs past its trim, and how far inside it the words stay.

A print shop cuts paper, and hems or welds a banner's edge, a few millimetres off the
line it aims for. So the background runs past the finished size (the bleed: the file's
MediaBox and BleedBox), the finished size is the TrimBox, and the words and the QR code
keep inside a safe margin from the trim. These are print-trade constants, the same for
every commune; an artwork may override them (data/kit.yml artworks[].bleed / .safe) when a
shop asks for other figures. Sources, as printers publish them:

- Paper posters: 3 mm bleed, words 5 mm inside the trim (webforma.co.uk/bleed.asp,
  pqtp.com "Bleed and Crops"; a Vietnamese shop gives 2 mm cutting tolerance for posters:
  inandanang.com.vn "Dung sai và vùng an toàn trong in ấn").
- PVC/flex banners: 2 cm of background past each edge for the welded or sewn hem, and
  nothing that matters within 5 cm of the finished edge, where the hem and the eyelets go
  (kalendarzerzeszow.pl "Jak przygotować plik do druku banera"; printtech's 3 × 5 ft banner
  asks 2 in bleed and 4 in safe; Caldera's banner guide 1-2 in safe zone). Eyelets are
  usually set about every 2 ft, 0.6 m (ocsigns.com "banner installation", iwbanner.com
  "Banner finishing 101").
- A standee: cut like a poster (3 mm bleed), with eyelets or the stand's clips at its
  corners: words 1 in (25 mm) inside, the low end of Caldera's safe zone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finish:
    bleed: float    # metres of background past the trim on each side
    safe: float     # metres inside the trim kept clear of the words and the code


FINISH = {
    "poster": Finish(bleed=0.003, safe=0.005),
    "standee": Finish(bleed=0.003, safe=0.025),
    "banner": Finish(bleed=0.02, safe=0.05),
}
EYELET_SPACING = 0.6    # metres between a banner's eyelets, as banner shops usually set them
# Limits of the settings (metres): beyond them a figure is a typing mistake, not a shop's wish.
MAX_BLEED = 0.1
MAX_SAFE = 0.5
