# libFuzzer harnesses (Fuzz/, issue 16). `make fuzz` runs each target FUZZ_SECONDS seconds
# (default 60); `make fuzz-smoke` 5 s each (12 targets: about 1 min 45 s with the build on 2
# cores), for CI.
FUZZ_SECONDS ?= 60

.PHONY: fuzz fuzz-smoke
fuzz:
	Tools/reliability/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke:
	Tools/reliability/fuzz.sh 5
