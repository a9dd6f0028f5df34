/*
 * arch/x86_64/gdt.h - segments, the TSS and its interrupt stacks.
 *
 * Selector layout is fixed by syscall/sysret (Intel SDM Vol. 2B SYSRET): user
 * data must sit 8 below user code so that STAR[63:48]+8/+16 give SS/CS.
 */
#ifndef ARCH_X86_64_GDT_H
#define ARCH_X86_64_GDT_H

#include <stdint.h>

#define GDT_KERNEL_CODE 0x08
#define GDT_KERNEL_DATA 0x10
#define GDT_USER_DATA   0x18 /* | 3 when loaded */
#define GDT_USER_CODE   0x20 /* | 3 when loaded */
#define GDT_TSS         0x28 /* 16-byte system descriptor */

/* Interrupt Stack Table slots (TSS.IST1..7), used by the IDT gates of
 * exceptions that may arrive on a broken or untrusted stack. */
enum ist_slot { IST_NONE = 0, IST_DOUBLE_FAULT = 1, IST_NMI = 2, IST_MACHINE_CHECK = 3 };

/* gdt_init: load the GDT, reload every segment register, load the TSS. Boot, once. */
void gdt_init(void);

/* tss_set_kernel_stack: the stack the CPU switches to on a ring 3 -> ring 0 trap (TSS.RSP0). */
void tss_set_kernel_stack(uint64_t rsp0);

#endif
