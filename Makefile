# Quản trị — the two set-up commands are `make run` and `make test` (see README).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test check lint format messages bench ci clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PYTHON)) / Python 3.11 is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/quantri demo

# The demo runs with production settings over plain http on loopback: QUANTRI_LOCAL_HTTP=1
# turns off the HTTPS redirect, HSTS and secure-only cookies that would block sign-in there.
# WhiteNoise serves the collected static files, as under gunicorn (docs/deployment.md).
run: demo
	QUANTRI_LOCAL_HTTP=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Quản trị: http://$(HOST):$(PORT)/"
	QUANTRI_LOCAL_HTTP=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

check: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# Two passes: the suite in two parallel workers, then the tests that commit for real (live
# server, transaction=True) serially, since their end empties the tables other tests rely on.
test: check
	$(BIN)/pytest -m "not transactional"
	$(BIN)/pytest -m transactional -n 0

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd quantri && ../$(BIN)/python ../manage.py makemessages -l vi -l en --no-obsolete
	$(BIN)/python scripts/compile_messages.py

bench: install
	$(BIN)/python bench/plan_scale.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var .pytest_cache
