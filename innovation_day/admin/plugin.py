"""The admin plugin: writes the editing app into site/admin/ once every language is built.

on_post_build at -300, outer build only: after mkdocs-static-i18n (-100) has built
every language, so the app is written once, into the site's root; and after the
output plugin (-200), whose stylesheet trimming scans every script in the site and
must not read the app's (its class names are not the site's).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from ..settings.plugin import nested_build, site_of
from .app import write


class AdminPlugin(BasePlugin):

    @event_priority(-300)  # after the output plugin (-200)
    def on_post_build(self, config):
        if not nested_build(config):
            write(site_of(config), Path(config.site_dir), config.repo_url, config.theme["favicon"])
