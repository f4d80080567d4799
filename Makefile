# dyad — build, test, demo, benchmark.
#   make demo       install what is missing, build, code the example corpus
#   make check      install what is missing, build, run every test
#   make sanitize   the whole test suite under ASan + UBSan
#   make bench      speed and memory on the Reuters corpus (../shared)

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -I/usr/include/libxml2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wno-format-truncation
LIBS    := -lmicrohttpd -lpthread -lsqlite3 -lutf8proc -ljansson -lzstd -lz -lxml2 -lm
SHARED  ?= ../shared

# Debian packages dyad builds against (see README, "Dependencies").
DEBS := gcc make curl chromium sqlite3 libsqlite3-dev libmicrohttpd-dev libutf8proc-dev libjansson-dev libzstd-dev zlib1g-dev libxml2-dev

BUILD   ?= build
SRC     := $(wildcard src/base/*.c src/text/*.c src/dict/*.c src/coder/*.c src/store/*.c src/server/*.c)
CLI     := $(wildcard src/cli/*.c)
DATA    := $(sort $(wildcard data/*.txt))
OBJ     := $(SRC:%.c=$(BUILD)/%.o)
CLIOBJ  := $(CLI:%.c=$(BUILD)/%.o)
BLOB    := $(BUILD)/builtin.o $(BUILD)/builtin_table.o $(BUILD)/web.o $(BUILD)/web_table.o
# The dashboard: our files, and uPlot from npm (node_modules, installed by make deps).
UPLOT   := node_modules/uplot/dist/uPlot.iife.min.js node_modules/uplot/dist/uPlot.min.css
WEB     := $(sort $(wildcard web/*.html web/*.js web/*.css)) $(UPLOT)
LIB     := $(BUILD)/libdyad.a
DYAD    := $(BUILD)/dyad
TESTS   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/*.c))
FUZZERS := reader text dict petr coder http
REPLAYS := $(FUZZERS:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60
HOSTILE_LIMIT_KB ?= 512000

.PHONY: all deps demo check test sanitize bench fuzz clean

all: $(DYAD)

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi; \
	if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; \
	fi
	@[ -d node_modules/uplot ] && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error

$(BUILD)/%.o: %.c $(wildcard src/*/*.h) | deps
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) $(WARN) -c $< -o $@

$(BUILD)/builtin.S $(BUILD)/builtin_table.c: $(DATA) tools/embed.sh
	@mkdir -p $(BUILD)
	@sh tools/embed.sh dyad_builtin_files $(BUILD)/builtin.S $(BUILD)/builtin_table.c $(DATA)

$(BUILD)/web.S $(BUILD)/web_table.c: $(WEB) tools/embed.sh
	@mkdir -p $(BUILD)
	@sh tools/embed.sh dyad_web_files $(BUILD)/web.S $(BUILD)/web_table.c $(WEB)

$(BUILD)/web.o: $(BUILD)/web.S
	@echo "EMBED web/"
	@$(CC) -c $< -o $@

$(BUILD)/web_table.o: $(BUILD)/web_table.c
	@$(CC) $(CFLAGS) $(WARN) -c $< -o $@

$(UPLOT): package.json
	@$(MAKE) --no-print-directory node_modules

node_modules: package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules

$(BUILD)/builtin.o: $(BUILD)/builtin.S
	@echo "EMBED data/*.txt"
	@$(CC) -c $< -o $@

$(BUILD)/builtin_table.o: $(BUILD)/builtin_table.c
	@$(CC) $(CFLAGS) $(WARN) -c $< -o $@

$(LIB): $(OBJ) $(BLOB)
	@rm -f $@ && ar rcs $@ $^

$(DYAD): $(CLIOBJ) $(LIB)
	@echo "LINK $@"
	@$(CC) $(CFLAGS) -o $@ $(CLIOBJ) $(LIB) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test.h $(LIB) | deps
	@mkdir -p $(dir $@)
	@echo "LINK $@"
	@$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ $< $(LIB) $(LIBS)

demo: $(DYAD)
	@sh tools/demo.sh $(DYAD)

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB) | deps
	@mkdir -p $(dir $@)
	@echo "LINK $@"
	@$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ $< tests/fuzz/replay.c $(LIB) $(LIBS)

test: $(DYAD) $(TESTS) $(REPLAYS)
	@DYAD=$(DYAD) SHARED=$(SHARED) REPLAYS="$(REPLAYS)" HOSTILE_LIMIT_KB=$(HOSTILE_LIMIT_KB) sh tests/run.sh $(TESTS)

# libFuzzer (clang): each harness runs FUZZ_SECONDS on a copy of its corpus;
# findings are left in build-fuzz/ (copy the interesting ones into tests/fuzz/corpus/).
FZ      := build-fuzz
FZFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
CLANGWARN := $(filter-out -Wno-format-truncation,$(WARN))
fuzz: deps
	@command -v clang >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev; }
	$(MAKE) BUILD=$(FZ) CC=clang CFLAGS="$(FZFLAGS) -fsanitize=fuzzer-no-link" WARN="$(CLANGWARN)" $(FZ)/libdyad.a
	@for f in $(FUZZERS); do \
	  clang $(FZFLAGS) -fsanitize=fuzzer $(CLANGWARN) -Isrc -o $(FZ)/fuzz_$$f tests/fuzz/fuzz_$$f.c $(FZ)/libdyad.a $(LIBS) || exit 1; \
	  rm -f $(FZ)/crash-* $(FZ)/leak-* $(FZ)/timeout-* $(FZ)/oom-*; \
	  mkdir -p $(FZ)/corpus/$$f && cp -n tests/fuzz/corpus/$$f/* $(FZ)/corpus/$$f/ 2>/dev/null; \
	done
	@echo "fuzzing each harness for $(FUZZ_SECONDS) s, two at a time"
	@printf '%s\n' $(FUZZERS) | xargs -P 2 -I{} sh -c 'cd $(FZ) && ./fuzz_{} -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -max_len=65536 corpus/{} > fuzz_{}.log 2>&1; echo "{}: exit $$?, $$(sed -n "s/^Done \([0-9]*\) runs.*/\1/p" fuzz_{}.log) executions"'
	@found=$$(find $(FZ) -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'leak-*' -o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*'); \
	if [ -n "$$found" ]; then echo "fuzz: findings:"; echo "$$found"; exit 1; else echo "fuzz: no crash, leak, timeout or out-of-memory"; fi

check: deps test

sanitize:
	$(MAKE) BUILD=build-san CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" HOSTILE_LIMIT_KB=3000000 test

$(BUILD)/mkstore: bench/mkstore.c $(LIB) | deps
	@echo "LINK $@"
	@$(CC) $(CFLAGS) $(WARN) -Isrc -o $@ $< $(LIB) $(LIBS)

bench: $(DYAD) $(BUILD)/mkstore
	@SHARED=$(SHARED) sh bench/run.sh $(DYAD) $(BUILD)/mkstore

clean:
	rm -rf build build-san build-fuzz
