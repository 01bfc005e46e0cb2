# The two commands of the README:
#   make site   - set up .venv if needed, draft briefings for new seeds, check, build site/
#   make test   - set up .venv (and Chromium for browser tests) if needed, run the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test ingest check pages serve evaluate evaluate-dev accel bench bench-extract browser clean help

help:
	@echo "make site      build site/ from seeds/ and briefings/ (installs what it needs)"
	@echo "make test      run the whole test suite (installs what it needs)"
	@echo "make ingest    draft briefings for new seeds"
	@echo "make check     validate the registry and every briefing"
	@echo "make serve     preview the site at http://127.0.0.1:8000"
	@echo "make evaluate  extraction accuracy against ../shared/expected/seeds.yaml"
	@echo "make evaluate-dev  extraction accuracy on the development corpus (tests/data/dev/README.md)"
	@echo "make pages     write the site's generated pages into docs/generated/ (for zensical build)"
	@echo "make accel     compile the drafting modules (mypyc, ~2 min once per code version): ingest drafts faster"
	@echo "make bench     time the pipeline on synthetic archives: make bench N=1000,5000,10000"
	@echo "make bench-extract  registry load and drafting speed"

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

ingest: $(STAMP)
	$(PY) -m scripts ingest

check: $(STAMP)
	$(PY) -m scripts check

pages: $(STAMP)
	$(PY) -m scripts pages

# Drafting compiled with mypyc into build/accel/ (scripts/accel.py); used while the code is unchanged.
accel: $(STAMP)
	$(PY) -m scripts accel

site: ingest check
	$(PY) -m mkdocs build --strict

serve: $(STAMP)
	$(PY) -m mkdocs serve

GOLD ?= ../shared/expected/seeds.yaml
evaluate: $(STAMP)
	$(PY) -m scripts evaluate $(GOLD)

# Real articles, annotated; their texts are not in git (see tests/data/dev/README.md).
evaluate-dev: $(STAMP)
	$(PY) -m scripts evaluate tests/data/dev/annotations.yaml

# N: archive sizes, comma-separated (the 10,000 run takes 20-50 minutes on 2 idle cores, by machine);
# ARGS=--full-text also measures a search index holding the articles' text; ARGS="--rounds 3" repeats
# build, rebuild and bare MkDocs three times, interleaved (default twice; the least CPU of each is kept).
# The drafting modules are compiled first (make accel), and ingest is timed compiled and interpreted.
N ?= 300
bench: $(STAMP)
	$(PY) -m scripts.bench --sizes $(N) $(ARGS)

bench-extract: $(STAMP)
	$(PY) tests/benchmark.py

# Debian's Chromium for the browser tests (a test tool's own browser download fails here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(PY) -m mypy
	$(PY) -m pytest

clean:
	rm -rf site docs/generated .pytest_cache
