/* kernel/backtrace.c - walk the frame-pointer chain and print it with symbols. */
#include "kernel/backtrace.h"
#include "kernel/symbols.h"
#include "kernel/printk.h"
#include "kernel/lib/vsnprintf.h"
#include "arch/x86_64/probe.h"
#include "mm/pgtable.h"

#define BACKTRACE_MAX_FRAMES 32

/* format_symbol: "name+0xoff/0xsize" for @addr into @buf; @lookup is the address
 * to resolve (a return address minus 1: a call to a noreturn function may be the
 * last instruction, so its return address is already past the function). */
static const char *format_symbol(char *buf, size_t len, uint64_t addr, uint64_t lookup)
{
	uint64_t off, size;
	const char *name = symbol_lookup(lookup, &off, &size);
	if (name)
		snprintf(buf, len, "%s+0x%lx/0x%lx", name, off + (addr - lookup), size);
	else
		snprintf(buf, len, "?");
	return buf;
}

void backtrace_print_address(const char *label, uint64_t addr)
{
	char sym[128];
	pr_emerg("%s: %016lx %s\n", label, addr, format_symbol(sym, sizeof(sym), addr, addr));
}

/* print_frame: one line of a call trace, in Linux's " [<address>] symbol" shape. */
static void print_frame(uint64_t addr, uint64_t lookup)
{
	char sym[128];
	pr_emerg(" [<%016lx>] %s\n", addr, format_symbol(sym, sizeof(sym), addr, lookup));
}

void backtrace_print(uint64_t rip, uint64_t rbp)
{
	uint64_t last = 0, repeats = 0;
	if (rip)
		print_frame(rip, rip);
	for (int depth = 0; depth < BACKTRACE_MAX_FRAMES; depth++) {
		uint64_t next, ret;
		/* A corrupt chain must not fault again inside a panic: probe each read. */
		if (rbp < KERNEL_HALF_START || (rbp & 7) || probe_read_u64((void *)rbp, &next) ||
		    probe_read_u64((void *)(rbp + 8), &ret) || ret == 0)
			break;
		if (ret == last) { /* deep recursion: one line, then a count */
			repeats++;
			depth--;
		} else {
			if (repeats)
				pr_emerg("  ... the frame above repeated %lu more times\n", repeats);
			repeats = 0;
			print_frame(ret, ret - 1);
		}
		last = ret;
		if (next <= rbp) /* stacks grow down: callers live at higher addresses */
			break;
		rbp = next;
	}
	if (repeats)
		pr_emerg("  ... the frame above repeated %lu more times\n", repeats);
}
