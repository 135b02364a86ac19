# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: serve build test test-hostile lint types golden floors mutation fit doubts system-packages check catalogues bench bench-pdf bench-setup bench-scale fidelity clean docs

$(BIN)/python:
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || scripts/system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

## Build the demo site from content/papers/ and serve it with live reload.
serve: $(VENV)/.installed
	$(BIN)/minutes serve --port $(PORT)

## Build the demo site into output/.
build: $(VENV)/.installed
	$(BIN)/minutes build

## Write the docs' generated parts: the table of front-matter keys in docs/front-matter.md, from records/record.py.
docs: $(VENV)/.installed
	$(BIN)/python -m minutes.records.keys_doc docs/front-matter.md

## Check the built site's content, links and anchors.
check: build
	$(BIN)/minutes check

## Extract the interface text from the templates and code, merge it into each language's catalogue, compile them.
catalogues: $(VENV)/.installed-test
	$(BIN)/python scripts/catalogues.py

## Install the Debian packages the tests need (Chromium, Java, Tesseract), through sudo when not root.
system-packages:
	@scripts/system-packages.sh

## Lint and format check (ruff) over the code, the tests and the benchmarks; no unused code in the converter (vulture).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/python scripts/dead_code.py

## Type-check the whole package (mypy; settings in pyproject.toml, where the converter, minutes/papers/,
## is held to --strict flag by flag), then papers/ under mypy's own --strict, so a flag a later mypy adds
## to --strict is not missed (a cache of its own: the two settings would otherwise undo each other's).
types: $(VENV)/.installed-test
	$(BIN)/mypy
	$(BIN)/mypy --strict --follow-imports=silent --cache-dir .mypy_cache/strict generator/minutes/papers

## Run the whole test suite on every core, installing what it needs first.
test: system-packages $(VENV)/.installed-test lint types
	$(BIN)/python -m pytest -q -n auto

## The hostile-input suite, itself run under 1 GiB of address space (its minutes processes are, in make test too).
## Chromium reserves far more address space than it uses and cannot start under the limit: the browser
## cases (no script runs on any published file) run in make test, without it.
test-hostile: $(VENV)/.installed-test
	ulimit -v 1048576 && $(BIN)/python -m pytest -q -n 2 -m "not browser" tests/hostile

## Measure build speed and memory on a generated archive.
bench: $(VENV)/.installed
	$(BIN)/python bench/build_bench.py

## Score the converter against the hand-made truth of real papers (other councils', the demo's, the regression corpora).
fidelity: $(VENV)/.installed
	@summary=""; for dir in tests/corpus tests/seeds tests/corpora/second tests/corpora/third tests/corpora/fourth; do \
	  echo "== $$dir"; \
	  out=$$($(BIN)/python bench/fidelity.py "$$dir") || exit 1; \
	  printf '%s\n\n' "$$out"; \
	  summary="$$summary$$(printf '%-22s %s' "$$dir" "$$(printf '%s\n' "$$out" | tail -n 1)")\n"; \
	done; printf '%b' "$$summary"

## Fit the converter's weights on the corpora (header facts, item chain, decision and attendance rules) and keep those that do no worse leave-one-council-out than their prior.
fit: $(VENV)/.installed
	$(BIN)/python bench/fit_weights.py --write

## How well the converter's doubts find its wrong facts on every corpus; ARGS=--fit fits each fact's threshold.
doubts: $(VENV)/.installed
	$(BIN)/python bench/doubts.py tests/corpus tests/corpora/second tests/corpora/third tests/corpora/fourth \
	  tests/pdf-corpus/printed tests/pdf-corpus/minutes tests/seeds $(ARGS)

## Measure PDF reading: pages per second (text and OCR apart), peak memory, a 100-page pack.
bench-pdf: $(VENV)/.installed
	$(BIN)/python bench/pdf_bench.py

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
	rm -rf output .output.staging .output.overlay .output.old .minutes-lock .output.trash-* .minutes-cache .pytest_cache build dist

## Regenerate the golden files into a temporary folder and print the diff; WRITE=1 writes them (read the diff first).
golden: $(VENV)/.installed-test
	$(BIN)/python tests/goldens.py $(if $(WRITE),--write) $(SETS)

## Measure every corpus and write the per-fact and per-paper floors (tests/floors.json) and the README's table.
floors: $(VENV)/.installed
	$(BIN)/python bench/floors.py --write

## Mutation testing (mutmut) of the modules where a silent bug does most harm; ends with `killed K of N mutants (P %)`.
mutation: $(VENV)/.installed-test
	$(BIN)/python bench/mutation.py
