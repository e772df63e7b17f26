# The one place that knows how to set up, run, test and benchmark consult.
# `make run` and `make test` each do all the set-up on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app consult
PORT ?= 5000
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export TEST_DATABASE_URL
# pytest-xdist workers for `make test`, one per core of the project's 2-core machines; each
# works in a PostgreSQL database of its own beside TEST_DATABASE_URL's (test_gw0, test_gw1).
# A test module runs whole on one worker (its module-scoped fixtures are made once).
TEST_WORKERS ?= 2

.PHONY: run test install install-test lock translations lint chromium java bench clean

run: install instance/config.py translations
	chmod 600 instance/config.py
	CONSULT_ENV=development $(FLASK) db upgrade
	CONSULT_ENV=development $(FLASK) seed-demo --if-empty --demo-staff
	@echo
	@echo "  consult is at http://127.0.0.1:$(PORT)/"
	@echo "  Staff log in at http://127.0.0.1:$(PORT)/staff/login with one of these demo accounts"
	@echo "  (kept in instance/demo-staff.txt; add your own with"
	@echo "  '$(FLASK) create-user EMAIL --role admin'):"
	@sed 's/^/    /' instance/demo-staff.txt 2>/dev/null || true
	@echo
	@echo "  Long jobs (automatic coding, emergent themes) run in a worker started beside it."
	CONSULT_ENV=development $(FLASK) jobs work & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  CONSULT_ENV=development $(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install-test instance/config.py translations lint chromium java
	$(FLASK) translate check
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

bench: install-test instance/config.py translations
	$(BIN)/python bench/run_all.py

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Exact versions, each file checked against its hash (requirements/, written by `make lock`);
# then consult itself, editable, with nothing more.
$(VENV)/.installed: pyproject.toml requirements/main.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/main.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

# After changing the dependencies in pyproject.toml: pin them again, with hashes.
LOCK := pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock:
	test -x .venv-lock/bin/pip-compile || { $(PYTHON) -m venv .venv-lock && \
	  .venv-lock/bin/pip install --quiet pip-tools; }
	.venv-lock/bin/$(LOCK) --upgrade -o requirements/main.txt pyproject.toml
	.venv-lock/bin/$(LOCK) --upgrade --extra test -o requirements/test.txt pyproject.toml

# A random secret key for this machine, written once; instance/ is never committed.
instance/config.py:
	mkdir -p instance
	umask 077 && $(BIN)/python -c 'import secrets; print(f"SECRET_KEY = {secrets.token_hex(32)!r}")' > $@

translations:
	$(FLASK) translate compile

lint:
	$(BIN)/ruff check consult tests bench
	$(BIN)/ruff format --check consult tests bench

# Browser tests drive Debian's Chromium; never a browser download.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Chromium from your package manager:" \
	         "run 'sudo apt-get install chromium' (Debian/Ubuntu), then 'make test' again." >&2; \
	    exit 1; \
	  fi; }

# ODK Validate (the jar pyxform ships) checks every XLSForm export: it runs on Java.
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's Java runtime for ODK Validate"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else \
	    echo "The XLSForm tests run ODK Validate, which needs Java:" \
	         "run 'sudo apt-get install default-jre-headless', then 'make test' again." >&2; \
	    exit 1; \
	  fi; }

clean:
	rm -rf $(VENV) .venv-lock .pytest_cache .ruff_cache
