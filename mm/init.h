/*
 * mm/init.h - bringing up memory management at boot:
 * UEFI map -> memblock -> struct page array -> buddy -> the kernel's own page
 * tables (direct map + W^X kernel image) -> CR3. See docs/boot.md.
 */
#ifndef MM_INIT_H
#define MM_INIT_H

#include <stdint.h>
#include "boot/boot_info.h"

/* What boot set aside, in bytes, for the memory summary and /proc/meminfo. */
struct mm_boot_stats {
	uint64_t ram;                    /* all RAM the firmware reported (any RAM type) */
	uint64_t firmware;               /* RAM kept by firmware: ACPI, runtime services */
	uint64_t text, rodata, data_bss; /* kernel image sections */
	uint64_t mem_map;                /* the struct page array */
	uint64_t initrd, symbols;        /* blobs the loader placed */
	uint64_t low_reserved;           /* first 1 MiB, never allocated */
};

extern uint64_t kernel_pml4;          /* physical address of the kernel's PML4 (its CR3) */
extern struct mm_boot_stats mm_boot;

/* mm_init: build the frame allocator and the kernel page tables from @bi, load CR3. Boot, once. */
void mm_init(const struct boot_info *bi);

/* kernel_image_phys: physical address of a kernel-image (-2 GiB) address @va. */
uint64_t kernel_image_phys(const void *va);

/* is_ram_type: whether memory of boot type @type is RAM (direct-mapped). */
int is_ram_type(uint32_t type);

#endif
