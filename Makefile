# irate — a plain Makefile.  `make` builds ./irate, `make check` runs every
# test, `make run` starts the program.  V=1 shows full command lines; CI=true
# (or WERROR=1) turns warnings into errors.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(PREFIX)/bin
DATADIR   := $(PREFIX)/share/irate
MANDIR    := $(PREFIX)/share/man

CC        ?= cc
PKG       := ncursesw libcjson
WARN      := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wpointer-arith -Wvla
ifneq ($(filter true 1,$(CI) $(WERROR)),)
WARN      += -Werror
endif
OPT       ?= -O2 -g
CFLAGS    ?=
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -DIRATE_VERSION='"$(VERSION)"' \
             -DIRATE_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = -std=c11 $(OPT) $(WARN) -MMD -MP $(SAN) $(CFLAGS)
CORE_LIBS := $(shell pkg-config --libs libcjson 2>/dev/null || echo -lcjson) -lstemmer -lm
UI_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
UI_CFLAGS := $(shell pkg-config --cflags ncursesw 2>/dev/null)
CHECK_LIBS:= $(shell pkg-config --libs check 2>/dev/null || echo -lcheck)

# Build directory: sanitizer builds live apart so they never mix objects.
B         ?= build

ifeq ($(V),1)
Q :=
else
Q := @
endif

# The core (everything a test or `irate grade` needs) never includes curses:
# src/ui_*.c are the terminal interface, src/cmd_*.c and src/main.c the
# command line; every other src/*.c goes into the core library.
UI_SRC    := $(wildcard src/ui_*.c)
CMD_SRC   := $(wildcard src/cmd_*.c) src/main.c
CORE_SRC  := $(filter-out $(UI_SRC) $(CMD_SRC),$(wildcard src/*.c))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(B)/src/%.o)
APP_OBJ   := $(UI_SRC:src/%.c=$(B)/src/%.o) $(CMD_SRC:src/%.c=$(B)/src/%.o)
CORE_LIB  := $(B)/libirate.a

TEST_SRC  := $(wildcard tests/test_*.c)
TEST_BIN  := $(TEST_SRC:tests/%.c=$(B)/tests/%)
TEST_LIB  := $(B)/tests/lib.o
TOOL_SRC  := $(wildcard tools/*.c)
TOOL_BIN  := $(TOOL_SRC:tools/%.c=$(B)/tools/%)
FUZZ_SRC  := $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN  := $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%)
FUZZ_SECONDS ?= 60

ifeq ($(B),build)
IRATE     := irate
else
IRATE     := $(B)/irate
endif

.PHONY: all deps test-deps run check check-unit check-e2e check-asan eval model bench \
        check-valgrind valgrind-deps install uninstall clean tools lint-scenarios \
        fuzz fuzz-deps fuzz-targets

all: deps $(IRATE)

deps:
	@./scripts/install-deps build

test-deps:
	@./scripts/install-deps all

$(IRATE): $(APP_OBJ) $(CORE_LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(CORE_LIB) $(UI_LIBS) $(CORE_LIBS)

$(CORE_LIB): $(CORE_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/src/ui_%.o: src/ui_%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(UI_CFLAGS) -c -o $@ $<

$(B)/src/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(TEST_LIB) $(CORE_LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CHECK_LIBS) $(CORE_LIBS)

$(B)/tools/%.o: tools/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c -o $@ $<

$(B)/tools/%: $(B)/tools/%.o $(CORE_LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CORE_LIBS)

tools: $(TOOL_BIN)

run: all
	./irate

# Unit suites run from the source tree so they find assets/ and scenarios/.
check: test-deps
	$(Q)$(MAKE) --no-print-directory check-unit check-e2e

check-unit: $(TEST_BIN) $(IRATE)
	@./tests/run-unit $(TEST_BIN)

# E2E_IRATE: what the end-to-end tests run as irate (check-valgrind: a wrapper).
E2E_IRATE ?= $(abspath $(IRATE))
check-e2e: $(IRATE) $(TOOL_BIN)
	@IRATE=$(E2E_IRATE) ./tests/run-e2e

check-asan: test-deps
	$(Q)$(MAKE) --no-print-directory B=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" check-unit check-e2e

# The whole of `make check` under valgrind memcheck, built apart in
# build-valgrind without sanitizers (they do not mix with valgrind).  Any
# memcheck error and any definite, indirect or possible leak fails it.  The
# unit suites run through tests/valgrind-memcheck with CK_FORK=no, so the
# test itself is the process valgrind watches (exit 99 on a finding).  The
# end-to-end tests run irate as tests/valgrind-irate, which writes each
# run's report to a file in build-valgrind/valgrind-logs, so the tests see
# only irate's output; any log that is not empty fails the target and is
# printed (the first ten in full, the rest by name).  -k: the end-to-end
# tests run even when a unit suite fails.  Suppressions (third-party code
# only, each with its reason): tests/valgrind.supp.  About six minutes on
# two cores, so not in .ci/run.
# Skipped: tests/e2e/install.sh, which tests `make install` and runs the
# installed copy of ./irate, never $IRATE, so it has nothing for valgrind.
VG_LOGS := build-valgrind/valgrind-logs
check-valgrind: valgrind-deps
	$(Q)rm -rf $(VG_LOGS)
	$(Q)rc=0; $(MAKE) -k --no-print-directory B=build-valgrind OPT="-O1 -g" \
	  UNIT_WRAPPER=$(CURDIR)/tests/valgrind-memcheck CK_FORK=no \
	  E2E_IRATE=$(CURDIR)/tests/valgrind-irate VALGRIND_IRATE=$(CURDIR)/build-valgrind/irate \
	  VALGRIND_IRATE_LOGS=$(CURDIR)/$(VG_LOGS) E2E_SKIP=install.sh check-unit check-e2e || rc=$$?; \
	runs=$$(find $(VG_LOGS) -type f 2>/dev/null | wc -l); \
	bad=$$(find $(VG_LOGS) -type f -size +0 2>/dev/null | sort); \
	n=0; for f in $$bad; do n=$$((n + 1)); echo "==== $$f"; \
	  if [ $$n -le 10 ]; then cat "$$f"; fi; done; \
	echo "valgrind: $$runs irate runs in the end-to-end tests, $$(echo $$bad | wc -w) with errors or leaks"; \
	[ "$$runs" -gt 0 ] && [ -z "$$bad" ] && exit $$rc; exit 1

valgrind-deps:
	@./scripts/install-deps valgrind

# libFuzzer targets (clang), built apart in build-fuzz with ASan+UBSan; each
# runs FUZZ_SECONDS over seeds made from the shipped files (fuzz/run.sh).
fuzz: fuzz-deps
	$(Q)$(MAKE) --no-print-directory B=build-fuzz CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" fuzz-targets
	@./fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

fuzz-deps:
	@./scripts/install-deps fuzz

fuzz-targets: $(FUZZ_BIN)

$(B)/fuzz/%.o: fuzz/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c -o $@ $<

$(B)/fuzz/fuzz_%: $(B)/fuzz/fuzz_%.o $(B)/fuzz/scratch.o $(CORE_LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(CORE_LIBS)

# The labelled dev set (V=1 lists disagreements), then our own fresh sets:
# tune*.jsonl (may be used to find misses), holdout*.jsonl
# (measurement only: their disagreements are never listed,
# see tests/data/eval/README.md).
eval: all $(B)/tools/eval
	@echo "== dev set (../shared/data/dev.jsonl)"
	@$(B)/tools/eval $(if $(filter 1,$(V)),-v) ../shared/data/dev.jsonl
	@for f in tune tune2 tune3 tune4; do \
		echo "== fresh tuning set (tests/data/eval/$$f.jsonl)"; \
		$(B)/tools/eval tests/data/eval/$$f.jsonl || exit 1; \
	done
	@for f in calib calib2; do \
		echo "== calibration set (tests/data/eval/$$f.jsonl; sets the model's threshold)"; \
		$(B)/tools/eval tests/data/eval/$$f.jsonl || exit 1; \
	done
	@for f in holdout holdout2 holdout3; do \
		echo "== held-out set (tests/data/eval/$$f.jsonl; never tuned on)"; \
		$(B)/tools/eval tests/data/eval/$$f.jsonl || exit 1; \
	done

# The learned word model (docs/model-format.md): trained on our own labelled
# replies, never on the dev or held-out sets; its threshold is set on
# calib.jsonl and the dev set together.
MODEL_TRAIN := tests/data/eval/tune.jsonl tests/data/eval/tune2.jsonl \
	tests/data/eval/tune3.jsonl tests/data/eval/tune4.jsonl \
	$(sort $(wildcard tests/data/train/*.jsonl tests/data/score/*.jsonl))
model: $(B)/tools/train
	$(B)/tools/train -c calm -c restate -k tests/data/eval/calib.jsonl \
		-k tests/data/eval/calib2.jsonl \
		-k ../shared/data/dev.jsonl $(addprefix -s ,$(wildcard scenarios/*.json)) \
		-o assets/model/en.json $(MODEL_TRAIN)

bench: all $(B)/tools/bench
	@./tools/bench.sh $(B)/tools/bench

lint-scenarios: all
	./irate lint scenarios/*.json

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 irate $(DESTDIR)$(BINDIR)/irate
	cp -R assets scenarios courses $(DESTDIR)$(DATADIR)/
	install -m 644 docs/man/irate.1 $(DESTDIR)$(MANDIR)/man1/irate.1
	install -m 644 docs/man/irate-scenario.5 $(DESTDIR)$(MANDIR)/man5/irate-scenario.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/irate $(DESTDIR)$(MANDIR)/man1/irate.1 \
	  $(DESTDIR)$(MANDIR)/man5/irate-scenario.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz build-valgrind irate

.SECONDARY:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
