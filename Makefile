# hotline-gateway — the two commands a newcomer types:
#   make run    install missing Debian packages, build, start the gateway on config/gateway.json
#   make test   install missing Debian packages, build, run the whole ctest suite
# Also: make test-sanitize (ASan+UBSan build in its own directory), make format,
#   make test-fuzz (the mapping fuzzers, ~10 s each, clang build in build-fuzz) and
#   make fuzz (the same fuzzers for FUZZ_SECONDS each, default 60).

BUILD_DIR ?= build
SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
# The targets `make fuzz` runs (default: all that tests/fuzz registers)
FUZZ_TARGETS ?=
CONFIG ?= config/gateway.json
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CTEST_JOBS ?= $(JOBS)

.PHONY: all deps configure build run test test-sanitize fuzz-build test-fuzz fuzz format clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); \
	fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p var
	$(BUILD_DIR)/bin/hotline-gateway run --config $(CONFIG)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(CTEST_JOBS)

test-sanitize: deps
	@if [ ! -f $(SANITIZE_DIR)/build.ninja ]; then \
	  cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHOTLINE_SANITIZE=ON; \
	fi
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(CTEST_JOBS)

fuzz-build: deps
	@if [ ! -f $(FUZZ_DIR)/build.ninja ]; then \
	  cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DHOTLINE_FUZZ=ON; \
	fi
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_targets

# Each fuzz target for HOTLINE_FUZZ_SECONDS (10) under ctest; part of .ci/run.
test-fuzz: fuzz-build
	ctest --test-dir $(FUZZ_DIR) --output-on-failure -j $(CTEST_JOBS)

# Each fuzz target for FUZZ_SECONDS, one after the other, growing the corpus in $(FUZZ_DIR).
fuzz: fuzz-build
	@targets="$(FUZZ_TARGETS)"; \
	[ -n "$$targets" ] || targets=$$(ls $(FUZZ_DIR)/tests/fuzz/seeds); \
	for t in $$targets; do \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  dict=""; [ -f tests/fuzz/$$t.dict ] && dict="-dict=tests/fuzz/$$t.dict"; \
	  $(FUZZ_DIR)/bin/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/tests/fuzz/artifacts/ $$dict \
	    $(FUZZ_DIR)/tests/fuzz/corpus/$$t $(FUZZ_DIR)/tests/fuzz/seeds/$$t || exit 1; \
	done

format:
	clang-format -i $$(git ls-files '*.h' '*.cc' '*.c')

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
