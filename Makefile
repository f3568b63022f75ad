# Daicho developer and CI entry points. Every target sets up what it needs, so
# `make run` and `make test` work on a fresh Debian/Ubuntu machine (root or sudo).
#
#   make deps       system packages + ui/node_modules
#   make ui         build the web UI into ui/dist
#   make app        build the desktop binary with ui/dist embedded (tauri:// protocol)
#   make run        build and start the app on the default register (needs a display)
#   make lint       architecture rules, rustfmt, clippy (-D warnings), svelte-check + TypeScript
#   make test-core  core crate tests, then fail if ui/src/bindings or the mock fixtures are stale
#   make test-contract  the command list against capabilities, commands.ts, mock fixtures
#   make test-ui    vitest
#   make e2e        the real app under Xvfb via WebKitWebDriver (tests/e2e)
#   make test       all of the above, cheapest first, stopping at the first failure
#   make faults     kill -9 at random points of demo, import, backup, restore: 100 runs each
#   make bench      the printed ledger of 1,000 holdings, then the scale run (release)
#   make icons      regenerate icons/*.png, .ico, .icns from icons/icon.svg
#   make package    release build, then the .deb (app + CLI + font) with Tauri's bundler
#   make test-package  the .deb installed into a fresh Debian root without Japanese fonts
#   make licences   regenerate the About screen's list of bundled components' licences

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Stages must run in the order given; `make -j` must not reorder them.
.NOTPARALLEL:

CARGO ?= cargo
NPM ?= npm
NODE ?= node
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
# Debug profile: the e2e suite needs the embedded UI, not optimised code, and a debug
# build of the Tauri tree is much faster on a 2-core machine.
APP_BIN := $(TARGET_DIR)/debug/daicho-app
APP_CARGO_FLAGS := -p daicho-app --features daicho-app/custom-protocol
BINDINGS := ui/src/bindings
# The core's recorded answers the UI mock replays (tests/mock_fixtures.rs).
FIXTURES := ui/src/mock/fixtures
GENERATED := $(BINDINGS) $(FIXTURES)

stage = @echo "==> [$$(date +%T)] $(1)"

.PHONY: help deps system-deps ui app run check-display lint test-core test-contract test-ui e2e test icons bench faults \
  package test-package licences

help:
	@sed -n '3,20s/^# \{0,1\}//p' Makefile

system-deps:
	$(call stage,system packages)
	@bash scripts/install-system-deps.sh

# npm writes node_modules/.package-lock.json; reinstall only when the lockfile is newer.
ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	$(call stage,npm ci (ui))
	$(NPM) ci --prefix ui --no-audit --no-fund
	@touch $@

deps: system-deps ui/node_modules/.package-lock.json

# Rebuild ui/dist only when an input changed: a new ui/dist makes cargo re-embed it
# (src-tauri/build.rs), which recompiles the app crate.
UI_INPUTS := $(shell find ui/src ui/public -type f 2>/dev/null) \
  $(wildcard ui/index.html ui/vite.config.ts ui/svelte.config.js ui/tsconfig.json ui/package-lock.json)

ui/dist/index.html: $(UI_INPUTS) | deps
	$(call stage,build UI)
	$(NPM) --prefix ui run build

ui: deps ui/dist/index.html

# The CLI is built in the same cargo run as the app (the e2e suite prepares registers with
# it): built on its own, its different feature set would compile Typst and the core again.
app: ui
	$(call stage,build app ($(APP_BIN)) and CLI)
	$(CARGO) build $(APP_CARGO_FLAGS) -p daicho --bins

check-display:
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "make run: no \$$DISPLAY or \$$WAYLAND_DISPLAY; the app needs a graphical session." >&2; \
	  echo "  Headless (nothing visible, useful as a start-up check):" >&2; \
	  echo "    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- make run" >&2; \
	  echo "  Automated UI checks: make e2e" >&2; \
	  exit 1; \
	fi

run: check-display app
	$(call stage,start $(APP_BIN))
	$(APP_BIN)

# clippy needs ui/dist: tauri's generate_context! reads frontendDist at compile time.
# Same features as `app`, so the two builds share build-script outputs.
lint: ui
	$(call stage,architecture rules (docs/architecture.md))
	$(NODE) scripts/check-architecture.mjs --self-test
	$(NODE) scripts/check-architecture.mjs
	$(call stage,rustfmt)
	$(CARGO) fmt --all --check
	$(call stage,svelte-check + TypeScript)
	$(NPM) --prefix ui run check
	$(call stage,clippy)
	$(CARGO) clippy --workspace --all-targets --features daicho-app/custom-protocol -- -D warnings

# The root package only (default-members); it needs no WebKit. ts-rs writes the
# TypeScript bindings into ui/src/bindings while the tests run (.cargo/config.toml), and
# tests/mock_fixtures.rs writes the answers the UI mock replays into ui/src/mock/fixtures.
test-core: deps
	$(call stage,core tests)
	@if $(CARGO) nextest --version >/dev/null 2>&1; then \
	  echo "+ $(CARGO) nextest run"; $(CARGO) nextest run; \
	  echo "+ $(CARGO) test --doc"; $(CARGO) test --doc; \
	else \
	  echo "+ $(CARGO) test"; $(CARGO) test; \
	fi
	$(call stage,generated bindings and mock fixtures are committed and current)
	@if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  echo "not a git checkout: skipping the $(GENERATED) freshness check"; \
	elif [ -n "$$(git status --porcelain --untracked-files=all -- $(GENERATED))" ]; then \
	  echo "ERROR: $(GENERATED) differs from the commit (stale or new ts-rs bindings or mock fixtures):" >&2; \
	  git status --porcelain --untracked-files=all -- $(GENERATED) >&2; \
	  git --no-pager diff --stat -- $(GENERATED) >&2; \
	  echo "Run 'make test-core' locally and commit $(GENERATED)." >&2; \
	  exit 1; \
	fi

# The command contract (src-tauri/src/contract.rs). It needs the app crate, so it runs with
# the features of `app` and shares that build with `e2e`; `--lib` skips the binary's empty
# test harness and the doc tests, which would only add link time.
test-contract: ui
	$(call stage,command contract)
	$(CARGO) test $(APP_CARGO_FLAGS) --lib

test-ui: deps
	$(call stage,UI unit tests)
	$(NPM) --prefix ui run test

e2e: app
	$(call stage,end-to-end (Xvfb + WebKitWebDriver))
	APP_BIN="$(abspath $(APP_BIN))" $(NODE) tests/e2e/run.mjs

# Cheapest first; make stops at the first failing stage.
test: deps lint test-ui test-core test-contract e2e

icons:
	bash scripts/gen-icons.sh

# A release build: the target is under 1 s for the Japanese PDF on a 2-core machine.
# The scale section (issue 20) times the release CLI on generated registers of several sizes
# (SCALE_SIZES, SCALE_RUNS; see scripts/bench-scale.sh); figures go in docs/performance.md.
bench: system-deps
	$(call stage,print benchmark (release build))
	$(CARGO) bench --bench print
	$(call stage,scale benchmark (release CLI))
	$(CARGO) build --release -p daicho --bin daicho
	bash scripts/bench-scale.sh "$(TARGET_DIR)/release/daicho"

# The fault runs of tests/faults.rs at full length (a few of each run in `make test`).
faults: deps
	$(call stage,fault runs (100 kills each of demo, import, backup, restore))
	DAICHO_FAULT_RUNS=$${DAICHO_FAULT_RUNS:-100} $(CARGO) nextest run --test core --no-capture faults::

# ---- packages (issue 18; docs/administration.md) ----------------------------------------------
# The Tauri CLI comes from npm (ui/package.json, pinned by ui/package-lock.json) as a prebuilt
# binary, so packaging needs no `cargo install`.
TAURI := $(abspath ui/node_modules/.bin/tauri)
BUNDLE_DIR := $(TARGET_DIR)/release/bundle
# Debian packages only: Tauri's AppImage bundler downloads linuxdeploy from GitHub at build time,
# which this project's machines cannot reach (docs/administration.md, "Packages").
PACKAGE_BUNDLES ?= deb
# The CLI goes into the .deb beside the app; its path depends on CARGO_TARGET_DIR, so it is
# added here rather than in tauri.conf.json.
PACKAGE_CONFIG := {"bundle":{"linux":{"deb":{"files":{"/usr/bin/daicho":"$(abspath $(TARGET_DIR))/release/daicho"}}}}}

licences: deps
	$(call stage,licences of bundled components (ui/src/shell/licences.json))
	$(NODE) scripts/licences.mjs

# One cargo run builds the app and the CLI with the same features (as `app` does), then
# `tauri bundle` packages the binaries already built. The UI is rebuilt every time: its About
# screen shows the git commit, which no file dependency of ui/dist/index.html tracks.
package: deps
	$(call stage,build UI (for this commit))
	$(NPM) --prefix ui run build
	$(call stage,licence list is current)
	$(NODE) scripts/licences.mjs --check
	$(call stage,bundled font)
	bash scripts/stage-fonts.sh
	$(call stage,release build of the app and the CLI)
	$(CARGO) build --release $(APP_CARGO_FLAGS) -p daicho --bins
	$(call stage,bundle ($(PACKAGE_BUNDLES)))
	cd src-tauri && $(TAURI) bundle --bundles $(PACKAGE_BUNDLES) --config '$(PACKAGE_CONFIG)'
	@ls -l $(BUNDLE_DIR)/deb/*.deb
	@dpkg-deb --info $(BUNDLE_DIR)/deb/*.deb | sed -n '/Package:/,$$p'
	@dpkg-deb --contents $(BUNDLE_DIR)/deb/*.deb | awk '{print $$3, $$6}'

# Not part of `make test`: it downloads a Debian root and the app's libraries (several minutes).
test-package:
	$(call stage,clean-machine test of the .deb)
	@deb=$$(ls -t $(BUNDLE_DIR)/deb/*.deb 2>/dev/null | head -1); \
	if [ -z "$$deb" ]; then echo "no .deb in $(BUNDLE_DIR)/deb: run make package first" >&2; exit 1; fi; \
	time bash scripts/test-package.sh "$$deb" "$(TARGET_DIR)/package-test"
