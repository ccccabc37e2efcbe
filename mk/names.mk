# Names (issue 14): precision and recall of `nazif names find` on the seeds' gold list.
.PHONY: eval-names
eval-names:
	swift build --product nazif
	python3 Tools/names/eval_names.py --details

## Pair matching (issue 14): `nazif names match` on real spelling variants and near-miss names,
## built at run time from ../shared/eval/names (Tools/names/eval_match.py); part of `make eval`.
.PHONY: eval-names-match
eval: eval-names-match
eval-names-match: build
	python3 Tools/names/eval_match.py --nazif $(RELEASE_BIN)
