/*
 * arch/x86_64/sigframe.h - the frame a signal handler runs on, as the x86-64
 * Linux ABI lays it out (Linux: arch/x86/include/uapi/asm/sigcontext.h and
 * arch/x86/kernel/signal.c), and the two moves between it and a trap frame.
 *
 * kernel/signal.c builds the frame on the user stack (setup_rt_frame) and
 * reads it back in rt_sigreturn; everything the user may have changed in
 * between passes restore_sigcontext first, since the frame is user memory.
 * Lock: none; the frames belong to current.
 */
#ifndef ARCH_X86_64_SIGFRAME_H
#define ARCH_X86_64_SIGFRAME_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_64/trap_frame.h"

struct sigcontext_k {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate; /* user address of the fxsave image */
	uint64_t reserved1[8];
};

struct ucontext_k {
	uint64_t uc_flags;
	uint64_t uc_link;
	uint64_t ss_sp;
	int32_t ss_flags, pad;
	uint64_t ss_size;
	struct sigcontext_k mc;
	uint64_t sigmask;
};

struct siginfo_k {
	int32_t signo, errno_, code, pad;
	int32_t pid, uid; /* SI_USER, SI_TKILL and SIGCHLD's fields */
	int32_t status;   /* SIGCHLD: the exit code or the signal */
	uint8_t rest[128 - 28];
};

struct rt_sigframe {
	uint64_t pretcode; /* the handler's return address: sa_restorer (rt_sigreturn) */
	struct ucontext_k uc;
	struct siginfo_k info;
};

/* save_sigcontext: the interrupted registers of @f into @mc, for rt_sigreturn to restore. */
void save_sigcontext(struct sigcontext_k *mc, const struct trap_frame *f);

/* restore_sigcontext: load @mc (user-supplied) into @f for the return to user
 * mode: only the RFLAGS bits a program may change, the user CS and SS whatever
 * the frame says. false, with @f unchanged, when @mc's RIP is not canonical:
 * iretq to it would #GP in ring 0 (Intel SDM Vol. 3A 6.14.1: a 64-bit IRET
 * checks the target RIP before the privilege change). */
bool restore_sigcontext(struct trap_frame *f, const struct sigcontext_k *mc);

#endif
