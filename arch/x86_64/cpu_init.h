/* arch/x86_64/cpu_init.h - switch on the CPU features the kernel relies on. */
#ifndef ARCH_X86_64_CPU_INIT_H
#define ARCH_X86_64_CPU_INIT_H

#include <stdbool.h>

/* cpu_init: GDT/TSS, IDT, PIC, SSE, syscall MSRs, then EFER.NXE, CR0.WP, CR4.PGE
 * (+SMEP/SMAP when present). Boot, once. */
void cpu_init(void);

extern bool cpu_has_smap; /* CR4.SMAP is on: user accesses need stac/clac */

#endif
