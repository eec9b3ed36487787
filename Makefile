# sitrep: the two commands of the README, and the pieces they are made of.
BUILD ?= build
JOBS ?= $(shell nproc)
export CCACHE_BASEDIR ?= $(CURDIR)
CMAKE_FLAGS ?=

.PHONY: setup configure build demo test bench fuzz asan clean

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

# The whole test suite under ASan+UBSan (build-asan); see doc/RELIABILITY.md.
asan:
# Speed tests are skipped: sanitizers slow code 3-10x, so their floors fail.
	@UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 GTEST_FILTER='-*.Speed*' \
	  $(MAKE) test BUILD=build-asan \
	  CMAKE_FLAGS="-DSITREP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo"

# Each libFuzzer target for FUZZ_SECONDS (clang, build-fuzz); crashes land in
# build-fuzz/crashes/. See fuzz/run.sh and doc/RELIABILITY.md.
FUZZ_SECONDS ?= 60
fuzz: setup
	@fuzz/run.sh --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-asan

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
