/*
 * kernel/syscall.c - system call dispatch: number in RAX, arguments in RDI,
 * RSI, RDX, R10, R8, R9, result (or -errno) back in RAX (Linux x86-64 ABI).
 */
#include "kernel/syscall.h"
#include "kernel/entry.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "arch/x86_64/cpu.h"

extern const char *const linux_syscall_names[]; /* generated from Linux's unistd_64.h */
extern const unsigned linux_syscall_names_count;

/* unknown_syscall: -ENOSYS, and one log line per number naming the call. */
static long unknown_syscall(uint64_t nr)
{
	static uint64_t logged[(NR_SYSCALLS + 63) / 64 + 1];
	uint64_t slot = nr < NR_SYSCALLS ? nr : NR_SYSCALLS;
	if (!(logged[slot / 64] & (1ull << (slot % 64)))) {
		logged[slot / 64] |= 1ull << (slot % 64);
		const char *name = nr < linux_syscall_names_count && linux_syscall_names[nr]
					   ? linux_syscall_names[nr] : "?";
		pr_info("syscall: pid %d (%s) called unimplemented syscall %lu (%s): -ENOSYS\n",
			current->pid, current->comm, nr, name);
	}
	return -ENOSYS;
}

void syscall_dispatch(struct trap_frame *f)
{
	uint64_t nr = f->rax;
	sti(); /* syscalls run with interrupts on; the kernel is still not preempted */
	if (nr < NR_SYSCALLS && syscall_table[nr].fn)
		f->rax = (uint64_t)syscall_table[nr].fn(f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9);
	else
		f->rax = (uint64_t)unknown_syscall(nr);
	exit_to_user(f);
}
