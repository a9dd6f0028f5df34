/*
 * tests/kernel/test_mm.c - self-tests of memory bring-up against the real
 * firmware map: the buddy never hands out a frame that is in use, every RAM
 * frame is reachable through the direct map, and a fresh mapping made with the
 * walker aliases the frame it maps.
 */
#include "tests/kernel/selftest.h"
#include "kernel/boot.h"
#include "kernel/lib/string.h"
#include "arch/x86_64/probe.h"
#include "mm/init.h"
#include "mm/memblock.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/kmalloc.h"

extern char __kernel_start[], __kernel_end[];

/* overlaps: whether [a, a+alen) and [b, b+blen) share a byte. */
static int overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

/* frame_is_allocatable: @pa is usable RAM and none of the boot's in-use ranges. */
static int frame_is_allocatable(uint64_t pa)
{
	int usable = 0;
	for (unsigned i = 0; i < memblock_memory.count; i++)
		usable |= overlaps(pa, PAGE_SIZE, memblock_memory.r[i].base, memblock_memory.r[i].size);
	const struct boot_info *b = &boot_info;
	return usable && pa >= (1 << 20) &&
	       !overlaps(pa, PAGE_SIZE, b->kernel_phys, b->kernel_size) &&
	       !overlaps(pa, PAGE_SIZE, b->initrd.base, b->initrd.size) &&
	       !overlaps(pa, PAGE_SIZE, b->symtab.base, b->symtab.size) &&
	       !overlaps(pa, PAGE_SIZE, b->strtab.base, b->strtab.size) &&
	       !overlaps(pa, PAGE_SIZE, virt_to_phys(mem_map), mm_boot.mem_map);
}

SELFTEST(buddy_every_order)
{
	for (unsigned order = 0; order < MAX_ORDER; order++) {
		struct page *p = alloc_pages(order, NR_KERNEL_MISC);
		EXPECT(p != NULL);
		uint64_t pa = page_to_phys(p), bytes = PAGE_SIZE << order;
		EXPECT((page_to_pfn(p) & ((1ull << order) - 1)) == 0);
		EXPECT(frame_is_allocatable(pa) && frame_is_allocatable(pa + bytes - PAGE_SIZE));
		uint8_t *va = page_address(p);
		va[0] = 0x5a;
		va[bytes - 1] = 0xa5;
		EXPECT(va[0] == 0x5a && va[bytes - 1] == 0xa5);
		free_pages(p, order, NR_KERNEL_MISC);
	}
	return 0;
}

SELFTEST(buddy_whole_map)
{
	struct list_head taken;
	uint64_t expected = nr_free_pages(), count = 0, bad = 0;
	struct page *p;
	list_init(&taken);
	while ((p = alloc_pages(0, NR_KERNEL_MISC)) != NULL) {
		bad += !frame_is_allocatable(page_to_phys(p));
		list_add(&p->lru, &taken);
		count++;
	}
	EXPECT(nr_free_pages() == 0);
	while (!list_empty(&taken)) {
		p = list_first_entry(&taken, struct page, lru);
		list_del(&p->lru);
		free_pages(p, 0, NR_KERNEL_MISC);
	}
	pr_info("selftest: allocated all %lu free frames one by one, %lu outside usable RAM\n", count, bad);
	EXPECT(count == expected);
	EXPECT(bad == 0);
	EXPECT(nr_free_pages() == expected);
	return 0;
}

SELFTEST(direct_map_reachable)
{
	uint64_t frames = 0;
	for (uint32_t i = 0; i < boot_info.mmap_count; i++) {
		const struct boot_mem_range *r = &boot_info.mmap[i];
		if (!is_ram_type(r->type))
			continue;
		for (uint64_t pa = r->base; pa < r->base + r->pages * PAGE_SIZE; pa += PAGE_SIZE) {
			uint64_t got, flags, word;
			void *va = phys_to_virt(pa);
			EXPECT(translate(kernel_pml4, (uint64_t)va, &got, &flags));
			EXPECT(got == pa && (flags & PTE_RW) && (flags & PTE_NX) && !(flags & PTE_US));
			EXPECT(probe_read_u64(va, &word) == 0);
			frames++;
		}
	}
	pr_info("selftest: %lu RAM frames reachable through the direct map\n", frames);
	EXPECT(frames * PAGE_SIZE == mm_boot.ram);
	return 0;
}

/* Unused VA under the kernel image's PDPT (PML4[511]): kernel-half PDPTs are
 * shared by every address space and never freed, so the test maps below one. */
#define TEST_VA 0xffffffffc0000000ull

SELFTEST(fresh_mapping_visible)
{
	uint64_t tables = vm_stat[NR_PAGETABLE], pa = alloc_zeroed_page(NR_KERNEL_MISC), got, flags;
	EXPECT(pa != 0);
	EXPECT(map_page(kernel_pml4, TEST_VA, pa, PTE_RW | PTE_NX) == 0);
	EXPECT(vm_stat[NR_PAGETABLE] == tables + 2); /* a PD and a PT */
	*(volatile uint64_t *)TEST_VA = 0x1122334455667788ull;
	EXPECT(*(volatile uint64_t *)phys_to_virt(pa) == 0x1122334455667788ull);
	EXPECT(unmap_page(kernel_pml4, TEST_VA) != 0);
	EXPECT(!translate(kernel_pml4, TEST_VA, &got, &flags));
	EXPECT(probe_read_u64((void *)TEST_VA, &got) == -14); /* -EFAULT: the TLB entry went too */
	EXPECT(vm_stat[NR_PAGETABLE] == tables);
	free_page_phys(pa, NR_KERNEL_MISC);
	return 0;
}

SELFTEST(kmalloc_sizes)
{
	void *objs[64];
	for (unsigned i = 0; i < 64; i++) {
		size_t size = 1u << (i % 16); /* 1 byte .. 32 KiB, slab classes and whole pages */
		objs[i] = kmalloc(size);
		EXPECT(objs[i] != NULL);
		memset(objs[i], (int)i, size);
		EXPECT(ksize(objs[i]) >= size);
	}
	for (unsigned i = 0; i < 64; i++)
		kfree(objs[i]);
	return 0;
}
