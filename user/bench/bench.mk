# user/bench/bench.mk - the benchmark programs (docs/bench.md): each
# user/bench/NAME.c one static musl program, linked with libbench.a (the
# helpers of user/bench/lib/) and libuser.a, staged as /bench/NAME in the
# initrd. The same binaries make the initramfs Linux boots
# (scripts/bench_linux.py). Included by user/user.mk, whose variables and
# USER_AR/USER_LINK/USER_STAGE it uses.

BENCH_PROGS   := $(patsubst user/bench/%.c,%,$(sort $(wildcard user/bench/*.c)))
BENCH_BIN     := $(BENCH_PROGS:%=$(BUILD)/user/bench/%)
BENCH_LIB     := $(BUILD)/user/bench/libbench.a
BENCH_LIB_OBJ := $(patsubst user/%.c,$(BUILD)/user/%.o,$(sort $(wildcard user/bench/lib/*.c)))
INITRD_BENCH  := $(BENCH_PROGS:%=$(STAGE)/bench/%)
INITRD_FILES  += $(INITRD_BENCH)

$(BENCH_LIB): $(BENCH_LIB_OBJ)
	$(USER_AR)

$(BENCH_BIN): $(BUILD)/user/bench/%: user/bench/%.c $(BENCH_LIB) $(USER_LIB)
	$(USER_LINK)

$(INITRD_BENCH): $(STAGE)/bench/%: $(BUILD)/user/bench/% $(INITRD_LIST)
	$(USER_STAGE)
