/*
 * arch/x86_64/trap_frame.h - the registers an exception or interrupt saves,
 * in the order arch/x86_64/isr.asm pushes them (lowest address first).
 * The last five are pushed by the CPU itself (Intel SDM Vol. 3A 6.14.1).
 */
#ifndef ARCH_X86_64_TRAP_FRAME_H
#define ARCH_X86_64_TRAP_FRAME_H

#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;     /* pushed by our stub */
	uint64_t error_code; /* pushed by the CPU, or 0 by our stub for vectors without one;
	                      * in a syscall frame the syscall number (Linux's orig_ax), or
	                      * NO_SYSCALL once the call must not be restarted (rt_sigreturn) */
	uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

/* A syscall frame's vector: not a CPU vector (arch/x86_64/syscall.asm pushes it). */
#define SYSCALL_VECTOR 0x100
#define NO_SYSCALL     ((uint64_t)-1)

/* syscall_frame_nr: the number of the syscall @f entered the kernel for, or
 * -1 when @f is not a restartable syscall's (Linux: syscall_get_nr). */
static inline int64_t syscall_frame_nr(const struct trap_frame *f)
{
	return f->vector == SYSCALL_VECTOR ? (int64_t)f->error_code : -1;
}

/* trap_from_user: true when the trap interrupted ring 3. */
static inline int trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

#endif
