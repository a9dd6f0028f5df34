/*
 * tests/kernel/selftest.h - in-kernel self-tests, run at boot with the
 * "selftest" command-line flag (optionally "selftest=name" for one test).
 *
 *   SELFTEST(buddy_every_order) { ...; EXPECT(x == y); return 0; }
 *
 * Each test returns 0 on success; EXPECT logs the failed condition and returns 1.
 * The runner checks that no test leaks frames: free frames before == after.
 * Results print as "selftest: NAME ... ok" / "... FAIL", then a summary line;
 * QEMU exits with QEMU_EXIT_OK or QEMU_EXIT_FAIL.
 */
#ifndef TESTS_KERNEL_SELFTEST_H
#define TESTS_KERNEL_SELFTEST_H

#include "kernel/printk.h"

struct selftest {
	const char *name;
	int (*fn)(void);
};

#define SELFTEST(name)                                                                  \
	static int selftest_##name(void);                                               \
	static const struct selftest selftest_entry_##name                              \
		__attribute__((used, section(".selftests"), aligned(8))) = { #name,        \
									     selftest_##name }; \
	static int selftest_##name(void)

#define EXPECT(cond)                                                                          \
	do {                                                                                  \
		if (!(cond)) {                                                                \
			pr_err("selftest: %s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
			return 1;                                                             \
		}                                                                             \
	} while (0)

/* run_selftests: run every registered test (or the one named by "selftest=");
 * returns the number that failed. tests/kernel/ is linked into
 * build/kernel-test.elf only: weak, so in build/kernel.elf it is NULL. */
int run_selftests(void) __attribute__((weak));

#endif
