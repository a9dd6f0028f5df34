# user/user.mk - user space: the programs of user/ and the tests of tests/user/,
# each one C file built with musl-gcc -static (helpers in user/lib/ go into
# libuser.a), then staged into $(BUILD)/initrd/, the tree the Makefile packs
# into initrd.cpio:
#   /init         user/init.c
#   /bin/NAME     user/NAME.c, and each regular file of EXTRA=dir (EXTRA wins a clash)
#   /tests/NAME   tests/user/NAME.c, and the data files tests/user/*.txt (mode as in git)
#   /proc         an empty directory: where the kernel mounts procfs (kernel/fs/proc/procfs.c)
#   /etc/NAME     user/etc/NAME: passwd and group, Debian's first entries (root, nobody...)
#   /bench/NAME   user/bench/NAME.c, the benchmarks (user/bench/bench.mk)
# `make user` builds and stages only this (no kernel). Included by the Makefile,
# whose BUILD, Q and FORCE it uses.

USER_CC     := musl-gcc
USER_CFLAGS := -static -O2 -Wall -Wextra -Werror -Iuser

USER_LIB     := $(BUILD)/user/libuser.a
USER_LIB_OBJ := $(patsubst user/lib/%.c,$(BUILD)/user/lib/%.o,$(sort $(wildcard user/lib/*.c)))
USER_PROGS   := $(patsubst user/%.c,%,$(sort $(wildcard user/*.c)))
USER_TESTS   := $(patsubst tests/user/%.c,%,$(sort $(wildcard tests/user/*.c)))
USER_DATA    := $(notdir $(sort $(wildcard tests/user/*.txt)))

# EXTRA=dir (a leading ~/ is expanded: not every shell does it in make's arguments).
EXTRA_DIR := $(patsubst %/,%,$(patsubst ~/%,$(HOME)/%,$(strip $(EXTRA))))
ifneq ($(EXTRA_DIR),)
ifeq ($(wildcard $(EXTRA_DIR)/.),)
$(error EXTRA=$(EXTRA): not a directory)
endif
endif
EXTRA_FILES := $(if $(EXTRA_DIR),$(shell find -L '$(EXTRA_DIR)' -mindepth 1 -maxdepth 1 -type f | LC_ALL=C sort))
EXTRA_NAMES := $(notdir $(EXTRA_FILES))

STAGE        := $(BUILD)/initrd
INITRD_BIN   := $(addprefix $(STAGE)/bin/,$(filter-out init $(EXTRA_NAMES),$(USER_PROGS)))
INITRD_EXTRA := $(addprefix $(STAGE)/bin/,$(EXTRA_NAMES))
INITRD_TESTS := $(addprefix $(STAGE)/tests/,$(USER_TESTS))
INITRD_DATA  := $(addprefix $(STAGE)/tests/,$(USER_DATA))
INITRD_DIRS  := $(STAGE)/proc
INITRD_ETC   := $(patsubst user/etc/%,$(STAGE)/etc/%,$(sort $(wildcard user/etc/*)))
# Debian's busybox-static (scripts/deps.sh installs it): the userland shell and
# applets, run unchanged (tests/user/busybox_sh.c); an EXTRA busybox wins.
BUSYBOX      := /bin/busybox
INITRD_BUSYBOX := $(if $(filter busybox,$(EXTRA_NAMES)),,$(STAGE)/bin/busybox)
INITRD_FILES := $(STAGE)/init $(INITRD_BIN) $(INITRD_EXTRA) $(INITRD_BUSYBOX) $(INITRD_TESTS) $(INITRD_DATA) \
	$(INITRD_ETC) $(INITRD_DIRS)
INITRD_LIST  := $(BUILD)/user/initrd.list

include user/bench/bench.mk

.PHONY: user
user: $(INITRD_FILES)

# ---------------------------------------------------------------- building
# Helpers: user/lib/*.c (libuser.a) and user/bench/lib/*.c.
$(BUILD)/user/%.o: user/%.c
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $<"
	$(Q)$(USER_CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@
	@scripts/ccjson.sh "$(CURDIR)" "$<" "$@" $(USER_CC) $(USER_CFLAGS) > $@.json

# A helper archive of its object prerequisites (libuser.a; bench.mk's libbench.a).
define USER_AR
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^
endef

$(USER_LIB): $(USER_LIB_OBJ)
	$(USER_AR)

# One program from one C file, linked with the objects and libraries among its
# prerequisites (libuser.a at least); its .d file lists the
# headers, its .o.json is its entry in compile_commands.json (for clangd).
define USER_LINK
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $<"
	$(Q)$(USER_CC) $(USER_CFLAGS) -MMD -MP -MF $@.d -MT $@ -o $@ $< $(filter %.o %.a,$^)
	@scripts/ccjson.sh "$(CURDIR)" "$<" "$@" $(USER_CC) $(USER_CFLAGS) > $@.o.json
endef

$(USER_PROGS:%=$(BUILD)/user/%): $(BUILD)/user/%: user/%.c $(USER_LIB)
	$(USER_LINK)

$(USER_TESTS:%=$(BUILD)/user/tests/%): $(BUILD)/user/tests/%: tests/user/%.c $(USER_LIB)
	$(USER_LINK)

# ---------------------------------------------------------------- staging
# The staged tree's manifest, rewritten (FORCE + compare, as cmdline.txt) only
# when the set of files or EXTRA changes. Then the tree is emptied, and every
# staged file depends on the manifest, so all is staged afresh: nothing stale
# (an earlier EXTRA's files, a deleted test) stays in the initrd.
$(INITRD_LIST): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' $(INITRD_FILES) $(EXTRA_FILES) > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else rm -rf $(STAGE) && mv $@.tmp $@; fi

define USER_STAGE
	@mkdir -p $(dir $@)
	$(Q)install -m 755 $< $@
endef

$(STAGE)/init: $(BUILD)/user/init $(INITRD_LIST)
	$(USER_STAGE)

$(INITRD_BIN): $(STAGE)/bin/%: $(BUILD)/user/% $(INITRD_LIST)
	$(USER_STAGE)

$(INITRD_EXTRA): $(STAGE)/bin/%: $(EXTRA_DIR)/% $(INITRD_LIST)
	@echo "  EXTRA   $< -> /bin/$*"
	$(USER_STAGE)

$(INITRD_TESTS): $(STAGE)/tests/%: $(BUILD)/user/tests/% $(INITRD_LIST)
	$(USER_STAGE)

$(INITRD_ETC): $(STAGE)/etc/%: user/etc/% $(INITRD_LIST)
	@mkdir -p $(dir $@)
	$(Q)install -m 644 $< $@

$(STAGE)/bin/busybox: $(BUSYBOX) $(INITRD_LIST)
	@echo "  BUSYBOX $< -> /bin/busybox"
	$(USER_STAGE)

$(INITRD_DIRS): $(INITRD_LIST)
	$(Q)mkdir -p $@

$(INITRD_DATA): $(STAGE)/tests/%: tests/user/% $(INITRD_LIST)
	@mkdir -p $(dir $@)
	$(Q)cp $< $@
