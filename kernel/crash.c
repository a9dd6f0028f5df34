/* kernel/crash.c - deliberate kernel crashes (see crash.h). */
#include <stdint.h>
#include "kernel/crash.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"

/* Each crash is its own non-inlined function so the oops names it in RIP and the trace. */
#define CRASH_FN static __attribute__((noinline)) void

CRASH_FN crash_ud2(void)
{
	__asm__ volatile("ud2");
}

CRASH_FN crash_null(void)
{
	volatile uint64_t *p = (volatile uint64_t *)0;
	(void)*p;
}

CRASH_FN crash_gp(void)
{
	volatile uint64_t *p = (volatile uint64_t *)0x8000000000000000ull; /* non-canonical */
	(void)*p;
}

CRASH_FN crash_de(void)
{
	/* In asm: in C, gcc may turn 1/x into x==1 since dividing by zero is undefined. */
	uint64_t rax = 1, rdx = 0, zero = 0;
	__asm__ volatile("divq %2" : "+a"(rax), "+d"(rdx) : "r"(zero));
}

/* crash_stack_recurse: burn 512 bytes of stack per level until the guard page
 * (the volatile bound is never reached; it keeps the compiler from proving the
 * recursion infinite). */
static volatile uint64_t crash_stack_limit = ~0ull;
static __attribute__((noinline)) uint64_t crash_stack_recurse(uint64_t depth)
{
	volatile char pad[512];
	pad[0] = (char)depth;
	if (depth == crash_stack_limit)
		return 0;
	return crash_stack_recurse(depth + 1) + pad[0];
}

CRASH_FN crash_stack(void)
{
	crash_stack_recurse(0);
}

CRASH_FN crash_bug(void)
{
	volatile int broken = 1;
	BUG_ON(broken);
}

static const struct {
	const char *name;
	void (*fn)(void);
} crashes[] = {
	{ "ud2", crash_ud2 }, { "null", crash_null }, { "gp", crash_gp },
	{ "de", crash_de },   { "stack", crash_stack }, { "bug", crash_bug },
};

void crash(const char *name)
{
	for (unsigned i = 0; i < sizeof(crashes) / sizeof(crashes[0]); i++) {
		if (strcmp(name, crashes[i].name) != 0)
			continue;
		pr_emerg("crash: triggering '%s'\n", name);
		crashes[i].fn();
		pr_err("crash: '%s' returned instead of crashing\n", name);
		return;
	}
	pr_err("crash: unknown crash '%s' (ud2 null gp de stack bug)\n", name);
}
