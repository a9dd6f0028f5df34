/*
 * tests/kernel/test_cpu.c - self-tests of the protections the kernel's page
 * tables and control registers promise: W^X on the image, read-only text
 * enforced on the kernel itself (CR0.WP), an unmapped NULL page and stack guard.
 */
#include "tests/kernel/selftest.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/probe.h"
#include "arch/x86_64/extable.h"
#include "kernel/errno.h"
#include "mm/init.h"
#include "mm/page.h"
#include "mm/pgtable.h"

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __kernel_end[], __boot_stack_guard[];

SELFTEST(cpu_control_registers)
{
	EXPECT(rdmsr(MSR_EFER) & EFER_NXE);
	EXPECT(read_cr0() & CR0_WP);
	EXPECT(read_cr4() & CR4_PGE);
	EXPECT((read_cr3() & PTE_ADDR) == kernel_pml4);
	return 0;
}

SELFTEST(kernel_text_write_faults)
{
	char *target = (char *)selftest_kernel_text_write_faults + 1;
	char before = *target;
	EXPECT(probe_write_u8(target, (uint8_t)~before) == -EFAULT);
	EXPECT(last_fixup.vector == 14 && last_fixup.cr2 == (uint64_t)target);
	EXPECT(last_fixup.error_code == 0x3); /* present, write, supervisor */
	EXPECT(*target == before);
	return 0;
}

SELFTEST(null_page_unmapped)
{
	uint64_t v;
	EXPECT(probe_read_u64((void *)0, &v) == -EFAULT);
	EXPECT(last_fixup.cr2 == 0 && last_fixup.error_code == 0); /* not present, read, supervisor */
	return 0;
}

/* check_range: every page of [from, to) is mapped with exactly RW/NX as asked. */
static int check_range(const char *from, const char *to, int rw, int nx)
{
	for (const char *va = from; va < to; va += PAGE_SIZE) {
		uint64_t pa, flags;
		if (va == __boot_stack_guard) {
			EXPECT(!translate(kernel_pml4, (uint64_t)va, &pa, &flags));
			continue;
		}
		EXPECT(translate(kernel_pml4, (uint64_t)va, &pa, &flags));
		EXPECT(pa == kernel_image_phys(va));
		EXPECT(!!(flags & PTE_RW) == rw && !!(flags & PTE_NX) == nx && !(flags & PTE_US));
	}
	return 0;
}

SELFTEST(kernel_image_w_xor_x)
{
	EXPECT(check_range(__text_start, __text_end, 0, 0) == 0);
	EXPECT(check_range(__rodata_start, __rodata_end, 0, 1) == 0);
	EXPECT(check_range(__data_start, __kernel_end, 1, 1) == 0);
	return 0;
}

/* Both ways back to user mode end in an iretq (arch/x86_64/isr.asm, syscall.asm). */
extern const char trap_return_iretq[], syscall_return_iretq[], bad_iret[];

/* Each iretq that returns to user mode has an exception-table entry, so a frame
 * the CPU refuses kills the process, not the kernel (bad_iret.asm). TCG does
 * not raise the #GP a real CPU does for a non-canonical RIP, so the wiring is
 * what can be checked here. */
SELFTEST(iretq_has_a_fixup)
{
	EXPECT(extable_lookup((uint64_t)trap_return_iretq) == (uint64_t)bad_iret);
	EXPECT(extable_lookup((uint64_t)syscall_return_iretq) == (uint64_t)bad_iret);
	EXPECT(extable_lookup((uint64_t)trap_return_iretq + 2) == 0); /* only the instruction itself */
	return 0;
}
