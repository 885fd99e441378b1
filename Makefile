# Two commands matter: `make run` (the site with demo content) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
# The browser tests (tests/browser) drive Debian's Chromium: Playwright cannot download its own here.
CHROMIUM := /usr/bin/chromium

.PHONY: run test browser lint fmt install clean

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

test: $(INSTALLED) browser
	$(BIN)/python -m pytest

browser: $(CHROMIUM)

$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ]; then \
		echo "Installing Chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "$(CHROMIUM) is missing, so the browser tests will be skipped. Install it with: sudo apt-get install chromium"; \
	fi

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

fmt: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info test-results
