"""The settings plugin: reads and checks mkdocs.yml once, and lets pages quote it.

Order (event priorities, never the order of `plugins:` in mkdocs.yml):
- on_config at 100: first, every other plugin of the package reads its `site`;
- on_page_markdown at 30: the page's `{{ … }}` filled in before the content (20) and
  kit (10) plugins replace their insertion markers, and after mkdocs-static-i18n (50). mkdocs-static-i18n builds the default language, then each
other language in a nested build of its own (`i18n.building`); the settings
are read at the start of the outer build, so `mkdocs serve` rebuilds start
afresh, and the nested builds share them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from ..coupling import I18n, check_versions
from .languages import Languages
from .page_templating import environment, render_page
from .site import Site, language_texts, load_site
from ..templates import CompiledTemplates, environment as templates

NAME = "innovation-day/settings"


def nested_build(config) -> bool:
    """True in mkdocs-static-i18n's build of a language other than the first."""
    return I18n(config).building


def site_of(config) -> Site:
    """The checked settings, for the package's other plugins."""
    return config.plugins[NAME].site


def theme_of(config):
    """The theme's Jinja environment of this language build, with the site's strings, for
    theme partials rendered into pages (before MkDocs' own on_env)."""
    return config.plugins[NAME].theme


def build_language(config) -> str:
    """The language being built (mkdocs-static-i18n sets the theme's language before on_pre_build)."""
    return config.theme["language"]


def page_language(page, site: Site) -> str:
    # mkdocs-static-i18n sets `locale` on each file, generated ones included; the suffix is the fallback.
    return I18n.locale(page.file) or site.languages.of_source(page.file.src_uri)


def page_edition(page, site: Site):
    """The edition a page is about (Site.edition_of_page): its front matter's, its expo's, or the current."""
    return site.edition_of_page(site.languages.default_source(page.file.src_uri), page.meta)


class SettingsPlugin(BasePlugin):
    site: Site

    @event_priority(100)  # first: every other plugin reads self.site
    def on_config(self, config):
        if nested_build(config):
            return config
        check_versions()  # before anything relies on the theme or the i18n plugin
        entries = I18n(config).language_entries()
        languages = Languages.from_i18n(entries)
        texts = language_texts(entries, config.site_name, config.site_description, config.copyright)
        root = Path(config.config_file_path).parent
        self.site = load_site(root, Path(config.docs_dir), config.site_url, texts, languages)
        self.page_env = environment()
        self.status_env = templates("settings", html_layout=False, root=root)
        return config

    def on_pre_build(self, config):
        self.theme = self.on_env(config.theme.get_env(), config, None)
        self.theme.bytecode_cache.prune()

    @event_priority(30)  # before the content (20) and kit (10) plugins' markers
    def on_page_markdown(self, markdown, page, config, files):
        lang = page_language(page, self.site)
        return render_page(self.page_env, markdown, self.site, self.status_env, lang, f"docs/{page.file.src_uri}",
                           page_edition(page, self.site))

    @event_priority(100)  # first: before any plugin loads a template from the theme
    def on_env(self, env, config, files):
        # Material's templates compiled once for every environment and language build.
        env.bytecode_cache = CompiledTemplates(self.site.root)
        # overrides/partials/language.html looks here before Material's own table.
        env.globals["site_strings"] = {lang: self.site.strings.theme_table(lang) for lang in self.site.languages.codes}
        # The commune's settings (data/), for the theme's partials: `settings.commune.phone`.
        env.globals["settings"] = self.site
        return env
