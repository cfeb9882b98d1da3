# The two commands of the README: `make demo` and `make test`. Everything else is for developers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The lock: every package of the runtime and of the extras (embedded, test, dev), pinned, for
# Python 3.11 on Linux; main.txt is its runtime part, for production. `make lock` regenerates both.
LOCK := requirements/dev.txt
UV_VERSION := 0.13.9
# A change to the metadata or to the lock re-installs.
STAMP := $(VENV)/.installed-$(shell cat setup.cfg setup.py pyproject.toml $(LOCK) 2>/dev/null | sha1sum | cut -c1-12)
# Catalogues: app/ holds the core's (with tenants/, workers/ and themes/); each blueprint its own
# (app/catalogues.py compiles them all: `make catalogues`, and every `pip install`).
CATALOGUES := app $(patsubst %/,%,$(wildcard blueprints/*/))

.PHONY: demo test test-fast venv lock catalogues chromium validator editor i18n lint bench bench-load clean

demo: venv catalogues
	$(BIN)/wardportal-demo

test: venv catalogues chromium validator
	$(BIN)/pytest

# Everything but the browser tests and the W3C checker: needs neither chromium nor Java.
test-fast: venv catalogues
	$(BIN)/pytest -m "not browser and not validator"

# The W3C Nu HTML Checker (a Java jar from the npm registry) validates every page in the tests.
validator: tests/validator/node_modules/vnu-jar/build/dist/vnu.jar

tests/validator/node_modules/vnu-jar/build/dist/vnu.jar: tests/validator/package.json
	npm ci --prefix tests/validator --silent --no-audit --no-fund
	touch $@

# The newsroom's rich-text editor (Tiptap from the npm registry), bundled by esbuild. The bundle is
# committed, so `make demo` needs no npm; run `make editor` after changing themes/default/editor/.
EDITOR_DIR := themes/default/editor
editor: themes/default/static/js/editor.js

themes/default/static/js/editor.js: $(EDITOR_DIR)/package.json $(EDITOR_DIR)/package-lock.json $(wildcard $(EDITOR_DIR)/src/*.js)
	npm ci --prefix $(EDITOR_DIR) --silent --no-audit --no-fund
	npm run --prefix $(EDITOR_DIR) --silent build

# Browser tests use Debian's Chromium (Playwright drives it; it downloads no browser of its own).
chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

venv: $(STAMP)

$(STAMP):
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

# Re-resolve the lock after a change to the dependencies in setup.cfg. Versions already locked
# are kept where they still fit; `make lock UPGRADE=--upgrade` takes the newest of everything.
lock:
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet $(UPGRADE) --python-version 3.11 --python-platform linux \
	  --custom-compile-command "make lock" setup.cfg --all-extras -o $(LOCK)
	$(BIN)/uv pip compile --quiet --python-version 3.11 --python-platform linux \
	  --custom-compile-command "make lock" setup.cfg -c $(LOCK) -o requirements/main.txt

# `pip install` compiles them too (setup.py); this is for after editing a catalogue.
catalogues: venv
	@$(BIN)/wardportal-compile-catalogues >/dev/null

# Extract every package's strings and update its English catalogue (msgids are Vietnamese).
i18n: venv
	@for dir in $(CATALOGUES); do \
	  sources=$$dir; [ $$dir = app ] && sources="app tenants workers themes"; \
	  $(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --sort-by-file \
	    --omit-header -o $$dir/messages.pot $$sources || exit 1; \
	  if [ ! -s $$dir/messages.pot ]; then rm -f $$dir/messages.pot; continue; fi; \
	  if [ -f $$dir/translations/en/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update --no-fuzzy-matching -i $$dir/messages.pot -d $$dir/translations -l en 2>/dev/null; \
	  else \
	    $(BIN)/pybabel init -i $$dir/messages.pot -d $$dir/translations -l en 2>/dev/null; \
	  fi; \
	  rm -f $$dir/messages.pot; \
	done
	$(MAKE) catalogues

# Every check of .ci/run before the tests. Each tool runs even when one before it fails, and
# the target fails if any did.
LINTERS := "ruff check --output-format concise ." "ruff format --check --output-format concise ." "mypy" "lint-imports" \
	"pip-audit --requirement $(LOCK) --no-deps --disable-pip --progress-spinner off"

lint: venv
	@failed=""; for tool in $(LINTERS); do \
	  echo "== $$tool"; $(BIN)/$$tool || failed="$$failed\n  $$tool"; \
	done; \
	if [ -n "$$failed" ]; then echo -e "make lint: failed:$$failed"; exit 1; fi

# The in-process figures; the load benchmark (minutes long, a server and wrk) is bench-load.
BENCH_SCRIPTS := $(filter-out bench/load.py bench/hello.py,$(wildcard bench/*.py))
bench: venv catalogues
	@for script in $(BENCH_SCRIPTS); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# wardportal under gunicorn beside a Flask hello world, driven by wrk (bench/load.py), which is
# installed from Debian when missing.
bench-load: venv catalogues
	@command -v wrk >/dev/null || { \
	  echo "Installing Debian's wrk for the load benchmark…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache
