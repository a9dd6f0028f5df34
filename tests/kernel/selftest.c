/* tests/kernel/selftest.c - the self-test runner (see selftest.h). */
#include "tests/kernel/selftest.h"
#include "kernel/lib/cmdline.h"
#include "kernel/lib/string.h"
#include "mm/page_alloc.h"

extern const struct selftest __selftests_start[], __selftests_end[];

/* run_one: run @t, then fail it if it left frames allocated. 0 = passed. */
static int run_one(const struct selftest *t)
{
	uint64_t free_before = nr_free_pages();
	int failed = t->fn();
	uint64_t free_after = nr_free_pages();
	if (!failed && free_after != free_before) {
		pr_err("selftest: %s leaked %ld frames (free %lu -> %lu)\n", t->name,
		       (long)(free_before - free_after), free_before, free_after);
		failed = 1;
	}
	pr_info("selftest: %s ... %s\n", t->name, failed ? "FAIL" : "ok");
	return failed;
}

int run_selftests(void)
{
	const char *only = cmdline_get("selftest");
	int passed = 0, failed = 0;
	uint64_t free_at_start = nr_free_pages();
	for (const struct selftest *t = __selftests_start; t < __selftests_end; t++) {
		if (only && *only && strcmp(only, t->name) != 0)
			continue;
		if (run_one(t))
			failed++;
		else
			passed++;
	}
	if (only && *only && passed + failed == 0) {
		pr_err("selftest: no self-test is named '%s'\n", only);
		failed++; /* a misspelt name must not pass by running nothing */
	}
	pr_info("selftest: free frames %lu at start, %lu at end\n", free_at_start, nr_free_pages());
	pr_info("selftests: %d passed, %d failed\n", passed, failed);
	return failed + (nr_free_pages() != free_at_start);
}
