/* arch/x86_64/traps.h - exception handling shared with the fault path. */
#ifndef ARCH_X86_64_TRAPS_H
#define ARCH_X86_64_TRAPS_H

#include "arch/x86_64/trap_frame.h"

/* kernel_fault: a fault in kernel mode: resume at its exception fixup (RAX =
 * -EFAULT) if the faulting instruction has one, else print an oops and panic. */
void kernel_fault(struct trap_frame *f);

#endif
