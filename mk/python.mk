# The Python package beside the raw CLI (issue 12): `make compare-python` times nazif.clean()
# on strings, dicts and JSON lines against `nazif clean --jsonl` on the compare corpus and
# prints seconds and the overhead; `make compare` runs it first. The interpreter is the CI
# venv's (it has orjson, the `fast` extra) when it exists, else python3 (stdlib json rows
# only, orjson rows skipped with a message). The package comes from python/ in this tree.
PYTHON_COMPARE_PY     ?= $(firstword $(wildcard .build/python-ci-venv/bin/python) python3)
PYTHON_COMPARE_CORPUS ?= /tmp/nazif-compare/corpus.jsonl
PYTHON_COMPARE_RUNS   ?= 5

compare-python: build
	@test -f $(PYTHON_COMPARE_CORPUS) || python3 Benchmarks/compare/make_corpus.py --out $(dir $(PYTHON_COMPARE_CORPUS))
	NAZIF_BINARY=$(RELEASE_BIN) $(PYTHON_COMPARE_PY) Tools/python/overhead.py --corpus $(PYTHON_COMPARE_CORPUS) --runs $(PYTHON_COMPARE_RUNS)

compare: compare-python

.PHONY: compare-python
