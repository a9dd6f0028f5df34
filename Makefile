# Makefile - build, run, debug and test the teaching kernel.
#
#   make            loader (BOOTX64.EFI), kernel.elf, kernel-test.elf (with the self-tests),
#                   initrd.cpio, the EFI system partition image
#   make run        boot it in QEMU (OVMF, TCG), serial console on this terminal
#   make debug      boot halted with the gdb stub, gdb attached with the kernel's symbols
#   make test       host unit tests + QEMU boot tests + gdb test; ends "N passed, N failed"
#   make bench      the benchmarks (user/bench/) on our kernel: -icount once, wall clock 3 times
#   make bench-linux          the same binaries on Debian's Linux in the same QEMU
#   make bench-compare        both side by side, ratio ours/Linux (docs/bench.md)
#   make clean
#
# Knobs: MEM=512M  CMDLINE="extra options"  QEMUFLAGS="extra qemu options"
#        EXTRA=dir (its files go to /bin)  INIT="/bin/prog args" (boot straight into it)
#        SWAP=256M (a swap disk of that size made by mkswap; 0 none; or an image's path)
#        KERNEL=kernel-test (make run boots the kernel with the self-tests: CMDLINE=selftest=NAME)
# Missing Debian packages are installed by scripts/deps.sh (apt-get) on first use.

BUILD   := build
CC      := gcc
LD      := ld
NASM    := nasm
OBJCOPY := objcopy

# Quiet by default, as kbuild: "  CC  file"; `make V=1` prints every command.
ifeq ($(V),1)
Q :=
else
Q := @
endif

MEM       ?= 512M
CMDLINE   ?=
QEMUFLAGS ?=
EXTRA     ?=
INIT      ?=
SWAP      ?= 256M
KERNEL    ?= kernel
ifeq ($(filter kernel kernel-test,$(KERNEL)),)
$(error KERNEL is kernel (the default) or kernel-test (with the self-tests), not '$(KERNEL)')
endif
# The kernel command line (cmdline.txt): console, CMDLINE, then init="INIT" when
# INIT is given (/init runs that program with those arguments: user/init.c).
# At most 4095 bytes with its newline (the loader's limit); INIT holds no '"'.
ifneq ($(findstring ",$(INIT)),)
$(error INIT cannot contain '"': the kernel command line quotes it as init="...")
endif
KERNEL_CMDLINE := $(strip console=ttyS0 $(CMDLINE) $(if $(strip $(INIT)),init="$(strip $(INIT))"))
export MEM CMDLINE QEMUFLAGS KERNEL_CMDLINE

# ---------------------------------------------------------------- the kernel
KERNEL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -I. \
	-ffreestanding -fno-stack-protector -fno-pic -fno-pie -mcmodel=kernel \
	-mno-red-zone -mgeneral-regs-only -fno-omit-frame-pointer \
	-fno-optimize-sibling-calls -fno-strict-aliasing -fno-common \
	-fno-asynchronous-unwind-tables -fno-unwind-tables
KERNEL_ASFLAGS := -f elf64 -g -F dwarf
KERNEL_LDFLAGS := -nostdlib -static -n -z max-page-size=4096 -T linker.ld

# Every .c and .asm under the kernel's folders, subfolders included: a new
# subsystem folder needs no Makefile edit. The in-kernel self-tests
# (tests/kernel/) are linked into build/kernel-test.elf only, which the test
# boots put on their ESP copy; `make run` boots build/kernel.elf, without them.
KERNEL_DIRS := kernel mm arch drivers
KERNEL_C   := $(sort $(shell find $(KERNEL_DIRS) -name '*.c'))
KERNEL_ASM := $(sort $(shell find $(KERNEL_DIRS) -name '*.asm'))
KERNEL_OBJ := $(KERNEL_C:%.c=$(BUILD)/kernel/%.o) $(KERNEL_ASM:%.asm=$(BUILD)/kernel/%.asm.o) \
	$(BUILD)/kernel/gen/syscall_names.o
SELFTEST_OBJ := $(patsubst %.c,$(BUILD)/kernel/%.o,$(sort $(wildcard tests/kernel/*.c)))
UNISTD_64  := /usr/include/x86_64-linux-gnu/asm/unistd_64.h

# ---------------------------------------------------------------- the loader (GNU-EFI)
EFI_INC    := /usr/include/efi
EFI_LIB    := /usr/lib
EFI_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -I. -I$(EFI_INC) -I$(EFI_INC)/x86_64 \
	-ffreestanding -fpic -fshort-wchar -mno-red-zone -fno-stack-protector \
	-maccumulate-outgoing-args -DGNU_EFI_USE_MS_ABI
EFI_LDFLAGS := -nostdlib -shared -Bsymbolic -znocombreloc -T $(EFI_LIB)/elf_x86_64_efi.lds \
	$(EFI_LIB)/crt0-efi-x86_64.o
LOADER_C   := $(sort $(wildcard boot/*.c))
LOADER_OBJ := $(LOADER_C:%.c=$(BUILD)/loader/%.o)

# esp.img holds kernel.elf (make run, make debug, the tests' copies);
# esp-test.img kernel-test.elf, for `make run KERNEL=kernel-test`.
ESP_IMG := $(BUILD)/esp.img
RUN_IMG := $(BUILD)/$(if $(filter kernel-test,$(KERNEL)),esp-test,esp).img

.PHONY: all run debug test test-long test-ltp clean deps host-tests labs lab grade test-labs plot
all: $(ESP_IMG) $(BUILD)/kernel-test.elf $(BUILD)/compile_commands.json

# Missing packages are installed while the Makefile is read, before any rule
# runs, so that `make -j` cannot start a compiler ahead of its headers. Once:
# $(DEPS_STAMP), newer than scripts/deps.sh, says it succeeded; `make clean`
# (or `make deps`) checks again.
DEPS_STAMP := $(BUILD)/deps.stamp
ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(shell [ $(DEPS_STAMP) -nt scripts/deps.sh ] || \
	{ scripts/deps.sh >&2 && mkdir -p $(BUILD) && touch $(DEPS_STAMP); }; echo $$?),0)
$(error scripts/deps.sh failed: see its message above)
endif
endif
deps:
	@scripts/deps.sh && mkdir -p $(BUILD) && touch $(DEPS_STAMP)

$(BUILD)/kernel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@
	@scripts/ccjson.sh "$(CURDIR)" "$<" "$@" $(CC) $(KERNEL_CFLAGS) > $@.json

# Syscall names for the kernel's "unimplemented syscall" log line, from Linux's own header.
$(BUILD)/gen/syscall_names.c: $(UNISTD_64) scripts/gen_syscall_names.sh
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)scripts/gen_syscall_names.sh $< > $@

$(BUILD)/kernel/gen/syscall_names.o: $(BUILD)/gen/syscall_names.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@

# The .d file in a preprocessing pass of its own (-M): NASM 2.16's -MD, while
# assembling, leaves out the %include files (trap_frame.inc).
$(BUILD)/kernel/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(KERNEL_ASFLAGS) -I arch/x86_64/ -M -MP -MT $@ -MF $@.d $<
	$(Q)$(NASM) $(KERNEL_ASFLAGS) -I arch/x86_64/ $< -o $@

# Two links of the same objects: the kernel, and the kernel with the self-tests.
$(BUILD)/kernel.elf: $(KERNEL_OBJ)
$(BUILD)/kernel-test.elf: $(KERNEL_OBJ) $(SELFTEST_OBJ)
$(BUILD)/kernel.elf $(BUILD)/kernel-test.elf: linker.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(KERNEL_LDFLAGS) -o $@ $(filter %.o,$^)

$(BUILD)/loader/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  EFICC   $<"
	$(Q)$(CC) $(EFI_CFLAGS) -MMD -MP -c $< -o $@
	@scripts/ccjson.sh "$(CURDIR)" "$<" "$@" $(CC) $(EFI_CFLAGS) > $@.json

$(BUILD)/loader.so: $(LOADER_OBJ)
	@echo "  LD      $@"
	$(Q)$(LD) $(EFI_LDFLAGS) -o $@ $(LOADER_OBJ) -L$(EFI_LIB) -lefi -lgnuefi

$(BUILD)/BOOTX64.EFI: $(BUILD)/loader.so
	@echo "  EFI     $@"
	$(Q)$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
		-j '.rel.*' -j '.rela.*' -j .reloc --target efi-app-x86_64 --subsystem=10 $< $@

# The initrd: a cpio newc archive of $(BUILD)/initrd/, staged by user/user.mk
# (INITRD_FILES: /init, /bin/*, the test programs, and EXTRA=dir's files in /bin).
include user/user.mk

$(BUILD)/initrd.cpio: $(INITRD_FILES) FORCE
	@mkdir -p $(BUILD)/initrd
	@echo "  CPIO    $@"
	$(Q)cd $(BUILD)/initrd && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc > ../initrd.cpio.tmp
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/cmdline.txt: FORCE
	@mkdir -p $(BUILD)
	@printf '%s\n' "$$KERNEL_CMDLINE" > $@.tmp
	@n=$$(wc -c < $@.tmp); [ $$n -le 4095 ] || { rm -f $@.tmp; \
		echo "error: kernel command line of $$n bytes, at most 4095: shorten CMDLINE or INIT" >&2; exit 1; }
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

$(ESP_IMG): $(BUILD)/kernel.elf
$(BUILD)/esp-test.img: $(BUILD)/kernel-test.elf
$(ESP_IMG) $(BUILD)/esp-test.img: $(BUILD)/BOOTX64.EFI $(BUILD)/initrd.cpio $(BUILD)/cmdline.txt scripts/mkesp.sh
	@echo "  ESP     $@"
	$(Q)scripts/mkesp.sh $@ $(BUILD)/BOOTX64.EFI $(filter %.elf,$^) $(BUILD)/initrd.cpio $(BUILD)/cmdline.txt

$(BUILD)/compile_commands.json: $(KERNEL_OBJ) $(SELFTEST_OBJ) $(LOADER_OBJ)
	@{ echo '['; find $(BUILD) -name '*.o.json' | LC_ALL=C sort | xargs cat | sed '$$ s/,$$//'; echo ']'; } > $@
	@ln -sf $(BUILD)/compile_commands.json compile_commands.json

# SWAP is given to these two only: each test boot declares its own swap disk.
run: all $(RUN_IMG)
	SWAP="$(SWAP)" scripts/qemu.sh run $(RUN_IMG)

debug: all
	SWAP="$(SWAP)" scripts/qemu.sh debug $(ESP_IMG)

# ---------------------------------------------------------------- tests
include tests/host/host.mk

test: all host-tests
	@python3 tests/run_tests.py --build $(BUILD)

# ---------------------------------------------------------------- the course kit
# docs/labs/README.md: make labs lists them; make lab LAB=cow DEST=dir writes a
# student tree; make grade LAB=cow scores this tree's lab; make test-labs proves
# every lab's stub scores 0 and the solution full marks (CI's last step).
labs:
	@python3 scripts/lab.py list

lab:
	@test -n "$(LAB)" -a -n "$(DEST)" || { echo "usage: make lab LAB=name DEST=dir (make labs lists the names)"; exit 2; }
	@python3 scripts/lab.py make $(LAB) $(DEST)

grade: all host-tests
	@test -n "$(LAB)" || { echo "usage: make grade LAB=name (make labs lists the names)"; exit 2; }
	@python3 scripts/lab.py grade $(LAB) --build $(BUILD)

test-labs: all host-tests
	@python3 tests/labs_test.py --build $(BUILD)

# make plot PROG="/bin/demo_swap 96 1" MEM=64M SWAP=128M: PROG under /bin/memsample,
# drawn by scripts/plot.py into OUT (memory, faults and swap, reclaim over time).
INTERVAL ?= 100
OUT      ?= $(BUILD)/plot.png
plot: all
	@test -n "$(PROG)" || { echo 'usage: make plot PROG="/bin/demo_swap 96 1" [MEM=64M SWAP=128M INTERVAL=100 OUT=build/plot.png]'; exit 2; }
	@$(MAKE) --no-print-directory run INIT="/bin/memsample $(INTERVAL) $(PROG)" < /dev/null > $(BUILD)/plot.log || true
	@/usr/bin/python3 scripts/plot.py $(BUILD)/plot.log $(OUT) --json $(basename $(OUT)).json --title "$(PROG), MEM=$(MEM) SWAP=$(SWAP)"

# The slow suites (tests/README.md): a long seeded system-call fuzz.
# CI runs it after make test (.ci/run).
test-long: all
	@python3 tests/run_tests.py --build $(BUILD) --long

# LTP's system-call tests, on our kernel and on Debian's Linux (tests/README.md).
test-ltp: all
	@python3 tests/ltp_test.py --build $(BUILD)

# ---------------------------------------------------------------- benchmarks
# docs/bench.md. bench and bench-linux always measure; bench-compare measures
# only a side whose results are missing or older than what they measured.
BENCH_RUNS    ?= 3
BENCH_OURS    := $(BUILD)/bench/ours.json
BENCH_LINUX   := $(BUILD)/bench/linux.json
BENCH_SCRIPTS := scripts/bench.py scripts/bench_table.py scripts/bench_linux.py
BENCH_RUN      = scripts/bench.py run $(1) --build $(BUILD) --runs $(BENCH_RUNS) --out $(BUILD)/bench/$(1).json

.PHONY: bench bench-linux bench-compare
bench: all
	$(call BENCH_RUN,ours)

bench-linux: user
	$(call BENCH_RUN,linux)

$(BENCH_OURS): $(BUILD)/BOOTX64.EFI $(BUILD)/kernel.elf $(BUILD)/initrd.cpio $(BENCH_SCRIPTS)
	$(call BENCH_RUN,ours)

$(BENCH_LINUX): $(INITRD_BENCH) $(BENCH_SCRIPTS)
	$(call BENCH_RUN,linux)

bench-compare: $(BENCH_OURS) $(BENCH_LINUX)
	@scripts/bench.py compare $(BENCH_OURS) $(BENCH_LINUX)

clean:
	rm -rf $(BUILD) compile_commands.json

FORCE:
.PHONY: FORCE

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
