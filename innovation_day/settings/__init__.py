"""Settings: mkdocs.yml `extra:` checked in one pass, languages, dates and interface strings."""
