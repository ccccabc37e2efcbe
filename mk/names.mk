# Names (issue 14): precision and recall of `nazif names find` on the seeds' gold list.
.PHONY: eval-names
eval-names:
	swift build --product nazif
	python3 Tools/names/eval_names.py --details
