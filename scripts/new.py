#!/usr/bin/env python3
"""Create a new innovator, news item or year's edition: every file it needs, from the templates.

Commune staff run one command instead of copying files by hand:

    python scripts/new.py innovator "Hợp tác xã rau sạch Thuận An"
    python scripts/new.py news "Xã phát động hội thi sáng kiến" --date 2025-10-02
    python scripts/new.py edition 2027

`edition YEAR` writes data/editions/YEAR.yml (the year's settings, unknown ones
null) and the plan's pages docs/ke-hoach/YEAR.md and YEAR.en.md with marked
blanks: the site builds at once, presents YEAR as the coming edition and says
what is not published yet; the earlier years move to the archive.

Each command writes the Vietnamese file and its English twin, named by the
title in Vietnamese without diacritics (news files start with the date), from
data/templates/. The new files are not finished: fill in the empty ("") lines,
then preview with `make serve`; the build names any field still missing.
It never overwrites a file. File names follow the same rules as the build
(innovation_day/content/schema.py). See docs/huong-dan/ (editor's guide).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from string import Template

import yaml

from innovation_day.content.schema import FIELDS, INNOVATOR, KINDS, NEWS, SLUG_RE, slugify
from innovation_day.errors import BuildErrors
from innovation_day.settings.mkdocs_file import languages_of, read_config
from innovation_day.settings.dates import today_in_vietnam
from innovation_day.settings.strings import Strings

ROOT = Path(__file__).resolve().parent.parent


def labels(strings: Strings, lang: str, prefix: str, values) -> str:
    """'business (Doanh nghiệp), …' from the interface strings of the default language."""
    return ", ".join(f"{value} ({strings.t(lang, f'{prefix}.{value}')})" for value in values)


def quoted(text: str) -> str:
    """Text safe inside a YAML double-quoted string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def taken(folder: Path, slug: str, languages) -> list[Path]:
    """Files already at this address (same name, or the same once diacritics and case are dropped)."""
    clashes = []
    for path in folder.glob("*.md"):
        stem, _ = languages.split(path.name)
        if stem == slug or slugify(stem) == slug:
            clashes.append(path)
    return clashes


def create(kind: str, title: str, title_en: str, day: dt.date, root: Path) -> list[Path]:
    schema = INNOVATOR if kind == "innovator" else NEWS
    languages = languages_of(read_config(root / "mkdocs.yml"))
    errors = BuildErrors("data/strings")
    strings = Strings.load(root, languages, errors)
    errors.raise_if_any()
    name = slugify(title)
    if not name:
        raise SystemExit(f"Tiêu đề {title!r} không tạo được tên tệp: dùng chữ hoặc số. / "
                         f"The title {title!r} gives no file name: use letters or digits.")
    slug = f"{day.isoformat()}-{slugify(title, 48)}" if kind == "news" else name
    assert SLUG_RE.match(slug)
    folder = root / "docs" / schema.section
    clashes = taken(folder, slug, languages)
    if clashes:
        shown = ", ".join(str(p.relative_to(root)) for p in clashes)
        raise SystemExit(f"Đã có tệp {shown}: không ghi đè. Đổi tiêu đề hoặc sửa tệp đó. / "
                         f"{shown} already exists: nothing overwritten. Change the title or edit that file.")
    values = {
        "title": quoted(title), "title_en": quoted(title_en), "date": day.isoformat(), "year": day.year,
        "kinds": labels(strings, languages.default, "showcase.kind", KINDS),
        "fields": labels(strings, languages.default, "showcase.field", FIELDS),
        "vi_file": f"docs/{schema.section}/{slug}.md",
    }
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".md", *[f".{lang}.md" for lang in languages.others]):
        template = Template((root / "data" / "templates" / f"{kind}{suffix}").read_text(encoding="utf-8"))
        target = folder / f"{slug}{suffix}"
        with target.open("x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(template.substitute(values))
        written.append(target)
    return written


def create_edition(year: int, root: Path) -> list[Path]:
    """The year's settings and plan pages, from data/templates/ (edition.yml, plan*.md)."""
    from innovation_day.settings.editions import FOLDER, PLAN_FOLDER
    from innovation_day.settings.models import EditionFile
    from innovation_day.settings.schema import scaffold

    languages = languages_of(read_config(root / "mkdocs.yml"))
    folder = root / FOLDER
    years = sorted(int(path.stem) for path in folder.glob("*.yml") if path.stem.isdigit())
    targets = [folder / f"{year}.yml"] + [root / "docs" / source
                                          for source in languages.sources(f"{PLAN_FOLDER}/{year}.md")]
    clashes = [path for path in targets if path.exists()]
    if clashes:
        shown = ", ".join(str(p.relative_to(root)) for p in clashes)
        raise SystemExit(f"Đã có tệp {shown}: không ghi đè. / {shown} already exists: nothing overwritten.")
    if years and year <= years[-1]:
        raise SystemExit(f"Năm {year} không sau năm mới nhất ({years[-1]}): mỗi lần chỉ thêm năm tiếp theo. / "
                         f"{year} is not after the newest edition ({years[-1]}): add the coming year.")
    previous = yaml.safe_load((folder / f"{years[-1]}.yml").read_text(encoding="utf-8")) if years else {}
    # What is known ahead: the year, 1 October (every year's Day) and the Day's name; the rest
    # stays null until the commune's plan is out.
    known = {"year": year, "day": dt.date(year, 10, 1), "name": previous.get("name")}
    targets[0].parent.mkdir(parents=True, exist_ok=True)
    with targets[0].open("x", encoding="utf-8") as out:
        out.write(EDITION_HEADER.format(year=year, previous=years[-1] if years else year)
                  + scaffold(EditionFile, known))
    values = {"year": year}
    sources = [(f"plan{'' if lang == languages.default else '.' + lang}.md", target)
               for lang, target in zip(languages.codes, targets[1:])]
    written = [targets[0]]
    for template_name, target in sources:
        template = Template((root / "data" / "templates" / template_name).read_text(encoding="utf-8"))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as out:
            out.write(template.substitute(values))
        written.append(target)
    return written


EDITION_HEADER = """\
# National Innovation Day {year}: the year's settings, in both languages (innovation_day/settings/models.py,
# EditionFile). Made by `python scripts/new.py edition {year}` or the editing app; fill in each null once the
# commune's plan for {year} is out, word for word (as data/editions/{previous}.yml). Its plan:
# docs/ke-hoach/{year}.md and {year}.en.md, in place of their {{{{ blank }}}} lines.
"""


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày phải viết YYYY-MM-DD / the date must be YYYY-MM-DD: {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new.py",
        description="Tạo gương điển hình, tin mới hoặc một năm Ngày hội mới, đủ các tệp tiếng Việt và tiếng Anh. / "
                    "Create a new innovator, news item or year's edition, with its files in both languages.",
        epilog="Ví dụ / examples:\n"
               '  python scripts/new.py innovator "Hợp tác xã rau sạch Thuận An"\n'
               '  python scripts/new.py news "Xã phát động hội thi sáng kiến" --date 2025-10-02\n'
               "  python scripts/new.py edition 2027\n"
               "Hướng dẫn / guide: docs/huong-dan/index.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="kind", required=True, metavar="{innovator,news,edition}")
    for kind, help_text, title_help in (
        ("innovator", "gương điển hình mới (docs/guong-sang-tao/) / a new innovator",
         "tên, tiếng Việt / the name, in Vietnamese"),
        ("news", "tin mới (docs/tin-tuc/) / a new news item",
         "tiêu đề, tiếng Việt / the headline, in Vietnamese"),
    ):
        command = commands.add_parser(kind, help=help_text, description=help_text)
        command.add_argument("title", help=title_help)
        command.add_argument("--title-en", default="",
                             help="tên hoặc tiêu đề tiếng Anh, nếu đã có / the English title, if known")
        command.add_argument("--date", type=date_argument, default=None,
                             help="ngày của tin, YYYY-MM-DD (mặc định: hôm nay) / "
                                  "the date, YYYY-MM-DD (default: today)")
        command.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    edition = commands.add_parser(
        "edition", help="một năm Ngày hội mới (data/editions/, docs/ke-hoach/) / a new year's edition",
        description="Tạo cài đặt và trang kế hoạch của một năm mới, với các chỗ trống chờ kế hoạch của xã. / "
                    "Create a new year's settings and plan pages, with blanks until the commune's plan is out.")
    edition.add_argument("year", type=int, help="năm, ví dụ 2027 / the year, e.g. 2027")
    edition.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.kind == "edition":
        root = args.root.resolve()
        for path in create_edition(args.year, root):
            print(f"Đã tạo / created: {path.relative_to(root)}")
        print(f"Tiếp theo: khi có kế hoạch năm {args.year}, điền các dòng null trong data/editions/{args.year}.yml "
              f"và dán toàn văn vào docs/ke-hoach/{args.year}.md (xem Hướng dẫn biên tập).\n"
              f"Next: once the {args.year} plan is out, fill in the null lines of data/editions/{args.year}.yml "
              f"and paste its text into docs/ke-hoach/{args.year}.md (see the editor's guide).")
        return 0
    day = args.date or dt.date.today()
    if args.kind == "news" and day > today_in_vietnam():
        parser.error(f"ngày {day} ở tương lai: chỉ đăng tin về việc đã diễn ra / "
                     f"{day} is in the future: news is about what has happened")
    written = create(args.kind, args.title.strip(), args.title_en.strip(), day, args.root.resolve())
    for path in written:
        print(f"Đã tạo / created: {path.relative_to(args.root.resolve())}")
    print("Tiếp theo: điền các dòng còn trống trong cả hai tệp, rồi chạy `make serve` để xem trước.\n"
          "Next: fill in the empty lines in both files, then run `make serve` to preview.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
