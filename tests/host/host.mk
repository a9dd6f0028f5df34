# tests/host/host.mk - host unit tests (cmocka) of the kernel's pure algorithms,
# compiled for the host with AddressSanitizer and UndefinedBehaviorSanitizer.
#
# Convention: each tests/host/test_NAME.c names the kernel sources it tests in a
# line of its own:   /* host-test-sources: mm/buddy.c mm/page_alloc.c */
# and is linked with them plus tests/host/shim.c (panic, printk, fake TLB, ...).

HOST_CC     := gcc
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -I. -DHOST_TEST \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
	-MMD -MP
HOST_LIBS   := -lcmocka

HOST_TEST_SRC  := $(sort $(wildcard tests/host/test_*.c))
HOST_TEST_BINS := $(HOST_TEST_SRC:tests/host/%.c=$(BUILD)/host/%)

host_sources = $(shell sed -n 's|.*host-test-sources:\(.*\)\*/.*|\1|p' $(1))

define host_test_rule
$(BUILD)/host/$(1): tests/host/$(1).c tests/host/shim.c $(call host_sources,tests/host/$(1).c)
	@mkdir -p $(BUILD)/host
	@echo "  HOSTCC  $$@"
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $$@ $$^ $(HOST_LIBS)
endef
$(foreach t,$(HOST_TEST_SRC:tests/host/%.c=%),$(eval $(call host_test_rule,$(t))))

host-tests: $(HOST_TEST_BINS)
