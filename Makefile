# Two commands matter: `make run` (the site with demo content) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
# The browser tests (tests/browser) drive Debian's Chromium: Playwright cannot download its own here.
CHROMIUM := /usr/bin/chromium
# The Nu HTML Checker (the W3C's validator) checks the reader pages; it runs on Java.
VNU_VERSION := 26.9.27
VNU := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run serve test browser validator lint fmt install clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
		{ echo "Newsroom needs Python 3.12 or newer; '$(PYTHON)' is $$($(PYTHON) --version). Try: make PYTHON=python3.12 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	@touch $@

install: $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	DJANGO_DEBUG=true $(BIN)/python manage.py demo_admin --address $(ADDRESS)
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver $(ADDRESS)

# The site as production runs it (README, "Serving in production"): DEBUG off, static
# files collected under hashed names with compressed copies and served by WhiteNoise,
# gunicorn workers (newsroom/gunicorn.conf.py). On plain HTTP on this machine, so the
# app serves media/ itself, and cookies are kept to HTTPS only on a loopback address,
# which browsers count as secure (elsewhere they would not be sent back at all).
SERVE_SECURE_COOKIES ?= $(if $(filter 127.0.0.1:% localhost:%,$(ADDRESS)),true,false)
serve: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=false DJANGO_SECURE_COOKIES=$(SERVE_SECURE_COOKIES) NEWSROOM_SERVE_MEDIA=true \
		NEWSROOM_BIND=$(ADDRESS) $(BIN)/gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi

test: $(INSTALLED) browser validator varnish
	$(BIN)/python -m pytest

browser: $(CHROMIUM)

validator: $(VNU)

$(VNU):
	@command -v java > /dev/null || { \
		if [ "$$(id -u)" -eq 0 ]; then \
			echo "Installing Java for the Nu HTML Checker"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
		else \
			echo "java is missing, so the HTML validity test will be skipped. Install it with: sudo apt-get install default-jre-headless"; \
		fi; }
	@command -v npm > /dev/null || { \
		if [ "$$(id -u)" -eq 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; \
		fi; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)

$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ]; then \
		echo "Installing Chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "$(CHROMIUM) is missing, so the browser tests will be skipped. Install it with: sudo apt-get install chromium"; \
	fi

# The Varnish tests (tests/varnish) start Debian's Varnish with varnish-modules' xkey.
.PHONY: varnish
varnish:
	@dpkg -s varnish varnish-modules > /dev/null 2>&1 || { \
		if [ "$$(id -u)" -eq 0 ]; then \
			echo "Installing Varnish for the HTTP cache tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules; \
		else \
			echo "Varnish is missing, so the Varnish tests will be skipped. Install it with: sudo apt-get install varnish varnish-modules"; \
		fi; }

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

fmt: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info test-results

# Site search latency on 10,000 stories, on a throw-away SQLite file and a throw-away
# PostgreSQL database (made and dropped on BENCH_POSTGRES, a server where you may create
# databases). Prints the median and 95th percentile of each query, with connections
# kept open between requests as a production site keeps them (DJANGO_CONN_MAX_AGE).
BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432
.PHONY: bench-search
bench-search: $(INSTALLED)
	@set -e; dir=$$(mktemp -d); db=newsroom_bench_search_$$$$; \
	trap 'dropdb --if-exists --maintenance-db="$(BENCH_POSTGRES)/postgres" $$db; rm -rf "$$dir"' EXIT; \
	export NEWSROOM_MEDIA_ROOT="$$dir/media" NEWSROOM_ORIGINALS_ROOT="$$dir/originals"; \
	export DJANGO_CONN_MAX_AGE=60 DJANGO_LOG_LEVEL=WARNING; \
	$(BIN)/python manage.py collectstatic --noinput -v0; \
	echo "== SQLite"; \
	export DATABASE_URL="sqlite:///$$dir/bench.sqlite3"; \
	$(BIN)/python manage.py migrate --noinput -v0; \
	$(BIN)/python manage.py benchmark_search; \
	echo "== PostgreSQL"; \
	createdb --maintenance-db="$(BENCH_POSTGRES)/postgres" $$db; \
	export DATABASE_URL="$(BENCH_POSTGRES)/$$db"; \
	$(BIN)/python manage.py migrate --noinput -v0; \
	$(BIN)/python manage.py benchmark_search

# The Mozilla HTTP Observatory's score of a running site's headers (README, "Security"),
# with and without its two TLS tests: `make serve` in another terminal, then this.
OBSERVATORY_URLS ?= http://$(ADDRESS)/ http://$(ADDRESS)/$(or $(DJANGO_ADMIN_URL),admin/)login/
OBSERVATORY := $(VENV)/observatory
.PHONY: observatory
observatory:
	@test -d $(OBSERVATORY)/node_modules/@mdn/mdn-http-observatory || { \
		npm install --silent --prefix $(OBSERVATORY) --ignore-scripts --no-audit --no-fund \
			@mdn/mdn-http-observatory@1.4.8 && \
		echo '{}' > $(OBSERVATORY)/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json; }
	@cp bench/observatory.mjs $(OBSERVATORY)/
	@for url in $(OBSERVATORY_URLS); do node $(OBSERVATORY)/observatory.mjs $$url || exit 1; done

# The site at scale (README, "Benchmarks"): seeds 10,000 stories, 20,000 images and 500
# tags into a throw-away SQLite file (bench-postgres: a throw-away database on
# BENCH_POSTGRES) and prints queries and times of every kind of page, instructions per
# request (valgrind), and requests per second under gunicorn beside a trivial WSGI app
# (wrk), each with the command that reproduces it. BENCH_ARGS=--quick: a short check;
# BENCH_ARGS=--keep: keep the database for those commands.
BENCH_ARGS ?=
.PHONY: bench bench-postgres loadtest
bench: $(INSTALLED)
	$(call debian_tool,wrk)
	$(call debian_tool,valgrind)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

bench-postgres: $(INSTALLED)
	$(call debian_tool,wrk)
	$(call debian_tool,valgrind)
	$(BIN)/python bench/run.py --postgres $(BENCH_POSTGRES) $(BENCH_ARGS)

# The load test (tests/load, a few minutes): 64 connections for a minute on the article
# page without an error, then PostgreSQL restarted under load (a cluster the test starts
# itself): only 503s with Retry-After while it is down, and the site back by itself.
loadtest: $(INSTALLED)
	$(call debian_tool,wrk)
	$(BIN)/python -m pytest -m load -s tests/load

# A command from Debian's package of the same name: installed when missing, as root.
define debian_tool
	@command -v $(1) > /dev/null || { \
		if [ "$$(id -u)" -eq 0 ]; then \
			echo "Installing $(1)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
		else \
			echo "$(1) is missing. Install it with: sudo apt-get install $(1)"; exit 1; \
		fi; }
endef
