/* arch/x86_64/traps.h - exception handling shared with the fault path. */
#ifndef ARCH_X86_64_TRAPS_H
#define ARCH_X86_64_TRAPS_H

#include "arch/x86_64/trap_frame.h"

/* kernel_fault: a fault in kernel mode: resume at its exception fixup (RAX =
 * -EFAULT) if the faulting instruction has one, else print an oops and panic. */
void kernel_fault(struct trap_frame *f);

/* iret_fault: iretq refused @frame (rip cs rflags rsp ss), reached from
 * bad_iret.asm through the exception table. Current's own trap frame: only
 * current dies, with SIGSEGV as Linux's fixup_bad_iret gives; anything else
 * is a kernel bug (panic). Never returns. */
__attribute__((noreturn)) void iret_fault(const uint64_t *frame);

#endif
