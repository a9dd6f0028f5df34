/*
 * arch/x86_64/sigframe.c - between a trap frame and the sigcontext of a
 * signal frame (see sigframe.h; Linux: arch/x86/kernel/signal.c).
 */
#include "arch/x86_64/sigframe.h"
#include "arch/x86_64/gdt.h"

/* FIX_EFLAGS: the RFLAGS bits a handler may change through its sigcontext
 * (Linux's FIX_EFLAGS): CF PF AF ZF SF TF DF OF AC RF; never IF or IOPL. */
#define FIX_EFLAGS 0x50dd5ull

/* The lower canonical half ends here: with 4-level paging bits 63..47 of an
 * address must be equal (Intel SDM Vol. 1 3.3.7.1), and a user RIP has them 0. */
#define USER_RIP_MAX 0x00007fffffffffffull

void save_sigcontext(struct sigcontext_k *mc, const struct trap_frame *f)
{
	*mc = (struct sigcontext_k){
		.r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->r11, .r12 = f->r12,
		.r13 = f->r13, .r14 = f->r14, .r15 = f->r15, .rdi = f->rdi, .rsi = f->rsi,
		.rbp = f->rbp, .rbx = f->rbx, .rdx = f->rdx, .rax = f->rax, .rcx = f->rcx,
		.rsp = f->rsp, .rip = f->rip, .eflags = f->rflags, .cs = (uint16_t)f->cs,
		.ss = (uint16_t)f->ss, .trapno = f->vector,
		.err = f->vector == SYSCALL_VECTOR ? 0 : f->error_code, /* a fault's error code only */
	};
}

bool restore_sigcontext(struct trap_frame *f, const struct sigcontext_k *mc)
{
	if (mc->rip > USER_RIP_MAX)
		return false;
	f->r8 = mc->r8; f->r9 = mc->r9; f->r10 = mc->r10; f->r11 = mc->r11;
	f->r12 = mc->r12; f->r13 = mc->r13; f->r14 = mc->r14; f->r15 = mc->r15;
	f->rdi = mc->rdi; f->rsi = mc->rsi; f->rbp = mc->rbp; f->rbx = mc->rbx;
	f->rdx = mc->rdx; f->rcx = mc->rcx; f->rsp = mc->rsp; f->rip = mc->rip;
	f->rax = mc->rax;
	f->rflags = (f->rflags & ~FIX_EFLAGS) | (mc->eflags & FIX_EFLAGS);
	f->cs = GDT_USER_CODE | 3;
	f->ss = GDT_USER_DATA | 3;
	return true;
}
