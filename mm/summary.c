/*
 * mm/summary.c - the boot memory summary. Every figure is counted, not
 * derived: RAM from the firmware map, the kernel image from linker symbols,
 * page tables and slab from vm_stat, free from the buddy; used = RAM - free.
 */
#include "mm/summary.h"
#include "mm/init.h"
#include "mm/page_alloc.h"
#include "kernel/printk.h"

#define KiB(bytes) ((bytes) >> 10)

void mm_print_summary(void)
{
	uint64_t free = nr_free_pages() * PAGE_SIZE;
	uint64_t image = mm_boot.text + mm_boot.rodata + mm_boot.data_bss;
	uint64_t tables = vm_stat[NR_PAGETABLE] * PAGE_SIZE;
	uint64_t slab = vm_stat[NR_SLAB] * PAGE_SIZE;
	uint64_t used = mm_boot.ram - free;

	pr_info("Memory: %luK RAM, %luK managed by the buddy allocator\n",
		KiB(mm_boot.ram), KiB(page_zone.managed * PAGE_SIZE));
	pr_info("Memory: kernel image %luK (text %luK, rodata %luK, data+bss %luK)\n",
		KiB(image), KiB(mm_boot.text), KiB(mm_boot.rodata), KiB(mm_boot.data_bss));
	pr_info("Memory: page tables %luK, struct page array %luK (%lu frames x %lu bytes), slab %luK\n",
		KiB(tables), KiB(mm_boot.mem_map), max_pfn, (uint64_t)sizeof(struct page), KiB(slab));
	pr_info("Memory: initrd %luK, kernel symbols %luK, firmware (ACPI/runtime) %luK, low 1M %luK\n",
		KiB(mm_boot.initrd), KiB(mm_boot.symbols), KiB(mm_boot.firmware), KiB(mm_boot.low_reserved));
	pr_info("              total        used        free\n");
	pr_info("Mem:    %12lu%12lu%12lu   (KiB)\n", KiB(mm_boot.ram), KiB(used), KiB(free));
	pr_info("buddy: free blocks per order (4K << order):");
	for (unsigned o = 0; o < MAX_ORDER; o++)
		printk(LOG_INFO, " %lu", page_zone.free_area[o].nr_free);
	printk(LOG_INFO, "\n");
}
