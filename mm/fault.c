/*
 * mm/fault.c - classify a page fault, then handle it (see fault.h).
 *
 * classify_fault makes the one decision, from the error code and the VMA;
 * each outcome has one handler below, as Linux's handle_mm_fault dispatches
 * to do_anonymous_page, do_read_fault, do_wp_page, expand_stack.
 */
#include "mm/fault.h"
#include "mm/memory.h"
#include "mm/mm.h"
#include "mm/vma.h"
#include "mm/vmstat.h"
#include "mm/fault_trace.h"
#include "mm/page.h"
#include "mm/pgtable.h"
#include "mm/swap.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/sched.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "arch/x86_64/cpu.h"

#define STACK_GUARD_GAP (256 * PAGE_SIZE) /* Linux's stack_guard_gap: 1 MiB kept free below the stack */

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

/* stack_can_grow: may @vma (the stack) grow down to cover @addr? Within
 * current's RLIMIT_STACK of its top (Linux: acct_stack_growth), and leaving
 * the guard gap free below. */
static bool stack_can_grow(struct mm *mm, const struct vm_area *vma, uint64_t addr)
{
	uint64_t start = PAGE_ALIGN_DOWN(addr);
	if (!(vma->flags & VM_GROWSDOWN) || vma->end - start > rlimit(RLIMIT_STACK))
		return false;
	uint64_t guard = start >= USER_VA_START + STACK_GUARD_GAP ? start - STACK_GUARD_GAP : USER_VA_START;
	return vma_check_free(mm, guard, vma->start - guard) == 0;
}

/* classify_not_present: a fault on a page with no entry inside @vma. A read
 * shares what is there (the zero page, the file's cached page); a write, or
 * any touch of MAP_SHARED memory, needs a frame of its own. */
static enum fault_kind classify_not_present(const struct vm_area *vma, uint64_t addr, uint64_t error_code)
{
	if (beyond_eof(vma, addr))
		return FAULT_SIGBUS_EOF;
	/* LAB demand BEGIN: a read shares what is there (the zero page for anonymous memory, the page cache's frame for a file); only a write, or MAP_SHARED memory, gets a frame of its own */
	if ((error_code & PF_WRITE) || (vma->flags & VM_SHARED))
		return FAULT_DEMAND_PAGE;
	return vma->kind == VMA_FILE ? FAULT_FILE_PAGE : FAULT_ZERO_PAGE;
	/* LAB demand END: (void)error_code; return FAULT_DEMAND_PAGE; */
}

enum fault_kind classify_fault(uint64_t addr, uint64_t error_code, struct vm_area **vmap, pte_t **ptep)
{
	struct mm *mm = current->mm;
	struct vm_area *vma;
	if (error_code & PF_RSVD)
		return FAULT_KERNEL_BUG;
	if (addr >= USER_VA_END)
		return (error_code & PF_USER) ? FAULT_SEGV_KERNEL : FAULT_KERNEL_BUG;
	if (!mm)
		return FAULT_SEGV_NO_VMA;
	vma = *vmap = vma_lookup(mm, addr);
	if (!vma) {
		vma = *vmap = find_vma(mm, addr); /* the VMA above: the stack, perhaps */
		if (vma && stack_can_grow(mm, vma, addr) && access_allowed(vma->prot, error_code))
			return FAULT_STACK_GROWTH;
		return FAULT_SEGV_NO_VMA;
	}
	if (!access_allowed(vma->prot, error_code))
		return FAULT_SEGV_ACCESS;
	if (!(error_code & PF_PRESENT)) {
		pte_t *e = *ptep = walk(mm->pml4, addr, PT_PTE, false); /* the handler fills it: no second walk */
		if (e && is_swap_pte(*e))
			return FAULT_SWAP_IN; /* a private copy of a VMA_SHM page may be swapped too */
		return vma->kind == VMA_SHM ? FAULT_SHMEM_PAGE : classify_not_present(vma, addr, error_code);
	}
	if (error_code & PF_WRITE)
		return FAULT_COW; /* present, read-only, in a writable VMA: shared by fork or the zero page */
	return FAULT_SEGV_ACCESS;
}

const char *fault_kind_name(enum fault_kind kind)
{
	switch (kind) {
	case FAULT_ZERO_PAGE:    return "zero page";
	case FAULT_FILE_PAGE:    return "file page";
	case FAULT_DEMAND_PAGE:  return "demand page";
	case FAULT_SWAP_IN:      return "swap-in";
	case FAULT_COW:          return "copy-on-write";
	case FAULT_STACK_GROWTH: return "stack growth";
	case FAULT_SEGV_NO_VMA:  return "no VMA";
	case FAULT_SEGV_ACCESS:  return "access not permitted by the VMA";
	case FAULT_SEGV_KERNEL:  return "user access to a kernel address";
	case FAULT_SHMEM_PAGE:   return "shmem page";
	case FAULT_SIGBUS_EOF:   return "beyond the end of the file";
	case FAULT_KERNEL_BUG:   return "kernel fault";
	}
	return "?";
}

/* vmf_error: the fault result for a handler's return @err: 0 resolved; -EIO
 * (a swap read error) lost the data, -ENXIO (past a tmpfs file's end) and
 * -ENOSPC (tmpfs full) have none: SIGBUS; any other error is no memory
 * (Linux: vmf_error, shmem_fault). */
static vm_fault_t vmf_error(int err)
{
	if (!err)
		return 0;
	return err == -EIO || err == -ENXIO || err == -ENOSPC ? VM_FAULT_SIGBUS : VM_FAULT_OOM;
}

/* do_zero_page: map the shared zero page into the empty @pte (or NULL: walk)
 * (Linux: do_anonymous_page, read case). */
static vm_fault_t do_zero_page(struct vm_area *vma, uint64_t va, pte_t *pte)
{
	count_vm_event(PGFAULT_ZERO);
	return vmf_error(map_zero_page(current->mm, vma, va, pte));
}

/* do_file_page: map the file's page from the page cache, read-only (Linux: do_read_fault). */
static vm_fault_t do_file_page(struct vm_area *vma, uint64_t va, pte_t *pte)
{
	count_vm_event(PGFAULT_FILE);
	return vmf_error(map_file_page(current->mm, vma, va, pte));
}

/* do_shmem_page: map a tmpfs file's page, or a private copy of it for a
 * private mapping's write (Linux: shmem_fault, then do_shared_fault or
 * do_cow_fault). */
static vm_fault_t do_shmem_page(struct vm_area *vma, uint64_t va, uint64_t error_code, pte_t *pte)
{
	count_vm_event(PGFAULT_FILE);
	return vmf_error(map_shmem_page(current->mm, vma, va, pte, error_code & PF_WRITE));
}

/* do_demand_page: a first frame of this process's own: zeros, or a private copy
 * of the file's bytes (Linux: do_anonymous_page write case, do_cow_fault). */
static vm_fault_t do_demand_page(struct vm_area *vma, uint64_t va, pte_t *pte)
{
	count_vm_event(PGFAULT_DEMAND);
	return vmf_error(map_private_page(current->mm, vma, va, pte));
}

/* do_swap_page: bring the page whose swap entry is @pte back from the swap
 * cache or the disk (Linux: do_swap_page); VM_FAULT_MAJOR when it read the disk. */
static vm_fault_t do_swap_page(struct vm_area *vma, uint64_t va, uint64_t error_code, pte_t *pte)
{
	bool major = false;
	int err = swap_in_page(current->mm, vma, va, pte, error_code & PF_WRITE, &major);

	if (err)
		return vmf_error(err);
	if (!major)
		return 0;
	count_vm_event(PGMAJFAULT);
	current->maj_flt++;
	return VM_FAULT_MAJOR;
}

/* do_wp_page: copy the shared page for this process, or reuse it (as Linux). */
static vm_fault_t do_wp_page(struct vm_area *vma, uint64_t va)
{
	bool reused;
	int err = break_cow(current->mm, vma, va, &reused);
	if (!err)
		count_vm_event(reused ? PGFAULT_COW_REUSE : PGFAULT_COW);
	return vmf_error(err);
}

/* do_stack_growth: extend the stack VMA down to @va, then fault the page in (Linux: expand_stack). */
static vm_fault_t do_stack_growth(struct vm_area *vma, uint64_t va, uint64_t error_code)
{
	vma_expand_down(vma, va);
	count_vm_event(PGFAULT_STACK);
	/* the stack is anonymous memory: a read maps the zero page, a write a new frame */
	return classify_not_present(vma, va, error_code) == FAULT_ZERO_PAGE ? do_zero_page(vma, va, NULL)
									 : do_demand_page(vma, va, NULL);
}

/* resolve: run the handler for @kind (@pte: the entry classify_fault walked to,
 * or NULL); VM_FAULT_SIGSEGV when @kind is no resolution. */
static vm_fault_t resolve(enum fault_kind kind, struct vm_area *vma, uint64_t va, uint64_t error_code, pte_t *pte)
{
	switch (kind) {
	case FAULT_ZERO_PAGE:    return do_zero_page(vma, va, pte);
	case FAULT_FILE_PAGE:    return do_file_page(vma, va, pte);
	case FAULT_SHMEM_PAGE:   return do_shmem_page(vma, va, error_code, pte);
	case FAULT_DEMAND_PAGE:  return do_demand_page(vma, va, pte);
	case FAULT_SWAP_IN:      return do_swap_page(vma, va, error_code, pte);
	case FAULT_COW:          return do_wp_page(vma, va);
	case FAULT_STACK_GROWTH: return do_stack_growth(vma, va, error_code);
	case FAULT_SIGBUS_EOF:   return VM_FAULT_SIGBUS;
	default:                 return VM_FAULT_SIGSEGV;
	}
}

/* count_resolved_fault: account a fault that was resolved; @ret tells a major one. */
static void count_resolved_fault(vm_fault_t ret)
{
	count_vm_event(PGFAULT);
	if (!(ret & VM_FAULT_MAJOR)) /* minor and major faults are counted apart, as Linux */
		current->min_flt++;
	note_rss(current);
}

/* report_user_fault_error: log why the user fault at @addr (@kind) failed
 * with @ret, the Linux way, before the arch sends the signal. */
static void report_user_fault_error(const struct trap_frame *f, uint64_t addr, enum fault_kind kind,
				    vm_fault_t ret)
{
	if (kind == FAULT_SIGBUS_EOF || (kind == FAULT_SHMEM_PAGE && (ret & VM_FAULT_SIGBUS))) {
		pr_info("pid %d (%s): bus error at %lx ip %lx (%s)\n", current->pid, current->comm, addr,
			f->rip, kind == FAULT_SHMEM_PAGE ? "beyond the end of the file, or tmpfs full" :
							   fault_kind_name(kind));
	} else if (ret & VM_FAULT_SIGBUS) {
		pr_err("pid %d (%s): swap read error at %lx, killed\n", current->pid, current->comm, addr);
	} else if (ret & VM_FAULT_OOM) {
		pr_info("pid %d (%s): out of memory at %lx, killed\n", current->pid, current->comm, addr);
	} else {
		count_vm_event(PGFAULT_SEGV);
		pr_info("pid %d (%s): segfault at %lx ip %lx error %lx (%s)\n", current->pid, current->comm,
			addr, f->rip, f->error_code, fault_kind_name(kind));
	}
}

vm_fault_t handle_mm_fault(struct trap_frame *f, uint64_t addr)
{
	bool tracing = fault_trace_mode != FAULT_TRACE_OFF; /* no TSC reads when off: the hot path */
	uint64_t start = tracing ? rdtsc() : 0;
	struct vm_area *vma = NULL;
	pte_t *pte = NULL;
	enum fault_kind kind = classify_fault(addr, f->error_code, &vma, &pte);
	vm_fault_t ret = resolve(kind, vma, PAGE_ALIGN_DOWN(addr), f->error_code, pte);

	if (tracing)
		fault_trace_record(addr, f->rip, f->error_code, kind, ret, rdtsc() - start);
	if (!(ret & VM_FAULT_ERROR))
		count_resolved_fault(ret);
	else if (trap_from_user(f))
		report_user_fault_error(f, addr, kind, ret);
	return ret;
}

vm_fault_t handle_page_fault(struct trap_frame *f)
{
	return handle_mm_fault(f, read_cr2());
}
