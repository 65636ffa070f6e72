# The two commands: `make run` (set up, open the GUI on the demo project) and `make test`.
# Each target creates .venv when missing and installs what it needs.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench system-deps system-deps-offscreen clean package package-check wheel wheel-check

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev,spacy,hf]"
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

# Packaging (see packaging/README.md). The builds take seconds to a minute, but download PyInstaller,
# build and the wheel's dependencies, so they stay out of `make test`.
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' annotator/__init__.py)
PACKAGING_STAMP := $(VENV)/.installed-packaging
APP_ARCHIVE := dist/annotator-$(VERSION)-linux-$(shell uname -m).tar.gz

$(PACKAGING_STAMP): packaging/requirements.txt $(STAMP)
	$(PY) -m pip install --quiet -r packaging/requirements.txt
	touch $(PACKAGING_STAMP)

# The desktop application (PyInstaller, one folder): dist/annotator/ and its .tar.gz. Needs the xcb
# libraries on the build machine (system-deps), as they are bundled.
package: $(PACKAGING_STAMP) system-deps
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/annotator.spec && \
	tar -C dist -czf $(APP_ARCHIVE) annotator && \
	echo "Built dist/annotator/ ($$(du -sh dist/annotator | cut -f1)) and $(APP_ARCHIVE)" \
	  "($$(du -h $(APP_ARCHIVE) | cut -f1)) in $$(( $$(date +%s) - start ))s"

# Starts the built program offscreen (builds it first if there is none).
package-check: $(STAMP) system-deps-offscreen
	@[ -x dist/annotator/annotator ] || $(MAKE) --no-print-directory package
	bash packaging/check-package.sh dist/annotator $(PY)

# The wheel and sdist (python -m build: the sdist, then the wheel from it).
wheel: $(PACKAGING_STAMP)
	rm -f dist/annotator-$(VERSION)-*.whl dist/annotator-$(VERSION).tar.gz
	$(PY) -m build --quiet --outdir dist .

# Installs the wheel into a fresh venv and runs the command line and a screenshot from there.
wheel-check: wheel system-deps-offscreen
	PYTHON=$(PYTHON) bash packaging/check-wheel.sh dist/annotator-$(VERSION)-py3-none-any.whl dist/annotator-$(VERSION).tar.gz
