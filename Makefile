# The two commands of the README, for a fresh Debian 12 machine:
#   make run    installs what is missing, builds, opens the example project
#   make test   installs what is missing, builds, runs every test suite
# Everything else is meson; this file only strings the steps together.

BUILD    ?= build
ASAN     ?= build-asan
FUZZ     ?= build-fuzz
MESON    ?= meson
XVFB     := xvfb-run -a -s "-screen 0 1280x800x24"
EXAMPLE  := resources/examples/insulin-pump.bulwark
OUT      := $(BUILD)/run-output

.PHONY: all deps test-deps build run test test-asan bench fuzz screenshots clean

all: build

deps:
	@tools/install-deps.sh build

test-deps:
	@tools/install-deps.sh test

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=debugoptimized

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

# With a display, the app on the built-in example; without one, the
# headless path: validate, summarise and draw the example with the CLI,
# and write its final report as HTML and PDF.
run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/app/bulwark --example; \
	else \
	  mkdir -p $(OUT); \
	  echo "No display: running bulwark-cli on the example instead."; \
	  $(BUILD)/app/cli/bulwark-cli validate $(EXAMPLE) && echo "validate: OK"; \
	  $(BUILD)/app/cli/bulwark-cli info $(EXAMPLE) | tee $(OUT)/info.txt; \
	  for d in D-1 D-2; do \
	    $(BUILD)/app/cli/bulwark-cli render $(EXAMPLE) --diagram $$d -o $(OUT)/$$d.svg || exit 1; \
	    $(BUILD)/app/cli/bulwark-cli render $(EXAMPLE) --diagram $$d -o $(OUT)/$$d.png || exit 1; \
	  done; \
	  $(BUILD)/app/cli/bulwark-cli report $(EXAMPLE) --document final --format html -o $(OUT)/final-report.html || exit 1; \
	  $(BUILD)/app/cli/bulwark-cli report $(EXAMPLE) --document final --format pdf -o $(OUT)/final-report.pdf || exit 1; \
	  echo "Output written to $(abspath $(OUT)): info.txt, D-1.svg, D-1.png, D-2.svg, D-2.png, final-report.html, final-report.pdf"; \
	fi

test: test-deps build
	@mkdir -p $(BUILD)/tmp
	@TMPDIR=$(abspath $(BUILD)/tmp) $(XVFB) $(MESON) test -C $(BUILD) --print-errorlogs --num-processes 2; \
	  status=$$?; tools/test-summary.py $(BUILD)/meson-logs/testlog.json; exit $$status

# The metainfo's screenshots: the example on each page, under Xvfb.
screenshots: test-deps build
	xvfb-run -a -s "-screen 0 1920x1080x24" env GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
	  GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/tests/ui/take-screenshots data/screenshots

# The same tests built with AddressSanitizer and UBSan (CI runs this too).
$(ASAN)/build.ninja:
	$(MESON) setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug

test-asan: test-deps $(ASAN)/build.ninja
	ninja -C $(ASAN)
	@mkdir -p $(ASAN)/tmp
	@TMPDIR=$(abspath $(ASAN)/tmp) $(XVFB) $(MESON) test -C $(ASAN) --print-errorlogs --num-processes 2 \
	  --no-suite no-sanitizer --timeout-multiplier 5; \
	  status=$$?; tools/test-summary.py $(ASAN)/meson-logs/testlog.json; exit $$status

# Every benchmark program prints `bench: NAME VALUE UNIT` lines; each area
# of the app has its own (tests/bench/bench-*.c), all on synthetic(N).
bench: build
	@status=0; for b in $(BUILD)/tests/bench/bench $(BUILD)/tests/bench/bench-*; do \
	  case "$$b" in *.p|*.o) continue ;; esac; \
	  [ -x "$$b" ] || continue; "$$b" || status=1; \
	done; exit $$status

# libFuzzer on the loader (clang, ASan+UBSan), 60 s unless FUZZ_SECONDS says.
fuzz: test-deps
	BUILD_FUZZ=$(abspath $(FUZZ)) tests/fuzz/run-fuzz.sh $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
