# Touchline: `make run` opens the editor on the bundled example, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# PySide6's support modules written out as files, not compiled at every start (app/qt_support.py).
QT_SUPPORT := $(VENV)/.qt-support
EXAMPLE := resources/examples/coffee-shop-blueprint.touchline

.PHONY: run test lint bench clean setup fuzz fuzz-atheris stress bundle install-desktop uninstall-desktop translations

setup: $(STAMP) $(QT_SUPPORT)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

$(QT_SUPPORT): $(STAMP)
	$(PY) -m app.qt_support
	touch $(QT_SUPPORT)

run: $(STAMP) $(QT_SUPPORT)
	$(PY) -m app $(EXAMPLE)

# One worker per core; a file's tests stay on one worker, so a module's costly fixture
# (the bundle build of tests/test_bundle.py) is made once.
test: $(STAMP) $(QT_SUPPORT)
	QT_QPA_PLATFORM=offscreen $(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m mypy model app canvas exporters
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not fuzz" -n auto --dist loadfile

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy model app canvas exporters

bench: $(STAMP) $(QT_SUPPORT)
	QT_QPA_PLATFORM=offscreen $(PY) tests/benchmarks/bench.py

# The long runs behind the short budgets of `make test` (README, "Never losing work").
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -m fuzz --timeout=0 tests/test_fuzz_loader.py

fuzz-atheris: $(STAMP)
	$(PY) -m pip install -q atheris
	mkdir -p out/fuzz-corpus out/fuzz-artifacts
	cp resources/examples/*.touchline resources/templates/*.touchline out/fuzz-corpus/
	$(PY) tests/fuzz/atheris_loads.py -runs=100000 -max_len=8192 -artifact_prefix=out/fuzz-artifacts/ out/fuzz-corpus

stress: $(STAMP)
	TOUCHLINE_KILL_ROUNDS=1000 TOUCHLINE_UNDO_EXAMPLES=500 QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -s --timeout=0 tests/test_save_safety.py tests/ui/test_undo_exact.py

# A one-folder app that runs without Python: dist/touchline/touchline (packaging/touchline.spec).
bundle: $(STAMP)
	$(PY) -m pip install -q "pyinstaller>=6.0"
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/touchline.spec
	@du -sh dist/touchline

# The launcher, icons and .touchline file type for the current user ($$XDG_DATA_HOME, ~/.local/share).
install-desktop: $(STAMP)
	$(PY) -m app.desktop_install install

uninstall-desktop: $(STAMP)
	$(PY) -m app.desktop_install uninstall

# Collect the user-visible strings of app/ and canvas/ into the .ts catalogues, then compile the .qm files.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none app/*.py canvas/*.py -ts resources/translations/touchline_de.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/touchline_de.ts -qm resources/translations/touchline_de.qm

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
