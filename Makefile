# sitrep: the two commands of the README, and the pieces they are made of.
BUILD ?= build
JOBS ?= $(shell nproc)
export CCACHE_BASEDIR ?= $(CURDIR)
# Debug builds hash the build directory unless told not to: without this a
# clean clone never reuses the cache for build-san.
export CCACHE_NOHASHDIR ?= 1
CMAKE_FLAGS ?=

.PHONY: setup configure build demo test bench fuzz asan ci clean

setup:
	@scripts/setup

configure: setup
	@if [ ! -f $(BUILD)/build.ninja ]; then \
	  cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null; fi

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# One clang build (build-san) serves the sanitised suite and the fuzzers:
# everything compiled with ASan+UBSan and libFuzzer coverage
# (-fsanitize=fuzzer-no-link); test binaries and sitrep link the sanitizers
# only, fuzz/*_fuzzer also the libFuzzer runtime. See doc/RELIABILITY.md.
SAN_BUILD ?= build-san
SAN_FLAGS = -DCMAKE_CXX_COMPILER=clang++ -DSITREP_FUZZ=ON -DSITREP_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g"

# The whole test suite under ASan+UBSan, plus the fuzz regressions.
asan: setup
	@fuzz/setup_clang.sh
	@UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(MAKE) test BUILD=$(SAN_BUILD) CMAKE_FLAGS='$(SAN_FLAGS)'

# Each libFuzzer target for FUZZ_SECONDS, FUZZ_JOBS at a time; crashes land
# in build-san/crashes/. See fuzz/run.sh.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= $(JOBS)
fuzz: setup
	@fuzz/setup_clang.sh
	@if [ ! -f $(SAN_BUILD)/build.ninja ]; then \
	  cmake -S . -B $(SAN_BUILD) -G Ninja $(SAN_FLAGS) >/dev/null; fi
	@fuzz/run.sh --seconds $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS) \
	  --build-dir $(SAN_BUILD)

# CI (.ci/run): the sanitised suite, every fuzzer for 60 s, then `make test`.
ci:
	@bash .ci/run

clean:
	rm -rf $(BUILD) $(SAN_BUILD)

# Loopback load test of `sitrep serve` (wrk, 64 connections, 30 s); see
# bench/load.sh. LOAD_ARTICLES > 0 adds that many synthetic articles.
LOAD_ARTICLES ?= 0
.PHONY: load
load: build
	@bench/load.sh $(BUILD)/sitrep 30 64 $(LOAD_ARTICLES)

# Benchmark suite (bench/run.py): stage micro-benchmarks, whole pipeline on
# generated corpora, incremental ingest, near-dup vs exact, peers
# (Readability, chrono-node). Release build in build-bench; about 10 min.
# BENCH_SCALE=100k or 1m adds the larger corpora (each run capped at 600 s).
BENCH_BUILD ?= build-bench
BENCH_SCALE ?= 10k
bench: setup
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BENCH_BUILD) --target bench_all -j $(JOBS)
	@python3 bench/run.py --build $(BENCH_BUILD) --scale $(BENCH_SCALE)
