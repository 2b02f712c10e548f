# Touchline: `make run` opens the editor on the bundled example, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE := resources/examples/coffee-shop-blueprint.touchline

.PHONY: run test lint bench clean setup fuzz fuzz-atheris stress

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m app $(EXAMPLE)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m mypy model
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not fuzz"

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy model

bench: $(STAMP)
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

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
