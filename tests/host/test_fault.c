/*
 * tests/host/test_fault.c - the typed result of a page fault (vm_fault_t):
 * handle_mm_fault on current's mm over fake RAM and a fake swap disk gives 0
 * for a minor fault, VM_FAULT_MAJOR for a page read from the disk,
 * VM_FAULT_SIGSEGV for an access no VMA allows, VM_FAULT_OOM when no frame
 * or table is left, VM_FAULT_SIGBUS for a swap read error and for a page
 * of a file mapping wholly past the file's end.
 */
/* host-test-sources: mm/fault.c mm/vmscan.c mm/page_alloc_slow.c mm/lru.c mm/rmap.c mm/oom.c mm/oom_reaper.c mm/watermark.c mm/vmstat.c mm/swap_state.c mm/swap_slots.c mm/anon_page.c mm/mm.c mm/mlock.c mm/memory.c mm/filemap.c mm/vma.c kernel/lib/rbtree.c mm/mmap.c mm/mprotect.c mm/pgtable.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c tests/host/mm_test.c kernel/proc.c tests/host/fake_kernel.c tests/host/fake_swap.c */
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "tests/host/fake_kernel.h"
#include "mm/fault.h"
#include "mm/fault_trace.h"
#include "mm/mm.h"
#include "mm/mmap.h"
#include "mm/memory.h"
#include "mm/vmscan.h"
#include "mm/vmstat.h"
#include "mm/page_alloc.h"
#include "kernel/proc.h"
#include "kernel/sched.h"

#define RAM_FRAMES 512
#define SWAP_SLOTS 64
#define P(n)  ((uint64_t)(n) * PAGE_SIZE)
#define BASE  0x0000000000400000ull
#define A(n)  (BASE + P(n))
#define RW    (PROT_READ | PROT_WRITE)
#define USER_READ  PF_USER
#define USER_WRITE (PF_USER | PF_WRITE)

/* The fault trace and the RSS peak are not under test: what fault.c calls of them. */
enum fault_trace_mode fault_trace_mode;
void fault_trace_record(uint64_t addr, uint64_t rip, uint64_t error, enum fault_kind kind, vm_fault_t result,
			uint64_t cycles)
{
	(void)addr, (void)rip, (void)error, (void)kind, (void)result, (void)cycles;
}
void note_rss(struct process *p)
{
	(void)p;
}

static struct mm *mm;

static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	fake_kernel_pml4();
	mm_seal_kernel_half();
	zero_page_init();
	host_fake_swap(SWAP_SLOTS, NULL);
	mm = current->mm = mm_create();
	assert_non_null(mm);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	mm_destroy(mm);
	current->mm = NULL;
	host_fake_ram_free();
	host_fake_swap_free();
	return 0;
}

/* fault: handle_mm_fault at @va with @error, from user mode if PF_USER;
 * @kind the decision expected (classify_fault's, made again here). */
static vm_fault_t fault(uint64_t va, uint64_t error, enum fault_kind kind)
{
	struct trap_frame f = { .error_code = error, .cs = (error & PF_USER) ? 3 : 0 };
	struct vm_area *vma;
	pte_t *pte;

	assert_int_equal(classify_fault(va, error, &vma, &pte), kind);
	return handle_mm_fault(&f, va);
}

/* Resolved faults are 0 (minor): a read, then a write to the same page. */
static void test_minor_faults(void **state)
{
	(void)state;
	assert_non_null(vma_map(mm, A(0), P(2), RW, 0, VMA_ANON));
	assert_int_equal(fault(A(0), USER_READ, FAULT_ZERO_PAGE), 0);
	assert_int_equal(fault(A(0), USER_WRITE | PF_PRESENT, FAULT_COW), 0);
	assert_int_equal(fault(A(1) + 8, USER_WRITE, FAULT_DEMAND_PAGE), 0);
}

/* No resolution is VM_FAULT_SIGSEGV, whatever the reason; nothing is mapped. */
static void test_sigsegv(void **state)
{
	(void)state;
	assert_non_null(vma_map(mm, A(0), P(1), PROT_READ, 0, VMA_ANON));
	assert_int_equal(fault(A(4), USER_READ, FAULT_SEGV_NO_VMA), VM_FAULT_SIGSEGV);
	assert_int_equal(fault(A(0), USER_WRITE, FAULT_SEGV_ACCESS), VM_FAULT_SIGSEGV);
	assert_int_equal(fault(KERNEL_HALF_START, USER_READ, FAULT_SEGV_KERNEL), VM_FAULT_SIGSEGV);
	assert_int_equal(fault(KERNEL_HALF_START, PF_PRESENT, FAULT_KERNEL_BUG), VM_FAULT_SIGSEGV);
	assert_int_equal(mm->rss, 0);
}

/* No frame for a page table: VM_FAULT_OOM (the process is killed, not segfaulted). */
static void test_oom(void **state)
{
	(void)state;
	assert_non_null(vma_map(mm, A(0), P(1), RW, 0, VMA_ANON));
	hog_all(16);
	assert_int_equal(fault(A(0), USER_READ, FAULT_ZERO_PAGE), VM_FAULT_OOM);
	hog_release();
}

/* A page read back from the disk is VM_FAULT_MAJOR (and counted as one); a
 * read error loses it: VM_FAULT_SIGBUS, the swap entry stays. */
static void test_swap_major_and_sigbus(void **state)
{
	(void)state;
	assert_non_null(vma_map(mm, A(0), P(2), RW, 0, VMA_ANON));
	assert_int_equal(mm_populate(mm, A(0), P(2)), 0);
	assert_int_equal(reclaim_pages(2, false), 2);
	host_swap_fail = 2; /* the fault's read and its readahead's */
	assert_int_equal(fault(A(0), USER_READ, FAULT_SWAP_IN), VM_FAULT_SIGBUS);
	assert_int_equal(mm->swap_ents, 2);
	assert_int_equal(fault(A(0), USER_READ, FAULT_SWAP_IN), VM_FAULT_MAJOR);
	assert_int_equal(vm_events[PGMAJFAULT], 1);
	assert_int_equal(fault(A(1), USER_READ, FAULT_SWAP_IN), 0); /* read ahead: in the cache */
}

/* A file of 1.5 pages mapped over 4: pages 0 and 1 read the file (1's tail
 * zeros), pages 2 and 3 are past its end: SIGBUS for a read and a write, with
 * nothing mapped; mm_populate skips them and succeeds. */
static void test_sigbus_past_eof(void **state)
{
	static uint8_t file[PAGE_SIZE * 3 / 2];

	(void)state;
	memset(file, 0xab, sizeof(file));
	assert_non_null(vma_map_file(mm, A(0), P(4), RW, 0, file, sizeof(file), 0));
	assert_int_equal(fault(A(0), USER_READ, FAULT_FILE_PAGE), 0);
	assert_int_equal(fault(A(1) + 100, USER_WRITE, FAULT_DEMAND_PAGE), 0);
	assert_int_equal(fault(A(2), USER_READ, FAULT_SIGBUS_EOF), VM_FAULT_SIGBUS);
	assert_int_equal(fault(A(3) + 5, USER_WRITE, FAULT_SIGBUS_EOF), VM_FAULT_SIGBUS);
	assert_int_equal(mm->rss, 2);
	assert_int_equal(mm_populate(mm, A(0), P(4)), 0);
	assert_int_equal(mm->rss, 2);
	assert_int_equal(fault(A(2), USER_READ, FAULT_SIGBUS_EOF), VM_FAULT_SIGBUS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_minor_faults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigsegv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_swap_major_and_sigbus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigbus_past_eof, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
