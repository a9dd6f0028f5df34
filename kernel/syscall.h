/*
 * kernel/syscall.h - the system call dispatcher (arch/x86_64/syscall.asm enters
 * syscall_dispatch with the caller's registers saved as a struct trap_frame).
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>
#include "arch/x86_64/trap_frame.h"

#define NR_SYSCALLS 464 /* Linux 6.x numbers reach 4xx (clone3 435, faccessat2 439) */

typedef long (*syscall_fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

struct syscall_entry {
	const char *name;
	syscall_fn fn;
};

extern const struct syscall_entry syscall_table[NR_SYSCALLS];

/* syscall_dispatch: run syscall f->rax with f's argument registers; result into f->rax. */
void syscall_dispatch(struct trap_frame *f);

#endif
