# Touchline: `make run` opens the editor on the bundled example, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE := resources/examples/coffee-shop-blueprint.touchline

.PHONY: run test lint bench clean setup

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

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
