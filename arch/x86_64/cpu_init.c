/*
 * arch/x86_64/cpu_init.c - the control-register state the kernel's page tables
 * assume. NXE must be on before any table with NX bits is loaded (without it
 * bit 63 is reserved and every access faults with RSVD); WP makes read-only
 * PTEs bind the kernel too, which is what catches a write to kernel text and,
 * later, makes copy-on-write work for kernel writes to user memory.
 */
#include "arch/x86_64/cpu_init.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "kernel/printk.h"

#define CPUID7_EBX_SMEP (1u << 7)
#define CPUID7_EBX_SMAP (1u << 20)

/* mask_legacy_pic: silence the 8259 PICs; the firmware may have left lines unmasked. */
static void mask_legacy_pic(void)
{
	outb(0x21, 0xff);
	outb(0xa1, 0xff);
}

void cpu_init(void)
{
	uint32_t r[4];
	gdt_init();
	idt_init();
	mask_legacy_pic();

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	write_cr0(read_cr0() | CR0_WP);
	uint64_t cr4 = read_cr4() | CR4_PGE;
	cpuid(0, 0, r);
	if (r[0] >= 7) {
		cpuid(7, 0, r);
		if (r[1] & CPUID7_EBX_SMEP)
			cr4 |= CR4_SMEP;
		if (r[1] & CPUID7_EBX_SMAP)
			cr4 |= CR4_SMAP;
	}
	write_cr4(cr4);
	pr_info("cpu: EFER.NXE CR0.WP CR4.PGE on%s%s\n", (cr4 & CR4_SMEP) ? ", SMEP" : "",
		(cr4 & CR4_SMAP) ? ", SMAP" : "");
}
