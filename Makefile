# Two commands matter: `make run` and `make test`. Both install what is
# missing (scripts/setup.sh), build (the server and the web app in web/), and
# then serve or test.
MAKEFLAGS  += --no-print-directory
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
DATA_DIR   ?= var
LISTEN     ?= 127.0.0.1:8080
LUISTER    := $(BUILD)/luister
# npm writes node_modules/.package-lock.json at the end of every install, so
# it is older than package-lock.json exactly when the lockfile changed since.
WEB_DEPS   := web/node_modules/.package-lock.json

.PHONY: all setup configure build build-server web run test bench format clean

all: build

setup:
	@scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null

build: configure web
	@cmake --build $(BUILD) -j $(JOBS)

build-server: configure
	@cmake --build $(BUILD) -j $(JOBS) --target luister

# The web app (web/dist): install its packages when missing or out of date,
# lint, type-check and bundle.
web: setup $(WEB_DEPS)
	@cd web && npm run --silent lint && npm run --silent build

$(WEB_DEPS): web/package-lock.json | setup
	@cd web && npm ci --no-audit --no-fund

run: build-server web
	@$(LUISTER) migrate --data-dir $(DATA_DIR)
	@$(LUISTER) demo --if-empty --data-dir $(DATA_DIR)
	@echo "Open http://$(LISTEN) and log in as admin@luister.local / welkom-bij-luister"
	@$(LUISTER) serve --data-dir $(DATA_DIR) --listen $(LISTEN) --web-dir web/dist

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
	@rm -rf $(BUILD) build-bench web/dist
