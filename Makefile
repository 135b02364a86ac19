# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# The Nu HTML Checker, run by the tests on the built pages (needs Java and npm).
VNU_VERSION := 26.9.27
VNU_STAMP   := .tools/.vnu-jar-$(VNU_VERSION)

.PHONY: serve build test check bench bench-setup bench-scale clean

$(BIN)/python:
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "Python's venv module is missing: install it (Debian: apt-get install python3-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

# --ignore-scripts: the package's install script would download a Java runtime; the system's is used.
$(VNU_STAMP):
	@command -v npm >/dev/null || { \
	  echo "The HTML validity test needs npm to install the Nu HTML Checker (Debian: apt-get install npm)"; exit 1; }
	npm install --no-audit --no-fund --ignore-scripts --prefix .tools vnu-jar@$(VNU_VERSION)
	@touch $@

## Build the demo site from content/papers/ and serve it with live reload.
serve: $(VENV)/.installed
	$(BIN)/minutes serve --port $(PORT)

## Build the demo site into output/.
build: $(VENV)/.installed
	$(BIN)/minutes build

## Check the built site's content, links and anchors.
check: build
	$(BIN)/minutes check

## Run the whole test suite (needs Debian's chromium for the browser tests, Java for the HTML checker).
test: $(VENV)/.installed-test $(VNU_STAMP)
	@test -x /usr/bin/chromium || { \
	  echo "The browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install chromium)"; exit 1; }
	@command -v java >/dev/null || { \
	  echo "The HTML validity test needs Java (Debian: apt-get install default-jre-headless)"; exit 1; }
	$(BIN)/python -m pytest -q

## Measure build speed and memory on a generated archive.
bench: $(VENV)/.installed
	$(BIN)/python bench/build_bench.py

## Install what the scale benchmark compares with: Hugo (Debian's package); the browser comes with the tests.
bench-setup: $(VENV)/.installed-test
	@command -v hugo >/dev/null || { \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends hugo; }
	@hugo version

## The scale benchmark: ~10,000 pages, five figures against their targets, Hugo and the previous version.
bench-scale: bench-setup
	$(BIN)/python bench/scale_bench.py

clean:
	rm -rf output .output.staging .output.old .output.trash-* .minutes-cache .pytest_cache
