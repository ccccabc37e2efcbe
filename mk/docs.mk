## make docs: the DocC catalogs of ArabicText and Boilerplate as a static site in $(DOCS_OUT)/
## (swift-docc-plugin 1.5.0; open $(DOCS_OUT)/index.html through any static web server).
## Measured: 12 s to 30 s (load of the shared 2-core machine) from a built tree, docc outputs removed (time make docs).
DOCS_OUT     ?= out/docs
DOCS_TARGETS := ArabicText Boilerplate

.PHONY: docs

docs: deps
	@rm -rf $(DOCS_OUT) && mkdir -p $(DOCS_OUT)
	@for target in $(DOCS_TARGETS); do \
	  echo "nazif: documentation for $$target"; \
	  $(SWIFT) package --allow-writing-to-directory $(DOCS_OUT) generate-documentation \
	    --target $$target --output-path $(DOCS_OUT)/$$target \
	    --transform-for-static-hosting --hosting-base-path $$target || exit 1; \
	done
	@printf '%s\n' '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Nazif documentation</title>' \
	  '<h1>Nazif documentation</h1><ul>' \
	  '<li><a href="ArabicText/documentation/arabictext/">ArabicText</a>: normalize, tokenize, transliterate, names</li>' \
	  '<li><a href="Boilerplate/documentation/boilerplate/">Boilerplate</a>: remove boilerplate, site templates, cleaning a corpus</li>' \
	  '</ul></html>' > $(DOCS_OUT)/index.html
	@echo "nazif: documentation in $(DOCS_OUT)/ (serve it: python3 -m http.server -d $(DOCS_OUT))"
