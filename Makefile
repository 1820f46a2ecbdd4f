# Support Console: `make run` opens the console, `make test` runs everything CI runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check lint pytest bench translations clean system-deps-run system-deps-test

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

## Open the console on the embedded database, with demo data on first run.
run: system-deps-run $(VENV)/.installed
	$(BIN)/support-console demo load --if-empty
	$(BIN)/support-console

## Lint, type-check, layering contracts, then the whole suite headless.
test: system-deps-test $(VENV)/.installed-test check pytest

check: $(VENV)/.installed-test
	$(BIN)/ruff check console tests bench migrations
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(VENV)/.installed-test
	@for b in bench/*.py; do [ "$$b" = bench/delay_proxy.py ] && continue; echo "== $$b"; $(BIN)/python $$b || exit 1; done

## Refresh the translation sources from the code (then translate with pyside6-linguist, compile with lrelease).
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(git ls-files 'console/*.py') -ts resources/translations/console_zh_TW.ts
	$(BIN)/pyside6-lrelease resources/translations/console_zh_TW.ts -qm resources/translations/console_zh_TW.qm

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
