## Evaluation of `nazif clean` on line-labelled pages (Tools/eval, docs/README-eval.md).
## A benchmark run, not a test: it prints tables and never fails on a score.
EVAL_PY    ?= $(shell Tools/eval/setup_eval_venv.sh 2>/dev/null || echo python3)
EVAL_SETS  ?= all

.PHONY: eval eval-boilerplate eval-test

eval: eval-boilerplate

## Content kept (C) and boilerplate removed (B) per set and site, Nazif beside jusText and trafilatura.
eval-boilerplate: build
	$(EVAL_PY) Tools/eval/eval_boilerplate.py --nazif $(RELEASE_BIN) --sets $(EVAL_SETS)

## The converter's and scorer's own tests.
eval-test:
	$(EVAL_PY) Tools/eval/run_tests.py
