# One-command dev loop. Every target sets up .venv first if it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two flavours of .venv, one stamp each: the runtime (serve: no torch, no test tools) and
# everything (test, lint: torch, the export extra, the test tools). Installing everything
# also stamps the runtime, so `make test` then `make serve` installs nothing twice.
RUNTIME_STAMP := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install runtime browser redis test serve lint eval bench clean

install: $(STAMP)

runtime: $(RUNTIME_STAMP)

$(RUNTIME_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME_STAMP)

# torch first, pinned: 2.13.0 is the local CPU wheel; an unpinned torch pulls GBs of CUDA packages.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev,export]"
	touch $(STAMP) $(RUNTIME_STAMP)

test: install browser redis
	$(BIN)/python -m pytest

# The page's tests drive Debian's Chromium (Playwright's own browser download cannot work
# offline). Installed when missing and apt-get can run; without it those tests skip, except
# under CI (CI=true), where they fail.
browser:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 \
		|| [ "$$(id -u)" != 0 ] \
		|| (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) \
		|| echo "could not install chromium: the browser tests will skip (or fail under CI)"

# The Redis store's tests run a real redis-server (Debian's package), started by a fixture
# on a free port. Installed when missing, as chromium is; without it those tests skip,
# except under CI (CI=true), where they fail.
redis:
	@command -v redis-server >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 \
		|| [ "$$(id -u)" != 0 ] \
		|| (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server) \
		|| echo "could not install redis-server: the Redis tests will skip (or fail under CI)"

serve: runtime
	$(BIN)/antqa serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src bots tests benchmarks
	$(BIN)/ruff format --check src bots tests benchmarks
	$(BIN)/mypy src bots

bench: install
	$(BIN)/python -m pip install --quiet -e ".[dev,export,bench]"
	PYTHONPATH=src:. $(BIN)/python benchmarks/embedding.py
	PYTHONPATH=src:. $(BIN)/python benchmarks/compare.py
	PYTHONPATH=src:. $(BIN)/python benchmarks/serving_floor.py
	PYTHONPATH=src:. $(BIN)/python benchmarks/build.py

eval: runtime
	$(BIN)/antqa eval ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
