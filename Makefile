# Two commands for a new user: `make run` and `make test`.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: run test setup bench screenshots translations clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]" --config-settings editable_mode=compat
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/neurocanvas

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen TF_CPP_MIN_LOG_LEVEL=2 $(PY) -m pytest -q

bench: $(STAMP)
	status=0; for b in bench/*.py; do echo "== $$b"; $(PY) $$b || status=1; done; exit $$status

translations: $(STAMP)
	$(PY) scripts/translations.py update

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info
