# speechparse — every target sets up what it needs (a virtualenv in .venv) by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
SHARED ?= ../shared

.PHONY: demo test explore lint schema samples bench bench-batch score example train cv check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: parse a sample speech and print its JSON
demo: $(STAMP)
	$(BIN)/speechparse parse samples/01-mayday-yao.txt --indent

## test: lint and type-check, then the whole test suite (hypothesis draws the same examples
## every run, as in CI: the result is the code's, not the draw's)
test: lint
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest

## explore: the property and metamorphic tests with new random examples (to find failures)
explore: $(STAMP)
	HYPOTHESIS_PROFILE=dev $(BIN)/python -m pytest tests/test_metamorphic.py tests/test_properties.py tests/test_strategies.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## schema: regenerate schema/speech.schema.json and schema/record.schema.json from the models
schema: $(STAMP)
	$(BIN)/speechparse schema --indent > schema/speech.schema.json
	$(BIN)/speechparse schema --record --indent > schema/record.schema.json

## samples: regenerate samples/*.json (review the diff by eye before committing)
samples: $(STAMP)
	$(BIN)/python tests/update_snapshots.py

## bench: speechparse against markdown-it-py on the same texts
bench: $(STAMP)
	$(BIN)/python bench/bench.py

## bench-batch: speechparse batch on 20,000 speeches (1 core, all cores, 4x the corpus, Dask)
bench-batch: $(STAMP)
	$(BIN)/python bench/batch.py

## score: the development corpus (the seeds, the real pages in web/ and web2/), as CI scores it
score: $(STAMP)
	$(BIN)/python $(SHARED)/tools/score.py -v --min-accuracy 0.99
	$(BIN)/python $(SHARED)/tools/score.py --corpus $(SHARED)/corpus/web -v --min-accuracy 0.98
	$(BIN)/python $(SHARED)/tools/score.py --corpus $(SHARED)/corpus/web2 -v --min-accuracy 0.965

## example: a consumer outside Python (Node + ajv) validates a parse against the schema
example: $(STAMP)
	npm ci --prefix examples/node --no-audit --no-fund --silent
	$(BIN)/speechparse parse samples/02-congress-dun-shi.txt > .venv/example-speech.json
	node examples/node/validate.mjs schema/speech.schema.json .venv/example-speech.json

## check: speechparse check on a draft with known problems (exit 1) and on a clean one (exit 0)
check: $(STAMP)
	$(BIN)/speechparse check samples/31-check-clean.txt
	$(BIN)/speechparse check samples/30-check-problems.txt; test $$? -eq 1

## train: rebuild the frame labeller's model from the gold corpus (deterministic)
train: $(STAMP)
	$(BIN)/python -m speechparse.training.train --shared $(SHARED)

## cv: cross-validation of the labelled frame, one site held out at a time, on web/ + web2/
cv: $(STAMP)
	$(BIN)/python -m speechparse.training.cv --shared $(SHARED)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist examples/node/node_modules
