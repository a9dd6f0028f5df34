/*
 * kernel/panic.h - broken invariants stop the kernel loudly.
 *
 * Convention: panic("function: reason", ...). The kernel's panic prints the
 * message, the registers of the caller and a symbolised backtrace on the serial
 * console, then halts (or exits QEMU through isa-debug-exit under test).
 * Host unit tests link their own panic() that reports to the test framework.
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

__attribute__((noreturn, format(printf, 1, 2)))
void panic(const char *fmt, ...);

/* panic_stop: end of every panic: exit QEMU under "panic=-1" (tests), else halt for gdb. */
__attribute__((noreturn)) void panic_stop(void);

/* BUG_ON: panic with the failing expression and its place when @cond holds. */
#define BUG_ON(cond)                                                            \
	do {                                                                    \
		if (__builtin_expect(!!(cond), 0))                              \
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
