/* arch/x86_64/cpu_init.h - switch on the CPU features the kernel relies on. */
#ifndef ARCH_X86_64_CPU_INIT_H
#define ARCH_X86_64_CPU_INIT_H

/* cpu_init: GDT/TSS, IDT, then EFER.NXE, CR0.WP, CR4.PGE (+SMEP/SMAP when present). Boot, once. */
void cpu_init(void);

#endif
