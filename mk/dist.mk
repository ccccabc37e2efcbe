# Distribution: the self-contained binary (make dist), installing it (make install PREFIX=...),
# and the Python wheel that carries it (make wheel). See docs/README-python.md.

PREFIX        ?= /usr/local
DIST_VERSION  := $(shell sed -n 's/^ *version: "\([^"]*\)".*/\1/p' Sources/nazif/Nazif.swift | head -n 1)
DIST_NAME     := nazif-$(DIST_VERSION)-linux-$(shell uname -m)
DIST_BIN      := dist/$(DIST_NAME)/nazif
PYTHON        ?= python3

.PHONY: dist dist-check install wheel

## The release binary with the Swift runtime and ICU inside, packed in dist/NAME/ and dist/NAME.tar.gz.
dist: deps
	Tools/dist/build_dist.sh $(SWIFT)

## ldd shows no libicu or libswift, and the binary cleans the seeds with no library path.
dist-check: dist
	Tools/dist/check_dist.sh $(DIST_BIN)

install: dist
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(DIST_BIN) $(DESTDIR)$(PREFIX)/bin/nazif
	@echo "nazif: installed $(DESTDIR)$(PREFIX)/bin/nazif"

## A platform wheel (dist/nazif-VERSION-py3-none-PLATFORM.whl) carrying the dist binary.
wheel: dist
	$(PYTHON) Tools/python/build_wheel.py --binary $(DIST_BIN) --out dist
