# Nazif — make run | make test | make bench | make compare
# Every target installs what it needs (libicu-dev, pkg-config) with apt-get when it is missing.

SWIFT        ?= swift
RELEASE_BIN  := .build/release/nazif
SEEDS        := $(sort $(wildcard seeds/*.txt))
OUT          ?= out

.PHONY: all deps build run test lint format bench compare goldens clean help


all: build

help:
	@echo "make run      build (release) and run the main job on the seed articles"
	@echo "make test     run the whole test suite"
	@echo "make bench    package-benchmark suites (Benchmarks/)"
	@echo "make compare  Nazif beside CAMeL Tools, PyArabic, PyICU, datatrove on a 20 MB corpus"

## System packages: ICU's headers and pkg-config. Installed only when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then \
	  echo "nazif: installing libicu-dev and pkg-config (missing)"; \
	  SUDO=""; if [ "$$(id -u)" != "0" ]; then SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config >/dev/null \
	    || { echo "nazif: could not install libicu-dev and pkg-config; install them and retry" >&2; exit 1; }; \
	fi
	@echo "nazif: ICU $$(pkg-config --modversion icu-uc) found"

# The Swift runtime is linked statically into the release binary: a third less start-up time
# (5 ms instead of 10 ms measured), which matters for a filter run once per file.
# lld links it: gold warns about glibc's mktemp in the static Foundation that swift-argument-parser
# brings, and lld neither warns nor takes as long.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib -Xswiftc -use-ld=lld --product nazif

## The main job: clean the seed articles and show what went and why.
run: build
	@mkdir -p $(OUT)
	@echo "== nazif clean --explain on seeds/ (removed lines, rule, reason, text):"
	@$(RELEASE_BIN) clean --explain --explain-format text --stats -o $(OUT)/seeds.clean.txt $(SEEDS)
	@$(RELEASE_BIN) clean --explain-file $(OUT)/seeds.explain.jsonl -o /dev/null $(SEEDS)
	@echo
	@echo "== the cleaned articles ($(OUT)/seeds.clean.txt), each under its file name:"
	@for f in $(SEEDS); do \
	  echo; echo "---- $$f"; \
	  $(RELEASE_BIN) clean $$f | LC_ALL=C sed -E 's/^([[:space:]]|\xc2\xa0|\xe2\x80[\x8b-\x8f]|\xe2\x80\xaf)+$$//'; \
	done
	@echo
	@echo "nazif: cleaned text in $(OUT)/seeds.clean.txt, explanations (JSON lines) in $(OUT)/seeds.explain.jsonl"

# The release binary is built too, so `make run` after `make test` starts at once (and the
# evaluation and end-to-end scripts find .build/release/nazif).
test: deps lint
	$(SWIFT) test
	@$(MAKE) --no-print-directory build

# The code's layout, checked (.swift-format; `make format` rewrites it). Part of `make test`.
FORMAT_PATHS = Sources Tests Plugins Fuzz/Sources Benchmarks/Benchmarks
lint:
	$(SWIFT) format lint --strict --recursive $(FORMAT_PATHS)

format:
	$(SWIFT) format --in-place --recursive $(FORMAT_PATHS)

bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

compare: build
	python3 Benchmarks/compare/compare.py --nazif $(RELEASE_BIN)

## Rewrite seeds/expected from the current build (check the diff by eye before committing).
goldens: build
	@for f in $(SEEDS); do \
	  n=$$(basename $$f .txt | cut -c1-3); \
	  $(RELEASE_BIN) normalize --profile search $$f > seeds/expected/$$n.search.txt; \
	  $(RELEASE_BIN) tokenize $$f > seeds/expected/$$n.tokens.txt; \
	  $(RELEASE_BIN) clean $$f > seeds/expected/$$n.clean.txt; \
	  $(RELEASE_BIN) clean --explain-file /dev/stdout -o /dev/null $$f \
	    | grep -o '"line":[0-9]*,"start":[0-9]*,"end":[0-9]*,"rule":"[^"]*"' \
	    | sed -E 's/"line":([0-9]+),.*"rule":"([^"]*)"/\1\t\2/' > seeds/expected/$$n.removed.tsv; \
	done
	@git status --short seeds/expected

clean:
	rm -rf .build Benchmarks/.build $(OUT)

# Each concern's own targets (dist, wheel, eval, fuzz, docs, ...) live in mk/NAME.mk.
-include $(sort $(wildcard mk/*.mk))
