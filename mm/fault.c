/* mm/fault.c - classify a page fault, then handle it (see fault.h). */
#include "mm/fault.h"
#include "mm/mm.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/traps.h"

/* access_allowed: may a fault with @error_code touch a page of protection @prot?
 * x86 cannot express write-only or execute-only: any PROT_* but NONE reads. */
static bool access_allowed(uint32_t prot, uint64_t error_code)
{
	if (error_code & PF_WRITE)
		return prot & PROT_WRITE;
	if (error_code & PF_INSTR)
		return prot & PROT_EXEC;
	return prot != PROT_NONE;
}

enum fault_kind classify_fault(uint64_t addr, uint64_t error_code)
{
	struct mm *mm = current->mm;
	if (error_code & PF_RSVD)
		return FAULT_KERNEL_BUG;
	if (addr >= USER_VA_END)
		return (error_code & PF_USER) ? FAULT_SEGV_KERNEL : FAULT_KERNEL_BUG;
	struct vm_area *vma = mm ? vma_find(mm, addr) : NULL;
	if (!vma)
		return FAULT_SEGV_NO_VMA;
	if (!access_allowed(vma->prot, error_code))
		return FAULT_SEGV_ACCESS;
	if (error_code & PF_PRESENT)
		return FAULT_SEGV_ACCESS; /* present and allowed by the VMA, yet refused by the PTE */
	return FAULT_DEMAND_PAGE;
}

const char *fault_kind_name(enum fault_kind kind)
{
	switch (kind) {
	case FAULT_DEMAND_PAGE: return "demand page";
	case FAULT_SEGV_NO_VMA: return "no VMA";
	case FAULT_SEGV_ACCESS: return "access not permitted by the VMA";
	case FAULT_SEGV_KERNEL: return "user access to a kernel address";
	case FAULT_KERNEL_BUG:  return "kernel fault";
	}
	return "?";
}

/* do_demand_page: give the page at @addr its first frame: zeros, or for a
 * file VMA the file's bytes (Linux: do_anonymous_page / do_read_fault).
 * Returns false when memory is exhausted. */
static bool do_demand_page(uint64_t addr)
{
	if (mm_populate(current->mm, PAGE_ALIGN_DOWN(addr), PAGE_SIZE))
		return false;
	current->min_flt++;
	return true;
}

/* do_segv: a bad user access: log it the Linux way and kill with SIGSEGV. */
static void do_segv(struct trap_frame *f, uint64_t addr, enum fault_kind kind)
{
	pr_info("pid %d (%s): segfault at %lx ip %lx error %lx (%s)\n", current->pid, current->comm,
		addr, f->rip, f->error_code, fault_kind_name(kind));
	force_signal(SIGSEGV);
}

void handle_page_fault(struct trap_frame *f)
{
	uint64_t addr = read_cr2();
	bool user = trap_from_user(f);
	enum fault_kind kind = classify_fault(addr, f->error_code);
	switch (kind) {
	case FAULT_DEMAND_PAGE:
		if (do_demand_page(addr))
			return;
		if (!user)
			break;
		pr_info("pid %d (%s): out of memory at %lx, killed\n", current->pid, current->comm, addr);
		force_signal(SIGKILL);
		return;
	case FAULT_KERNEL_BUG:
		break;
	default:
		if (user) {
			do_segv(f, addr, kind);
			return;
		}
	}
	kernel_fault(f); /* a kernel access: -EFAULT through the fixup table, or an oops */
}
