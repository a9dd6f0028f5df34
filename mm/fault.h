/*
 * mm/fault.h - the page-fault path (Linux: arch/x86/mm/fault.c + mm/memory.c).
 *
 * handle_page_fault reads CR2 and the error code, asks classify_fault what the
 * fault is (one decision, made from the VMA), then runs the one handler for
 * that case. Every user page comes into existence here. What came of it is a
 * vm_fault_t, which the arch's trap code acts on: nothing more for a resolved
 * fault, else the kernel's exception fixup or oops, or a signal to the user
 * process (arch/x86_64/traps.c; Linux: mm_fault_error).
 */
#ifndef MM_FAULT_H
#define MM_FAULT_H

#include <stdint.h>
#include "arch/x86_64/trap_frame.h"
#include "mm/pgtable.h"

/* #PF error code bits (Intel SDM Vol. 3A 4.7). */
#define PF_PRESENT (1u << 0) /* 0: not-present page; 1: protection violation */
#define PF_WRITE   (1u << 1)
#define PF_USER    (1u << 2)
#define PF_RSVD    (1u << 3) /* a reserved bit was set in a paging entry: a kernel bug */
#define PF_INSTR   (1u << 4) /* instruction fetch */

/* What a fault is, decided once (classify_fault), then handled by one function each. */
enum fault_kind {
	FAULT_ZERO_PAGE,    /* read of untouched private anonymous memory: map the zero page */
	FAULT_FILE_PAGE,    /* read or execute of a file page not yet mapped: the page cache's frame */
	FAULT_DEMAND_PAGE,  /* first write: a new private frame, zeros or the file's bytes */
	FAULT_SWAP_IN,      /* the PTE holds a swap entry: the page comes back from swap */
	FAULT_COW,          /* write to a page shared copy-on-write (after fork, or the zero page) */
	FAULT_STACK_GROWTH, /* just below the stack, within its limit: grow it */
	FAULT_SEGV_NO_VMA,  /* no VMA covers the address */
	FAULT_SEGV_ACCESS,  /* the VMA does not allow this access (write, exec, PROT_NONE) */
	FAULT_SEGV_KERNEL,  /* user mode touched a kernel address */
	FAULT_SHMEM_PAGE,   /* a page of a tmpfs file mapping not yet mapped: the file's page, or a copy */
	FAULT_SIGBUS_EOF,   /* a page of a file mapping wholly past the file's end (SIGBUS) */
	FAULT_KERNEL_BUG,   /* kernel-mode fault on a kernel address, or a reserved bit */
};

/* What handling a fault came to (Linux: enum vm_fault_reason, the same bit
 * values): 0 is a resolved minor fault; the error bits say which signal. */
typedef unsigned int vm_fault_t;
enum vm_fault_reason {
	VM_FAULT_OOM    = 0x001, /* no memory for the page or a page table: the process is killed */
	VM_FAULT_SIGBUS = 0x002, /* no data for the page: past the file's end, or a swap read error */
	VM_FAULT_MAJOR  = 0x004, /* resolved, after waiting for the disk (not an error) */
	VM_FAULT_SIGSEGV = 0x040, /* no resolution: a bad access (the segfault kinds, a kernel bug) */
};
#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

struct vm_area;

/* classify_fault: decide what a fault at @addr with @error_code is, for current;
 * *@vma gets the VMA the handler works on (or NULL), and for a not-present
 * fault *@pte the page's entry when its page table exists (or NULL). */
enum fault_kind classify_fault(uint64_t addr, uint64_t error_code, struct vm_area **vma, pte_t **pte);

/* fault_kind_name: the reason word of the segfault log line. */
const char *fault_kind_name(enum fault_kind kind);

/* handle_mm_fault: handle the fault of current at @addr described by @f:
 * classify it, run its handler, trace and count it, log a user fault's
 * failure; returns 0, VM_FAULT_MAJOR, or an error bit for the caller to act
 * on (a signal for a user fault, the fixup or an oops for a kernel one).
 * May sleep (reclaim, swap-in). */
vm_fault_t handle_mm_fault(struct trap_frame *f, uint64_t addr);

/* handle_page_fault: the #PF handler (vector 14), called by trap_dispatch:
 * handle_mm_fault at CR2. */
vm_fault_t handle_page_fault(struct trap_frame *f);

#endif
