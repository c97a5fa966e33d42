# marsad: the two commands of the README, and the other developer tasks.
# Every target bootstraps (installs missing Debian packages) and builds first.
#   make demo            ingest the bundled examples and show what was found
#   make test            build and run every test
#   make asan            the same tests under AddressSanitizer + UBSan
#   make fuzz SECONDS=N  run each libFuzzer target for N seconds
#   make eval            score quality on ../shared (docs/QUALITY.md)
#   make bench           run the benchmarks (docs/BENCHMARKS.md)
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SECONDS ?= 60
DEMO_DB ?= $(BUILD)/demo.db
CMAKE_FLAGS ?=

.PHONY: all bootstrap build demo test asan fuzz eval bench clean

all: build

bootstrap:
	@./scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo; echo '== marsad ingest examples/news: the bundled articles (text, HTML, JSON Lines, RSS)'
	@$(BUILD)/marsad --db $(DEMO_DB) ingest examples/news
	@echo; echo '== marsad list: the stored articles (id, date, outlet, title)'
	@$(BUILD)/marsad --db $(DEMO_DB) list
	@echo; echo '== marsad stories: the articles grouped by event'
	@$(BUILD)/marsad --db $(DEMO_DB) stories
	@echo; echo '== marsad entities: people, places and organisations, most mentioned first'
	@$(BUILD)/marsad --db $(DEMO_DB) entities --limit 10
	@echo; echo '== marsad figures --counts killed: the death tolls reported, by date'
	@$(BUILD)/marsad --db $(DEMO_DB) figures --counts killed
	@echo; echo '== marsad statements --stance deny: who denied what'
	@$(BUILD)/marsad --db $(DEMO_DB) statements --stance deny
	@echo; echo 'The database is $(DEMO_DB): try  $(BUILD)/marsad --db $(DEMO_DB) search مقتل'
	@echo '(or  story s1 --why,  entity موبتي,  serve).  marsad --help lists every command.'

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: bootstrap
	@$(MAKE) --no-print-directory test BUILD=build-asan CMAKE_FLAGS="-DCMAKE_BUILD_TYPE=Debug -DMARSAD_SANITIZE=ON -DCMAKE_C_COMPILER=clang"

fuzz: bootstrap
	@cmake -S . -B build-fuzz -DMARSAD_FUZZ=ON -DCMAKE_C_COMPILER=clang -DMARSAD_SANITIZE=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@./scripts/fuzz build-fuzz $(SECONDS)

eval: build
	@./scripts/eval $(BUILD)

bench: build
	@./scripts/bench $(BUILD)

clean:
	rm -rf build build-asan build-fuzz
