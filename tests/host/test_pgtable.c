/*
 * tests/host/test_pgtable.c - the page-table walker (mm/pgtable.c) on fake
 * physical memory, with its tables taken from the real buddy allocator.
 */
/* host-test-sources: mm/pgtable.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c */
#include <string.h>
#include "tests/host/shim.h"
#include "mm/pgtable.h"
#include "boot/boot_info.h"
#include "mm/page_alloc.h"
#include "kernel/errno.h"

#define RAM_FRAMES 256

#define USER_VA   0x0000000000400000ull
#define FRAME_PA  0x0000000123456000ull /* leaf frames are never touched: any address will do */

static uint64_t root, free_at_start;

/* Fresh fake RAM whose frames 1.. are in page_zone (frame 0 stays reserved), and one root. */
static int setup(void **state)
{
	(void)state;
	host_fake_zone(RAM_FRAMES);
	host_tlb_page_flushes = 0;
	host_tlb_last_va = 0;
	free_at_start = page_zone.nr_free;
	root = pt_alloc_root();
	assert_int_not_equal(root, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	host_fake_ram_free();
	return 0;
}

/* entry_flags: the flag bits of @va's entry at @level (which must exist). */
static uint64_t entry_flags(uint64_t va, int level)
{
	pte_t *e = walk(root, va, level, false);

	assert_non_null(e);
	return *e & PTE_FLAGS;
}

/* table_below: the struct page of the table that @va's entry at @level points to. */
static struct page *table_below(uint64_t va, int level)
{
	pte_t *e = walk(root, va, level, false);

	assert_non_null(e);
	return phys_to_page(*e & PTE_ADDR);
}

/* A new root is one zeroed PG_pgtable frame counted under NR_PAGETABLE. */
static void test_alloc_root(void **state)
{
	const pte_t *pml4 = phys_to_virt(root);
	int i;

	(void)state;
	assert_int_equal(root & ~PTE_ADDR, 0);
	assert_true(page_test(phys_to_page(root), PG_pgtable));
	assert_int_equal(phys_to_page(root)->mapcount, 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], 1);
	assert_int_equal(page_zone.nr_free, free_at_start - 1);
	for (i = 0; i < PT_ENTRIES; i++)
		assert_int_equal(pml4[i], 0);
	pt_free_tree(root);
	assert_int_equal(page_zone.nr_free, free_at_start);
	assert_int_equal(vm_stat[NR_PAGETABLE], 0);
}

/* map, translate with the offset, unmap (returns the old entry, flushes), translate fails. */
static void test_map_translate_unmap(void **state)
{
	uint64_t pa, flags;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW | PTE_US | PTE_NX), 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], 4);
	assert_true(translate(root, USER_VA + 0xabc, &pa, &flags));
	assert_int_equal(pa, FRAME_PA + 0xabc);
	assert_int_equal(flags, PTE_P | PTE_RW | PTE_US | PTE_NX);
	assert_false(translate(root, USER_VA + PAGE_SIZE, &pa, &flags));
	assert_false(translate(root, 0x0000800000000000ull, &pa, &flags)); /* non-canonical */

	assert_int_equal(unmap_page(root, USER_VA), FRAME_PA | PTE_P | PTE_RW | PTE_US | PTE_NX);
	assert_int_equal(host_tlb_page_flushes, 1);
	assert_int_equal(host_tlb_last_va, USER_VA);
	assert_false(translate(root, USER_VA, &pa, &flags));
	assert_int_equal(unmap_page(root, USER_VA), 0);
	assert_int_equal(host_tlb_page_flushes, 1); /* nothing was mapped: nothing to flush */
	pt_free_tree(root);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

/* Intermediate entries are P|RW (+US in the user half); the leaf holds exactly the flags asked. */
static void test_flags_every_level(void **state)
{
	const uint64_t table = PTE_P | PTE_RW;
	int level;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_US), 0);
	assert_int_equal(map_page(root, BOOT_KERNEL_VMA, FRAME_PA, PTE_RW | PTE_G | PTE_NX), 0);
	for (level = PT_PML4; level > PT_PTE; level--) {
		assert_int_equal(entry_flags(USER_VA, level), table | PTE_US);
		assert_int_equal(entry_flags(BOOT_KERNEL_VMA, level), table);
		assert_true(page_test(table_below(USER_VA, level), PG_pgtable));
		assert_int_equal(table_below(BOOT_KERNEL_VMA, level)->mapcount, 1);
	}
	assert_int_equal(entry_flags(USER_VA, PT_PTE), PTE_P | PTE_US);
	assert_int_equal(entry_flags(BOOT_KERNEL_VMA, PT_PTE), PTE_P | PTE_RW | PTE_G | PTE_NX);
	assert_int_equal(*walk(root, BOOT_KERNEL_VMA, PT_PTE, false) & PTE_ADDR, FRAME_PA);
	assert_int_equal(phys_to_page(root)->mapcount, 2);
	assert_int_equal(pt_index(BOOT_KERNEL_VMA, PT_PML4), 511);
	assert_null(walk(root, USER_VA + PAGE_2M, PT_PTE, false)); /* no PT there */
}

/* A table page's mapcount follows its entries; a table is freed with its last entry. */
static void test_tables_freed_when_empty(void **state)
{
	const uint64_t va[] = { USER_VA, USER_VA + PAGE_SIZE, USER_VA + PAGE_2M,
				USER_VA + PAGE_1G, 0x00007ffffffff000ull };
	const uint64_t n = sizeof(va) / sizeof(va[0]);
	uint64_t i, tables_before;
	struct page *pt;

	(void)state;
	tables_before = vm_stat[NR_PAGETABLE];
	for (i = 0; i < n; i++)
		assert_int_equal(map_page(root, va[i], FRAME_PA + i * PAGE_SIZE, PTE_RW | PTE_US), 0);
	/* PML4 entries 0 and 255; PDPTs 2; PDs 3; PTs 4 */
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_before + 2 + 3 + 4);
	pt = table_below(USER_VA, PT_PD);
	assert_int_equal(pt->mapcount, 2);
	assert_int_equal(unmap_page(root, USER_VA + 2 * PAGE_SIZE), 0); /* a hole in a live PT */
	assert_int_equal(pt->mapcount, 2);
	assert_int_equal(host_tlb_page_flushes, 0);
	assert_int_equal(unmap_page(root, USER_VA) & PTE_ADDR, FRAME_PA);
	assert_int_equal(pt->mapcount, 1);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_before + 9); /* PT still holds one entry */
	for (i = 1; i < n; i++)
		assert_int_equal(unmap_page(root, va[i]) & PTE_ADDR, FRAME_PA + i * PAGE_SIZE);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables_before);
	assert_int_equal(page_zone.nr_free, free_at_start - 1);
	assert_int_equal(phys_to_page(root)->mapcount, 0);
	assert_int_equal(host_tlb_page_flushes, n);
}

/* The kernel half's PDPT is shared by every PML4 and survives its last unmap. */
static void test_kernel_pdpt_kept(void **state)
{
	(void)state;
	assert_int_equal(map_page(root, BOOT_KERNEL_VMA, FRAME_PA, PTE_RW), 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], 4);
	assert_int_not_equal(unmap_page(root, BOOT_KERNEL_VMA), 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], 2); /* root + kernel PDPT */
	assert_non_null(walk(root, BOOT_KERNEL_VMA, PT_PDPT, false));
	assert_null(walk(root, BOOT_KERNEL_VMA, PT_PD, false));
}

/* A non-present but non-empty leaf (a swap entry, later) holds its slot and its tables. */
static void test_nonpresent_entry(void **state)
{
	const pte_t swap_entry = 0x1234ull << PAGE_SHIFT; /* P clear */
	uint64_t pa, flags, tables;
	pte_t *e;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW | PTE_US), 0);
	tables = vm_stat[NR_PAGETABLE];
	e = walk(root, USER_VA, PT_PTE, false);
	*e = swap_entry; /* as swap-out would rewrite it in place */
	assert_false(translate(root, USER_VA, &pa, &flags));
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), -EEXIST);
	expect_assert_failure(pte_protect(e, USER_VA, PTE_RW));
	assert_int_equal(*e, swap_entry);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables);
	assert_int_equal(unmap_page(root, USER_VA), swap_entry);
	assert_int_equal(host_tlb_page_flushes, 0); /* the TLB never cached a non-present entry */
	assert_int_equal(vm_stat[NR_PAGETABLE], 1);
}

/* Mapping an occupied slot is -EEXIST and leaves the entry alone. */
static void test_eexist(void **state)
{
	uint64_t pa, flags, tables;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), 0);
	tables = vm_stat[NR_PAGETABLE];
	assert_int_equal(map_page(root, USER_VA, FRAME_PA + PAGE_SIZE, PTE_US), -EEXIST);
	assert_true(translate(root, USER_VA, &pa, &flags));
	assert_int_equal(pa, FRAME_PA);
	assert_int_equal(flags, PTE_P | PTE_RW);
	assert_int_equal(map_large_page(root, USER_VA & ~(PAGE_2M - 1), 0x40000000, PTE_RW), -EEXIST);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables);
}

/* A 2 MiB leaf translates with its 21-bit offset; walk finds no PT under it; 4 KiB maps are refused. */
static void test_large_page(void **state)
{
	const uint64_t va = 0x40000000, pa2m = 0x80200000;
	uint64_t pa, flags, tables;

	(void)state;
	assert_int_equal(map_large_page(root, va, pa2m, PTE_RW | PTE_NX), 0);
	tables = vm_stat[NR_PAGETABLE];
	assert_int_equal(tables, 3); /* root, PDPT, PD */
	assert_true(translate(root, va + 0x12345, &pa, &flags));
	assert_int_equal(pa, pa2m + 0x12345);
	assert_int_equal(flags, PTE_P | PTE_RW | PTE_PS | PTE_NX);
	assert_true(translate(root, va + PAGE_2M - 1, &pa, &flags));
	assert_int_equal(pa, pa2m + PAGE_2M - 1);
	assert_false(translate(root, va + PAGE_2M, &pa, &flags));

	assert_int_equal(entry_flags(va, PT_PD), PTE_P | PTE_RW | PTE_PS | PTE_NX);
	assert_null(walk(root, va + 0x3000, PT_PTE, false));
	assert_null(walk(root, va + 0x3000, PT_PTE, true)); /* and builds nothing under it */
	assert_int_equal(vm_stat[NR_PAGETABLE], tables);
	assert_int_equal(map_page(root, va + 0x3000, FRAME_PA, PTE_RW), -EEXIST);
	assert_int_equal(map_large_page(root, va, pa2m, PTE_RW), -EEXIST);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables);

	expect_assert_failure(unmap_page(root, va));
	assert_non_null(strstr(host_last_panic, "unmap_page: va 0x40000000 lies in a large page (level 2)"));
	expect_assert_failure(map_large_page(root, va + PAGE_SIZE, pa2m, PTE_RW));
	assert_non_null(strstr(host_last_panic, "map_large_page: va"));
	pt_free_tree(root);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

/* A 1 GiB leaf (PDPT entry with PS) translates with its 30-bit offset. */
static void test_1g_translate(void **state)
{
	const uint64_t va = 0x0000004000000000ull, pa1g = 0x0000000240000000ull;
	uint64_t pa, flags;
	pte_t *e;

	(void)state;
	e = walk(root, va, PT_PDPT, true); /* no map_huge_page yet: write the leaf by hand */
	assert_non_null(e);
	*e = pa1g | PTE_P | PTE_RW | PTE_PS;
	assert_true(translate(root, va + 0x2345678, &pa, &flags));
	assert_int_equal(pa, pa1g + 0x2345678);
	assert_int_equal(flags, PTE_P | PTE_RW | PTE_PS);
	assert_null(walk(root, va, PT_PD, false));
	assert_int_equal(map_page(root, va + PAGE_1G - PAGE_SIZE, FRAME_PA, 0), -EEXIST);
	pt_free_tree(root);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

/* pte_protect changes the leaf flags, keeps frame and A/D, flushes that va; an entry not present panics. */
static void test_protect(void **state)
{
	uint64_t pa, flags;
	pte_t *e;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW | PTE_US), 0);
	e = walk(root, USER_VA, PT_PTE, false);
	*e |= PTE_A | PTE_D; /* as the CPU would after a write */
	pte_protect(e, USER_VA, PTE_US | PTE_NX);
	assert_int_equal(host_tlb_page_flushes, 1);
	assert_int_equal(host_tlb_last_va, USER_VA);
	assert_true(translate(root, USER_VA, &pa, &flags));
	assert_int_equal(pa, FRAME_PA);
	assert_int_equal(flags, PTE_P | PTE_US | PTE_NX | PTE_A | PTE_D);

	expect_assert_failure(pte_protect(e + 1, USER_VA + PAGE_SIZE, PTE_US));
	assert_non_null(strstr(host_last_panic, "pte_protect:"));
	assert_int_equal(e[1], 0);
	assert_int_equal(host_tlb_page_flushes, 1);
	expect_assert_failure(pte_protect(e, USER_VA, FRAME_PA));
	assert_non_null(strstr(host_last_panic, "pte_protect:"));
}

/* Running out of frames part way through a map is -ENOMEM and leaves no table behind. */
static void test_enomem_no_leak(void **state)
{
	static struct page *hog[RAM_FRAMES];
	uint64_t n = 0, spare, tables, pa, flags;

	(void)state;
	while ((hog[n] = alloc_pages(0, NR_KERNEL_MISC)) != NULL)
		n++;
	tables = vm_stat[NR_PAGETABLE];
	for (spare = 0; spare <= 3; spare++) {
		if (spare > 0)
			free_pages(hog[--n], 0, NR_KERNEL_MISC);
		if (spare < 3) {
			assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), -ENOMEM);
			assert_int_equal(page_zone.nr_free, spare);
			assert_int_equal(vm_stat[NR_PAGETABLE], tables);
			assert_int_equal(phys_to_page(root)->mapcount, 0);
			assert_false(translate(root, USER_VA, &pa, &flags));
		}
	}
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), 0);
	assert_int_equal(page_zone.nr_free, 0);
	assert_int_equal(vm_stat[NR_PAGETABLE], tables + 3);
	unmap_page(root, USER_VA);
	while (n > 0)
		free_pages(hog[--n], 0, NR_KERNEL_MISC);
	pt_free_tree(root);
	assert_int_equal(page_zone.nr_free, free_at_start);
}

/* pt_free_tree frees every user-half table and the root, but no leaf frame and no kernel table. */
static void test_free_tree(void **state)
{
	uint64_t kroot, kernel_tables, va, pa, flags;
	pte_t *pml4, *kpml4;

	(void)state;
	kroot = pt_alloc_root(); /* the kernel's PML4: its upper half is copied into every root */
	assert_int_equal(map_page(kroot, BOOT_KERNEL_VMA, FRAME_PA, PTE_RW), 0);
	kernel_tables = vm_stat[NR_PAGETABLE] - 1; /* all but the user root */
	pml4 = phys_to_virt(root);
	kpml4 = phys_to_virt(kroot);
	memcpy(pml4 + PT_ENTRIES / 2, kpml4 + PT_ENTRIES / 2, PT_ENTRIES / 2 * sizeof(pte_t));

	for (va = USER_VA; va < USER_VA + 40 * PAGE_SIZE; va += PAGE_SIZE)
		assert_int_equal(map_page(root, va, FRAME_PA, PTE_RW | PTE_US), 0);
	assert_int_equal(map_page(root, 0x00007ffffffff000ull, FRAME_PA, PTE_US), 0);
	assert_int_equal(map_large_page(root, 0x0000000200000000ull, 0, PTE_US), 0);
	assert_true(translate(root, BOOT_KERNEL_VMA, &pa, &flags)); /* through the shared half */
	assert_int_equal(vm_stat[NR_PAGETABLE], kernel_tables + 1 + 7); /* 2 PDPTs, 3 PDs, 2 PTs */

	pt_free_tree(root);
	assert_int_equal(vm_stat[NR_PAGETABLE], kernel_tables);
	assert_int_equal(page_zone.nr_free, free_at_start - kernel_tables);
	assert_true(translate(kroot, BOOT_KERNEL_VMA, &pa, &flags));
	assert_int_equal(pa, FRAME_PA);
	assert_true(page_test(phys_to_page(kpml4[511] & PTE_ADDR), PG_pgtable));
}

/* Misuse is a kernel bug: non-canonical walks and unaligned or overlapping arguments panic. */
static void test_bad_arguments(void **state)
{
	(void)state;
	expect_assert_failure(walk(root, 0x0000800000000000ull, PT_PTE, false));
	assert_non_null(strstr(host_last_panic, "walk: non-canonical address 0x800000000000"));
	expect_assert_failure(map_page(root, USER_VA + 1, FRAME_PA, PTE_RW));
	assert_non_null(strstr(host_last_panic, "map_page: va 0x400001"));
	expect_assert_failure(map_page(root, USER_VA, FRAME_PA | 0x10, PTE_RW));
	assert_non_null(strstr(host_last_panic, "map_page:"));
	expect_assert_failure(map_page(root, USER_VA, FRAME_PA, PTE_RW | 0x5000));
	assert_non_null(strstr(host_last_panic, "out of their bit fields"));
	expect_assert_failure(unmap_page(root, USER_VA + 8));
	assert_non_null(strstr(host_last_panic, "unmap_page:"));
	expect_assert_failure(walk(root, USER_VA, 5, false));
	assert_non_null(strstr(host_last_panic, "walk: bad level 5"));
	assert_int_equal(vm_stat[NR_PAGETABLE], 1);
}

/* set_pte keeps the table's count of non-empty entries: +1 empty -> non-empty,
 * -1 back, 0 between non-empty values (flags, a swap entry, the same frame). */
static void test_set_pte_counts(void **state)
{
	struct page *pt;
	pte_t *e;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), 0);
	pt = table_below(USER_VA, PT_PD);
	e = walk(root, USER_VA + PAGE_SIZE, PT_PTE, false);
	assert_int_equal(pt->mapcount, 1);
	set_pte(e, FRAME_PA | PTE_P);                 /* empty -> present */
	assert_int_equal(pt->mapcount, 2);
	set_pte(e, FRAME_PA | PTE_P | PTE_RW | PTE_A); /* same frame, new rights */
	set_pte(e, 0x5000 | (1ull << 9));            /* present -> not present (a swap entry) */
	set_pte(e, (FRAME_PA + PAGE_SIZE) | PTE_P);    /* not present -> another frame */
	assert_int_equal(pt->mapcount, 2);
	set_pte(e, 0);                               /* -> empty */
	assert_int_equal(pt->mapcount, 1);
	assert_int_equal(unmap_page(root, USER_VA), FRAME_PA | PTE_RW | PTE_P);
}

/* A store that breaks the entry rule panics: empty over empty, and another
 * frame straight over a present entry (break-before-make: through empty). */
static void test_set_pte_rule_broken(void **state)
{
	pte_t *e;
	int n = 0;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), 0);
	e = walk(root, USER_VA + PAGE_SIZE, PT_PTE, false);
	expect_assert_failure(set_pte(e, 0));
	assert_non_null(strstr(host_last_panic, "set_pte: 0 -> 0"));
	expect_assert_failure(set_pte_count(e, 0, &n));
	assert_non_null(strstr(host_last_panic, "breaks the entry rule"));
	e = walk(root, USER_VA, PT_PTE, false);
	expect_assert_failure(set_pte(e, (FRAME_PA + PAGE_SIZE) | PTE_P));
	assert_non_null(strstr(host_last_panic, "breaks the entry rule"));
	assert_int_equal(*e, FRAME_PA | PTE_RW | PTE_P); /* nothing was stored */
	set_pte_count(walk(root, USER_VA + PAGE_SIZE, PT_PTE, false), FRAME_PA | PTE_P, &n);
	assert_int_equal(n, 1);
	pt_add_entries(e - pt_index(USER_VA, PT_PTE), n);
	assert_int_equal(table_below(USER_VA, PT_PD)->mapcount, 2);
	expect_assert_failure(pt_add_entries(e - pt_index(USER_VA, PT_PTE), PT_ENTRIES));
	assert_non_null(strstr(host_last_panic, "pt_add_entries: "));
	assert_int_equal(unmap_page(root, USER_VA + PAGE_SIZE), FRAME_PA | PTE_P);
	assert_int_equal(unmap_page(root, USER_VA), FRAME_PA | PTE_RW | PTE_P);
}

/* A corrupted tree (garbage entry, wrong counts, a root that is no table) panics, never guesses. */
static void test_corruption(void **state)
{
	struct page *pt;
	pte_t *pml4e;

	(void)state;
	assert_int_equal(map_page(root, USER_VA, FRAME_PA, PTE_RW), 0);
	pt = table_below(USER_VA, PT_PD);
	pt->mapcount = 0;
	expect_assert_failure(unmap_page(root, USER_VA));
	assert_non_null(strstr(host_last_panic, "set_pte: "));
	assert_non_null(strstr(host_last_panic, "counts 0 entries"));
	pt->mapcount = PT_ENTRIES;
	expect_assert_failure(map_page(root, USER_VA + PAGE_SIZE, FRAME_PA, PTE_RW));
	assert_non_null(strstr(host_last_panic, "set_pte: "));
	assert_non_null(strstr(host_last_panic, "counts 512 entries"));
	pt->mapcount = 1;

	pml4e = walk(root, BOOT_KERNEL_VMA, PT_PML4, false);
	*pml4e = 0x5000; /* not present, not empty */
	expect_assert_failure(translate(root, BOOT_KERNEL_VMA, &(uint64_t){0}, &(uint64_t){0}));
	assert_non_null(strstr(host_last_panic, "walk: non-present entry 0x5000 above the leaf level"));
	*pml4e = 0;

	expect_assert_failure(pt_free_tree(FRAME_PA & 0xfffff)); /* frame 0x56: not a table */
	assert_non_null(strstr(host_last_panic, "table_free: pfn 0x56 is not a page table"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alloc_root, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_pte_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_pte_rule_broken, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_translate_unmap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flags_every_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tables_freed_when_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_pdpt_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nonpresent_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_eexist, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_1g_translate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enomem_no_leak, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corruption, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
