# Two entry points that work on a fresh machine: `make demo` and `make test`.
# Both create .venv and install mergecamp with torch pinned by constraints.txt.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: setup demo test test-all lint bench clean new-exercise

setup: $(STAMP)

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -c constraints.txt -e ".[ml,dev]"
	rm -f $(VENV)/.installed-* && touch $@

# Bake a demo project from the template with defaults and train it briefly.
demo: setup
	$(BIN)/python -m mergecamp.demo

# The whole test suite (fast and slow), two workers.
test: setup
	$(BIN)/python -m pytest -n 2 -m "slow or not slow"

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Scaffold an exercise: make new-exercise ID=my-exercise TRACK=basics (see docs/adding-an-exercise.md)
new-exercise: setup
	$(BIN)/python -m mergecamp.scaffold "$(ID)" "$(TRACK)"

bench: setup
	for b in bench/bench_*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) build demo
