# Two commands: `make run` (install, build the graph from corpus/, serve it) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kg-data
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: install run test build serve bench clean train

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(wildcard web/package.json)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	if [ -f web/package.json ]; then npm install --prefix web --no-audit --no-fund --loglevel=error; fi
	touch $@

build: install
	$(BIN)/kg ingest corpus --store $(STORE) --workers $(WORKERS)

run: build
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

# Rebuild the entity recognisers' training data and retrain them (ingest/train/; the trained models in
# ingest/models/ are committed, so `make install` never needs this).
train: install
	nice -n 10 $(BIN)/python -m ingest.train.corpus --copies 10 --seed 7
	nice -n 10 $(BIN)/python -m ingest.train.fit ja zh en
	nice -n 10 $(BIN)/python -m ingest.train.corpus --wide --copies 8 --seed 7 --out ingest/train/corpus_wide
	nice -n 10 $(BIN)/python -m ingest.train.fit en --corpus ingest/train/corpus_wide --models ingest/models/wide
	$(BIN)/python -m ingest.train.evaluate

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/ask.py
	$(BIN)/python bench/sparql/run.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
