# Kakari: the two commands that matter are `make run` and `make test`.
# Both install what is missing (scripts/setup.sh), build, then serve or test.

BUILD   := build
KAKARI  := $(BUILD)/src/app/kakari
DEMO_DB ?= demo.db
LISTEN  ?= 127.0.0.1:8080

.PHONY: run run-cluster test build setup native web fuzz bench bench-import bench-eligibility bench-http bench-cert bench-gmis bench-notices bench-stats bench-web help-screenshots clean

run: build
	@test -f $(DEMO_DB) || $(KAKARI) demo --scale small --db $(DEMO_DB)
	@bash scripts/demo-logins.sh $(LISTEN)
	$(KAKARI) serve --db $(DEMO_DB) --listen $(LISTEN) --web web/dist

# PostgreSQL, three servers and nginx on loopback (scripts/cluster.sh).
run-cluster: build
	bash scripts/cluster.sh

test: build
	ctest --preset default
	cd web && npx --no-install redocly lint --config ../redocly.yaml ../docs/openapi.yaml
	node --test tests/blackbox/
	bash scripts/blackbox-postgres.sh

build: setup native web

setup:
	@bash scripts/setup.sh

native:
	cmake --preset default >/dev/null
	cmake --build --preset default

web:
	cd web && npm run --silent build

# libFuzzer on every parser, FUZZ_SECONDS each (default 60); crashes land in fuzz/crashes/.
fuzz: setup
	bash scripts/fuzz.sh

bench: bench-import bench-eligibility bench-http bench-cert bench-gmis bench-notices bench-stats bench-web

bench-import: build
	bash bench/import_bench.sh

bench-eligibility: build
	bash bench/eligibility_bench.sh

bench-gmis: build
	bash bench/gmis_bench.sh

bench-notices: build
	bash bench/notice_bench.sh

bench-stats: build
	bash bench/stats_bench.sh

bench-http: build
	bash bench/http_bench.sh

clean:
	rm -rf $(BUILD) build-fuzz web/dist test-artifacts

bench-cert: build
	bash bench/cert_bench.sh

bench-web: build
	bash bench/web_weight.sh

# The help pages' pictures are the end-to-end test's screenshots: run it,
# then copy them into web/public/help/img (commit the result).
help-screenshots: build
	node --test tests/blackbox/e2e_web.test.mjs
	cp test-artifacts/help/*.png web/public/help/img/
