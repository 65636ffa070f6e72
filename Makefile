# The two commands: `make run` (set up, open the GUI on the demo project) and `make test`.
# Each target creates .venv when missing and installs what it needs.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench system-deps system-deps-offscreen clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

system-deps:
	@bash packaging/install-system-deps.sh window

system-deps-offscreen:
	@bash packaging/install-system-deps.sh offscreen

run: $(STAMP) system-deps
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): start a desktop session or use xvfb-run make run."; exit 1; fi
	$(VENV)/bin/annotator $(ARGS)

test: $(STAMP) system-deps-offscreen
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check annotator tests benchmarks
	$(VENV)/bin/lint-imports

bench: $(STAMP) system-deps-offscreen
	@for script in benchmarks/bench_*.py; do \
	  echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
