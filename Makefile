# The two commands: `make run` and `make test`. Everything else is what they need.
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make run` needs only what Mingel runs on; the test tools come with `make test`.
RUN_STAMP := $(VENV)/.installed-run
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages bench clean

$(STAMP): pyproject.toml requirements/constraints.txt
	@test -x $(BIN)/python || { echo "==> Creating the Python environment in $(VENV)"; \
	  PY=$$(scripts/find-python) && $$PY -m venv $(VENV); }
	@echo "==> Updating pip"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "==> Installing Mingel's dependencies and the test tools (a minute or two the first time)"
	@$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	@touch $(STAMP)

$(RUN_STAMP): pyproject.toml requirements/constraints.txt
	@test -x $(BIN)/python || { echo "==> Creating the Python environment in $(VENV)"; \
	  PY=$$(scripts/find-python) && $$PY -m venv $(VENV); }
	@echo "==> Installing Mingel's dependencies (about a minute the first time)"
	@$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e .
	@touch $(RUN_STAMP)

# The first run is quiet for a while otherwise: each step says what it does before it starts.
run: $(RUN_STAMP)
	@echo "==> Starting Mingel (database migrations first) at http://$(HOST):$(PORT)/"
	@$(BIN)/mingel serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	VENV=$(VENV) scripts/test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

messages: $(STAMP)
	scripts/messages

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV)

# The coach's labelled corpus: per-rule precision and recall, language detection.
.PHONY: corpus
corpus: $(STAMP)
	$(BIN)/python -m mingel.core.coach.evaluate --sets
