# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint install install-test ingest chroma-server evaluate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# torch first, pinned: it is a local CPU wheel here, while sentence-transformers would pull a CUDA build.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q "torch==2.13.0"
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  else echo "Chromium ontbreekt: installeer het pakket 'chromium' (sudo apt-get install chromium)."; fi; }

# Incremental: a no-op when the bundled corpus is already indexed.
ingest: install
	$(BIN)/python ingest.py

run: ingest
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) \
	  --browser.gatherUsageStats false --server.headless true

test: install-test
	$(BIN)/pytest

lint: install-test
	$(BIN)/ruff check assistant app.py ingest.py tests
	$(BIN)/mypy assistant

# Beside the dev set (with its ablations), the sets written to check the tuning: reports/<set>.md each
CHECK_SETS := holdout probe check fresh fresh2 english blind16 blind17 blind18 blind19 blind20 outside outside2 outside3 blind21 blind22 outside4 blind23 blind24 blind25 blind26 blind27 blind28 blind29 blind30 blind31 blind32 blind33 blind34 blind35 blind36 blind37 blind38 blind39 blind40 blind41 blind42 blind43 blind44 blind45 blind46 blind47 blind48 blind49 blind50 blind51 blind52 blind53 blind54 blind55

evaluate: ingest
	$(BIN)/python -m assistant.evaluate --questions tests/data/dev_questions.jsonl \
	  --output reports/results.jsonl --report reports/evaluation.md
	set -e; for name in $(CHECK_SETS); do \
	  $(BIN)/python -m assistant.evaluate --questions tests/data/$${name}_questions.jsonl --no-ablations \
	    --output reports/$${name}_results.jsonl --report reports/$${name}.md; \
	done

bench: ingest
	$(BIN)/python -m assistant.bench

chroma-server: install
	$(BIN)/chroma run --path data/chroma-server --host 127.0.0.1 --port 8000

clean:
	rm -rf data .pytest_cache
