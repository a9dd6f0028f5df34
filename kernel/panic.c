/*
 * kernel/panic.c - the end of the road for a broken invariant.
 * Prints "Kernel panic - not syncing: <reason>" (Linux's words), the caller's
 * registers and a backtrace, then panic_stop(): with "panic=-1" on the command
 * line (the test harness) QEMU exits with QEMU_EXIT_PANIC; otherwise the CPU
 * halts so that a student can attach gdb and look (Linux's panic=0 default).
 */
#include <stdarg.h>
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/backtrace.h"
#include "kernel/lib/cmdline.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/qemu_exit.h"

void panic_stop(void)
{
	cli();
	if (cmdline_get_long("panic", 0) != 0)
		qemu_exit(QEMU_EXIT_PANIC);
	pr_emerg("---[ end Kernel panic ]--- CPU halted\n");
	halt_forever();
}

void panic(const char *fmt, ...)
{
	static int in_panic;
	va_list ap;
	cli();
	if (in_panic++)
		panic_stop();
	va_start(ap, fmt);
	pr_emerg("Kernel panic - not syncing: ");
	vprintk(LOG_EMERG, fmt, ap);
	va_end(ap);
	pr_emerg("\n");
	uint64_t *frame = __builtin_frame_address(0); /* {caller's RBP, return address} */
	pr_emerg("RSP: %016lx RBP: %016lx CR0: %016lx CR4: %016lx\n",
		 (uint64_t)frame + 16, frame[0], read_cr0(), read_cr4());
	pr_emerg("CR2: %016lx CR3: %016lx\n", read_cr2(), read_cr3());
	pr_emerg("Call Trace:\n");
	backtrace_print(0, (uint64_t)frame);
	panic_stop();
}
