# nazif dedup: speed beside datasketch and rensa (same parameters) on the compare corpus.
DEDUP_VENV ?= $(HOME)/.cache/nazif/dedup-venv
DEDUP_CORPUS ?= /tmp/nazif-compare/corpus.jsonl

$(DEDUP_VENV)/bin/python:
	python3 -m venv $(DEDUP_VENV) && $(DEDUP_VENV)/bin/pip install -q datasketch==2.0.0 rensa==0.5.0

compare-dedup: $(DEDUP_VENV)/bin/python
	swift build -c release --product nazif
	test -f $(DEDUP_CORPUS) || python3 Benchmarks/compare/make_corpus.py
	/usr/bin/time -f "nazif signatures %e s %M KB" .build/release/nazif dedup signatures --jsonl --threads 1 -o /tmp/nazif-dedup.sig $(DEDUP_CORPUS)
	/usr/bin/time -f "nazif dedup %e s %M KB" .build/release/nazif dedup --jsonl --threads 1 $(DEDUP_CORPUS) > /dev/null
	/usr/bin/time -f "rensa %e s" $(DEDUP_VENV)/bin/python Tools/dedup/peers.py rensa $(DEDUP_CORPUS) text > /dev/null
	/usr/bin/time -f "datasketch %e s" $(DEDUP_VENV)/bin/python Tools/dedup/peers.py datasketch $(DEDUP_CORPUS) text > /dev/null

.PHONY: compare-dedup

# Quality on a known-duplicate set made from SaudiNewsNet (evaluation only, read in place).
eval-dedup: $(DEDUP_VENV)/bin/python
	swift build -c release --product nazif
	python3 Tools/dedup/eval.py .build/release/nazif $(DEDUP_VENV)/bin/python

.PHONY: eval-dedup

# `make compare` has the dedup rows (Benchmarks/compare/compare.py: dedup, dedup-signatures);
# their peers run in this venv.
compare: $(DEDUP_VENV)/bin/python
compare: export NAZIF_DEDUP_PYTHON = $(DEDUP_VENV)/bin/python
