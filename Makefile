# One-command dev loop. Every target sets up .venv first if it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install test serve lint eval bench clean

install: $(STAMP)

# torch first, pinned: 2.13.0 is the local CPU wheel; an unpinned torch pulls GBs of CUDA packages.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

test: install
	$(BIN)/python -m pytest

serve: install
	$(BIN)/antqa serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src bots tests benchmarks
	$(BIN)/ruff format --check src bots tests benchmarks
	$(BIN)/mypy src

eval: install
	$(BIN)/antqa eval ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
