# Two commands on a fresh machine: `make run` and `make test`.
# Both bootstrap .venv on first use (and again when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench clean package deb package-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/qunzhong-desktop $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench migrations packaging
	$(BIN)/ruff format --check src tests bench migrations packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

# The tests' temporary folders on the RAM disk where the PC has a roomy one: the stores
# commit thousands of times with synchronous=FULL, and each commit waits for the disk
# (measured: a storage module 24.7 s on the disk, 13.2 s in /dev/shm, the same CPU). Not
# where /dev/shm is small (a container's 64 MB): there the disk it is.
TEST_TMP := $(shell $(PYTHON) -c "import os, shutil; d = '/dev/shm'; print(d if os.path.isdir(d) and os.access(d, os.W_OK) and shutil.disk_usage(d).free > 4 << 30 else '')" 2>/dev/null)
TEST_ENV := $(if $(TEST_TMP),TMPDIR=$(TEST_TMP)) PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen
# One test worker more than the PC has cores: a worker often waits — for its PostgreSQL
# server, a child process, a Qt timer — and the extra one fills those gaps (measured on 2
# cores: 5:36 with two workers, 4:01 with three, 4:27 with four)
WORKERS := $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)) + 1)" 2>/dev/null || echo auto)

# bytecode caches on even where the environment turns them off (PYTHONDONTWRITEBYTECODE):
# without them every worker, and every CLI a test starts, compiles and rewrites from source
test: lint
	$(TEST_ENV) $(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal $(PYTEST_ARGS)

# the edit loop: no lint, no slow tests (make test runs everything)
test-fast: $(STAMP)
	$(TEST_ENV) $(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal -m "not slow" $(PYTEST_ARGS)

bench: $(STAMP)
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

# Packages (extra targets, not set-up: see docs/packaging.md). PyInstaller comes from the
# `package` extra; the frozen one-folder build of both programs lands in dist/qunzhong-desktop.
PKG_STAMP := $(VENV)/.installed-package

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	    packaging/qunzhong.spec
	@du -sh dist/qunzhong-desktop

# the .deb for Kylin/UOS/Debian from that folder (dpkg-deb; needs `make package` first)
deb: package
	$(BIN)/python packaging/build_deb.py

# build both, install the .deb into a scratch root and run its programs without the venv
package-test: deb
	$(PYTHON) packaging/smoke_test.py --deb "$$($(BIN)/python packaging/build_deb.py --path-only)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
