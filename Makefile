# Two commands matter: `make run` and `make test`. Both install what is
# missing (scripts/setup.sh), build, and then serve or test.
MAKEFLAGS  += --no-print-directory
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
DATA_DIR   ?= var
LISTEN     ?= 127.0.0.1:8080
LUISTER    := $(BUILD)/luister

.PHONY: all setup configure build build-server run test bench format clean

all: build

setup:
	@scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

build-server: configure
	@cmake --build $(BUILD) -j $(JOBS) --target luister

run: build-server
	@$(LUISTER) migrate --data-dir $(DATA_DIR)
	@$(LUISTER) demo --if-empty --data-dir $(DATA_DIR)
	@echo "Open http://$(LISTEN) and log in as admin@luister.local / welkom-bij-luister"
	@$(LUISTER) serve --data-dir $(DATA_DIR) --listen $(LISTEN)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

bench:
	@scripts/setup.sh --bench
	@cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DLUISTER_BUILD_BENCH=ON -DLUISTER_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-bench -j $(JOBS)
	@bench/run.sh build-bench

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) build-bench
