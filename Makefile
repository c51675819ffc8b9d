# The two commands of the README's quick start:
#   make serve   build the site and serve it with live reload at http://127.0.0.1:8000/ngay-hoi-dmst/
#   make test    install what the tests need, then run the whole test suite
# Everything is installed by these rules on a fresh machine: a Python virtual
# environment (pinned, with hashes), the npm tools (package-lock.json) and
# Debian's chromium for the browser tests.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test audit deps browser clean help

help:
	@echo "make serve   build and serve the site locally (live reload)"
	@echo "make test    run the whole test suite (installs what it needs)"
	@echo "make build   mkdocs build --strict into site/"
	@echo "make audit   Lighthouse, page weight and search-index figures"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.txt -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium, unless a Chromium or Chrome is already there (CHROME_PATH wins).
browser:
	@if [ -n "$$CHROME_PATH" ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null; then :; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

deps: $(BIN)/.installed node_modules/.installed browser

# The editing app at /admin/ is copied from node_modules at build: both need the npm packages.
serve: $(BIN)/.installed node_modules/.installed
	$(BIN)/mkdocs serve --strict

build: $(BIN)/.installed node_modules/.installed
	$(BIN)/mkdocs build --strict

test: deps
	$(BIN)/python -m pytest

audit: deps
	$(BIN)/python scripts/audit.py

clean:
	rm -rf site reports .pytest_cache
