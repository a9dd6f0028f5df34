/*
 * boot/handoff.c - the memory handed to the kernel, and the jump into it.
 *
 * One EfiLoaderData allocation holds struct boot_info (page aligned, ~28 KiB)
 * followed by the bootstrap page tables, recorded in boot_info.handoff so the
 * kernel can free it all once it has copied boot_info and loaded its own CR3.
 */
#include "loader.h"

#define TABLE_SLACK_PAGES 4
#define MAX_RAM_TOP (1ull << 46) /* the direct map window holds 64 TiB */

/* Allocate and zero the handoff region for RAM ending at `top`; stamps the boot_info header fields. */
EFI_STATUS handoff_alloc(UINT64 top, UINT64 image_base, struct handoff *h)
{
	UINT64 info_pages = pages_for(sizeof(struct boot_info));
	UINT64 table_pages, total;
	EFI_PHYSICAL_ADDRESS base;
	EFI_STATUS st;

	if (top > MAX_RAM_TOP)
		return loader_error(EFI_UNSUPPORTED, L"RAM ends at 0x%lx, above the 64 TiB direct map", top);
	table_pages = paging_table_pages(top) + TABLE_SLACK_PAGES;
	total = info_pages + table_pages;
	st = pages_alloc(total, &base);
	if (EFI_ERROR(st))
		return st;
	mem_zero((void *)base, total * PAGE_SIZE);
	h->bi = (struct boot_info *)base;
	h->tables = (void *)(base + info_pages * PAGE_SIZE);
	h->table_pages = table_pages;
	h->bi->magic = BOOT_INFO_MAGIC;
	h->bi->version = BOOT_INFO_VERSION;
	h->bi->size = sizeof(struct boot_info);
	h->bi->handoff.base = base;
	h->bi->handoff.size = total * PAGE_SIZE;
	h->bi->loader_image_base = image_base;
	return EFI_SUCCESS;
}

/*
 * Leave the loader, after ExitBootServices. cli: the firmware's IDT is about
 * to become meaningless. CR3 = the bootstrap PML4: the loader keeps running
 * because its code and stack are identity mapped there. Then jump (not call:
 * the kernel never returns and sets its own stack) to the higher-half entry
 * with RDI = &boot_info, the first argument in the System V ABI.
 */
__attribute__((noreturn)) void handoff_jump(UINT64 pml4, UINT64 entry, struct boot_info *bi)
{
	__asm__ volatile("cli\n\t"
			 "mov %0, %%cr3\n\t"
			 "jmp *%1"
			 :
			 : "r"(pml4), "r"(entry), "D"(bi)
			 : "memory");
	__builtin_unreachable();
}
