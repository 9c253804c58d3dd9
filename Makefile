# Two commands for a fresh machine (Python 3.11+ and make): `make serve` and `make test`.
# Both create .venv if needed and install the pinned requirements; nothing else is fetched at build time.

VENV := .venv
PYTHON := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-requirements
DEV_STAMP := $(VENV)/.dev-requirements
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint linkcheck generate check-generated check-chromium clean lighthouse pdf

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(SITE_STAMP): requirements.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(SITE_STAMP)

# axe-core for tests/test_accessibility.py, pinned by tests/axe/package-lock.json. Only `make test` needs it (and npm):
# `make lint` and `make build` run without Node.
AXE_STAMP := tests/axe/node_modules/.installed
$(AXE_STAMP): tests/axe/package.json tests/axe/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make test needs npm to install axe-core: sudo apt-get install npm" >&2; exit 1; }
	npm ci --prefix tests/axe --no-audit --no-fund
	touch $@

## Regenerate every generated file (diagrams, estimates, reference pages, page sections) from its source.
generate: $(SITE_STAMP)
	$(PYTHON) scripts/generate.py

## Serve the site with live reload at http://127.0.0.1:8000
serve: generate
	SITE_URL=http://127.0.0.1:8000/ $(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

## Strict build into site/ (used by CI and by the Pages deployment)
build: $(SITE_STAMP)
	$(PYTHON) scripts/generate.py --check
	$(PYTHON) -m mkdocs build --strict

## Fast checks that need no site build: content model, spelling, Markdown style, generated files, vendored files,
## and the GitHub workflows (zizmor's security audit, the workflow and Dependabot schemas; all run offline)
lint: $(DEV_STAMP)
	$(PYTHON) scripts/content.py lint
	$(VENV)/bin/codespell docs diagrams scripts overrides README.md CONTRIBUTING.md
	$(VENV)/bin/pymarkdown --config .pymarkdown.yml scan -r docs
	$(PYTHON) scripts/generate.py --check
	$(PYTHON) scripts/vendor_assets.py check
	$(VENV)/bin/zizmor --offline .github/workflows
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml

## Every external link in docs/ still answers (needs the network: offline it says so and skips). Not part of `test`.
linkcheck: $(SITE_STAMP)
	$(PYTHON) scripts/linkcheck.py $(LINKCHECK_ARGS)

check-chromium:
	@if [ -n "$$CHROMIUM" ]; then \
		[ -x "$$CHROMIUM" ] || { echo "CHROMIUM=$$CHROMIUM is not an executable file" >&2; exit 1; }; \
	elif ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then \
		echo "make test needs Chromium for the browser tests." >&2; \
		echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)" >&2; \
		exit 1; \
	fi

## Every check: lint, generated files up to date, strict build, unit and browser tests
test: $(DEV_STAMP) $(AXE_STAMP) check-chromium lint
	$(PYTHON) -m pytest

## Lighthouse scores (mobile preset) of five pages of a fresh build, served locally with gzip: a table on stdout and in
## test-artifacts/lighthouse.md; exits 1 below the targets (performance 95, the rest 100). Not part of `test`.
LIGHTHOUSE_STAMP := scripts/lighthouse/node_modules/.installed
$(LIGHTHOUSE_STAMP): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --no-audit --no-fund
	touch $@

lighthouse: build $(LIGHTHOUSE_STAMP)
	$(PYTHON) scripts/lighthouse.py site $(LIGHTHOUSE_ARGS)

## The whole handbook as one PDF, site/handbook.pdf, printed from site/ by headless Chromium: run it after `make build`
## (the Pages workflow does, so the published site links to it).
pdf: $(DEV_STAMP) check-chromium
	@[ -f site/llms.txt ] || { echo "site/ has no build: run make build first." >&2; exit 1; }
	$(PYTHON) scripts/pdf.py site

clean:
	rm -rf site .cache test-artifacts .pytest_cache
