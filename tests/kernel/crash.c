/* tests/kernel/crash.c - deliberate kernel crashes (see crash.h). */
#include <stdint.h>
#include "tests/kernel/crash.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/string.h"

/* Each crash is its own function so the oops's backtrace names it. */

static void crash_ud2(void)
{
	__asm__ volatile("ud2");
}

static void crash_null(void)
{
	volatile uint64_t *p = (volatile uint64_t *)0;
	(void)*p;
}

static void crash_gp(void)
{
	volatile uint64_t *p = (volatile uint64_t *)0x8000000000000000ull;
	(void)*p;
}

static void crash_de(void)
{
	volatile uint64_t zero = 0;
	volatile uint64_t x = 1 / zero;
	(void)x;
}

/* crash_stack_recurse: burn 512 bytes of stack per level until the guard page
 * (the volatile bound is never reached; it keeps the compiler from proving the
 * recursion infinite). */
static volatile uint64_t crash_stack_limit = ~0ull;
static uint64_t crash_stack_recurse(uint64_t depth)
{
	volatile char pad[512];
	pad[0] = (char)depth;
	if (depth == crash_stack_limit)
		return 0;
	return crash_stack_recurse(depth + 1) + pad[0];
}

static void crash_bug(void)
{
	volatile int broken = 1;
	BUG_ON(broken);
}

void crash(const char *name)
{
	pr_emerg("crash: triggering '%s'\n", name);
	if (!strcmp(name, "ud2"))
		crash_ud2();
	else if (!strcmp(name, "null"))
		crash_null();
	else if (!strcmp(name, "gp"))
		crash_gp();
	else if (!strcmp(name, "de"))
		crash_de();
	else if (!strcmp(name, "stack"))
		crash_stack_recurse(0);
	else if (!strcmp(name, "bug"))
		crash_bug();
	pr_err("crash: unknown crash '%s' (ud2 null gp de stack bug)\n", name);
}
