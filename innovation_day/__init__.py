"""The build's code for the Thuận An innovation-day site, one folder per concern.

- settings/  mkdocs.yml `extra:` read and checked in one pass (`Site`), the languages,
             dates, interface strings, and the settings pages quote (`{{ edition.theme | t }}`);
- content/   the content schema, innovators and news entries, photos, the glossary,
             twin and front-matter checks;
- kit/       the communication kit: QR code, print files, words, calendar, share images;
- output/    what is done to the built pages: HTML fixes, tables, CSP, Material's bundle
             patches, stylesheet trimming, the root 404 page.

Each concern keeps its work in plain functions of a `Site` (settings.site) and files, so
it can be tested, and later moved to another renderer, without MkDocs. Its `plugin.py`
only adapts MkDocs' build events to those functions; the plugins are registered in
pyproject.toml and listed, in order, in mkdocs.yml.
"""
