/*
 * mm/init.c - memory bring-up at boot (see init.h).
 *
 * Order matters, and each step uses only what the previous ones built:
 *  1. memblock learns RAM and what is in use from the loader's map;
 *  2. the struct page array comes from memblock (reached through the loader's
 *     bootstrap direct map, which has the same PAGE_OFFSET as ours);
 *  3. the buddy receives every free frame (the bootstrap tables stay reserved);
 *  4. the walker, allocating from the buddy, builds the kernel's PML4:
 *     a direct map of all RAM (2 MiB pages where aligned) and the kernel image
 *     with per-section permissions (W^X), and the empty PDPT of the ioremap
 *     area (mm/ioremap.c), which must exist before the kernel half is sealed;
 *  5. CR3 loads it; the loader's handoff region (bootstrap tables, boot_info)
 *     is now garbage and goes to the buddy too.
 */
#include "mm/init.h"
#include "mm/memblock.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/tlb.h"
#include "mm/memory.h"
#include "mm/ioremap.h"
#include "arch/x86_64/cpu.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"

#define LOW_RESERVED (1ull << 20) /* firmware leftovers, and pa 0 must never be a frame */

uint64_t kernel_pml4;
struct mm_boot_stats mm_boot;
struct page *mem_map;
uint64_t max_pfn;

extern char __kernel_start[], __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __bss_end[], __kernel_end[], __boot_stack_guard[];

static const struct boot_info *boot;

int is_ram_type(uint32_t type)
{
	return type == BOOT_MEM_USABLE || type == BOOT_MEM_LOADER || type == BOOT_MEM_ACPI_RECLAIM ||
	       type == BOOT_MEM_ACPI_NVS || type == BOOT_MEM_RUNTIME;
}

uint64_t kernel_image_phys(const void *va)
{
	return (uint64_t)va - boot->kernel_virt + boot->kernel_phys;
}

/* memblock_from_boot: usable RAM and the ranges in use, from the loader's map and blobs. */
static void memblock_from_boot(void)
{
	for (uint32_t i = 0; i < boot->mmap_count; i++) {
		const struct boot_mem_range *r = &boot->mmap[i];
		uint64_t bytes = r->pages * PAGE_SIZE;
		if (is_ram_type(r->type)) {
			mm_boot.ram += bytes;
			if (r->base + bytes > max_pfn << PAGE_SHIFT)
				max_pfn = (r->base + bytes) >> PAGE_SHIFT;
		}
		if (r->type == BOOT_MEM_USABLE || r->type == BOOT_MEM_LOADER)
			memblock_add(r->base, bytes);
		else if (is_ram_type(r->type))
			mm_boot.firmware += bytes;
	}
	memblock_reserve(0, LOW_RESERVED);
	memblock_reserve(boot->kernel_phys, boot->kernel_size);
	memblock_reserve(boot->initrd.base, PAGE_ALIGN(boot->initrd.size));
	memblock_reserve(boot->symtab.base, PAGE_ALIGN(boot->symtab.size));
	memblock_reserve(boot->strtab.base, PAGE_ALIGN(boot->strtab.size));
	memblock_reserve(boot->handoff.base, PAGE_ALIGN(boot->handoff.size));
	mm_boot.low_reserved = LOW_RESERVED;
	mm_boot.initrd = PAGE_ALIGN(boot->initrd.size);
	mm_boot.symbols = PAGE_ALIGN(boot->symtab.size) + PAGE_ALIGN(boot->strtab.size);
}

/* mem_map_init: one struct page per frame below max_pfn, all reserved until the buddy frees them. */
static void mem_map_init(void)
{
	uint64_t bytes = PAGE_ALIGN(max_pfn * sizeof(struct page));
	mem_map = phys_to_virt(memblock_alloc(bytes, PAGE_SIZE));
	memset(mem_map, 0, bytes);
	for (uint64_t pfn = 0; pfn < max_pfn; pfn++)
		page_set(&mem_map[pfn], PG_reserved);
	mm_boot.mem_map = bytes;
}

/* map_or_die: map_page/map_large_page result check; boot cannot continue without it. */
static void map_or_die(int err, uint64_t va)
{
	if (err)
		panic("mm_init: cannot map %lx (error %d)", va, err);
}

/* map_direct_range: direct-map physical [start, end), 2 MiB pages where aligned. */
static void map_direct_range(uint64_t root, uint64_t start, uint64_t end)
{
	const uint64_t flags = PTE_RW | PTE_NX | PTE_G;
	for (uint64_t pa = start; pa < end;) {
		uint64_t va = (uint64_t)phys_to_virt(pa);
		if (!(pa & (PAGE_2M - 1)) && end - pa >= PAGE_2M) {
			map_or_die(map_large_page(root, va, pa, flags), va);
			pa += PAGE_2M;
		} else {
			map_or_die(map_page(root, va, pa, flags), va);
			pa += PAGE_SIZE;
		}
	}
}

/* map_direct: the direct map of every RAM range, adjacent ranges joined so 2 MiB pages fit. */
static void map_direct(uint64_t root)
{
	uint64_t start = 0, end = 0;
	for (uint32_t i = 0; i < boot->mmap_count; i++) {
		const struct boot_mem_range *r = &boot->mmap[i];
		if (!is_ram_type(r->type))
			continue;
		if (r->base != end) {
			map_direct_range(root, start, end);
			start = r->base;
		}
		end = r->base + r->pages * PAGE_SIZE;
	}
	map_direct_range(root, start, end);
}

/* map_kernel_section: map kernel-image pages [from, to) with @flags (4 KiB pages). */
static void map_kernel_section(uint64_t root, const char *from, const char *to, uint64_t flags)
{
	for (const char *va = from; va < to; va += PAGE_SIZE) {
		if (va == __boot_stack_guard)
			continue; /* left unmapped: a boot-stack overflow faults */
		map_or_die(map_page(root, (uint64_t)va, kernel_image_phys(va), flags | PTE_G), (uint64_t)va);
	}
}

/* map_kernel_image: text R+X, rodata R+NX, data and bss R+W+NX (W^X). */
static void map_kernel_image(uint64_t root)
{
	map_kernel_section(root, __text_start, __text_end, 0);
	map_kernel_section(root, __rodata_start, __rodata_end, PTE_NX);
	map_kernel_section(root, __data_start, __kernel_end, PTE_RW | PTE_NX);
	mm_boot.text = __text_end - __text_start;
	mm_boot.rodata = __rodata_end - __rodata_start;
	mm_boot.data_bss = __kernel_end - __data_start;
}

/* release_handoff: the loader's bootstrap tables and boot_info are dead once CR3 is ours. */
static void release_handoff(void)
{
	buddy_add_range(&page_zone, boot->handoff.base >> PAGE_SHIFT,
			PAGE_ALIGN(boot->handoff.size) >> PAGE_SHIFT);
}

void mm_init(const struct boot_info *bi)
{
	boot = bi;
	memblock_from_boot();
	mem_map_init();
	buddy_init(&page_zone, 0, max_pfn);
	memblock_free_all();

	kernel_pml4 = pt_alloc_root();
	if (!kernel_pml4)
		panic("mm_init: no memory for the kernel PML4");
	map_direct(kernel_pml4);
	map_kernel_image(kernel_pml4);
	ioremap_init(kernel_pml4);

	write_cr3(kernel_pml4); /* from here on no firmware or loader table is used */
	release_handoff();
	zero_page_init();
	pr_info("mm: kernel PML4 at phys 0x%lx loaded into CR3\n", kernel_pml4);
}
