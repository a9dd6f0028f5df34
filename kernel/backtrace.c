/* kernel/backtrace.c - walk the frame-pointer chain and print it with symbols. */
#include "kernel/backtrace.h"
#include "kernel/symbols.h"
#include "kernel/printk.h"
#include "arch/x86_64/probe.h"

#define BACKTRACE_MAX_FRAMES 32
#define KERNEL_HALF 0xffff800000000000ull

void backtrace_print_address(const char *label, uint64_t addr)
{
	uint64_t off, size;
	const char *name = symbol_lookup(addr, &off, &size);
	if (name)
		pr_emerg("%s: %016lx %s+0x%lx/0x%lx\n", label, addr, name, off, size);
	else
		pr_emerg("%s: %016lx ?\n", label, addr);
}

void backtrace_print(uint64_t rip, uint64_t rbp)
{
	backtrace_print_address(" ", rip);
	for (int depth = 0; depth < BACKTRACE_MAX_FRAMES; depth++) {
		uint64_t next, ret;
		/* A corrupt chain must not fault again inside a panic: probe each read. */
		if (rbp < KERNEL_HALF || (rbp & 7) || probe_read_u64((void *)rbp, &next) ||
		    probe_read_u64((void *)(rbp + 8), &ret) || ret == 0)
			return;
		backtrace_print_address(" ", ret);
		if (next <= rbp) /* stacks grow down: callers live at higher addresses */
			return;
		rbp = next;
	}
}
