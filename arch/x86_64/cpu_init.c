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
#include "arch/x86_64/pic.h"
#include "kernel/printk.h"

bool cpu_has_smap;

#define CPUID7_EBX_SMEP (1u << 7)
#define CPUID7_EBX_SMAP (1u << 20)

extern char syscall_entry[];

/* enable_sse: user programs use SSE (musl's memcpy, printf); the kernel does not
 * (-mgeneral-regs-only) and saves the user state with fxsave at each switch. */
static void enable_sse(void)
{
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
}

/* syscall_init: point `syscall` at syscall_entry (SDM Vol. 3A 5.8.8). STAR's
 * selectors: kernel CS 0x08 (SS 0x10); sysret uses 0x10+16 | 3 for CS and
 * 0x10+8 | 3 for SS, which is why user data sits below user code in the GDT. */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, ((uint64_t)GDT_KERNEL_DATA << 48) | ((uint64_t)GDT_KERNEL_CODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

void cpu_init(void)
{
	uint32_t r[4];
	gdt_init();
	idt_init();
	pic_init();
	enable_sse();
	syscall_init();

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
		cpu_has_smap = (r[1] & CPUID7_EBX_SMAP) != 0;
	}
	write_cr4(cr4);
	pr_info("cpu: EFER.NXE CR0.WP CR4.PGE on%s%s\n", (cr4 & CR4_SMEP) ? ", SMEP" : "",
		(cr4 & CR4_SMAP) ? ", SMAP" : "");
}
