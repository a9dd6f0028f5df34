/*
 * mm/ioremap.h - device memory (PCI BARs) mapped into the kernel half
 * (Linux: ioremap/iounmap). RAM is reached through the direct map; a device's
 * registers are not RAM, so they get their own uncached mappings here.
 *
 * The area is one PML4 entry, [IOREMAP_START, IOREMAP_END) (512 GiB, Linux's
 * vmalloc/ioremap base). Its PDPT is created by ioremap_init inside mm_init,
 * before mm_seal_kernel_half: every address space copies that PML4 entry, so
 * mappings made later below it are visible in all of them, and no new
 * kernel-half PML4 entry is needed after the seal.
 * Lock: boot-time use only (driver probing), single CPU.
 */
#ifndef MM_IOREMAP_H
#define MM_IOREMAP_H

#include <stdint.h>

#define IOREMAP_START 0xffffc90000000000ull
#define IOREMAP_END   (IOREMAP_START + (1ull << 39))

/* ioremap_init: create the area's PDPT under the PML4 at @root. mm_init, before the seal. */
void ioremap_init(uint64_t root);

/*
 * ioremap: map physical [@pa, @pa + @size) uncached (PCD|PWT), read-write,
 * no-execute, kernel-only; returns the address of @pa in the mapping, or NULL
 * when the area or memory for page tables is exhausted. @pa need not be page
 * aligned. The caller owns the mapping until iounmap.
 */
void *ioremap(uint64_t pa, uint64_t size);

/* iounmap: remove the mapping ioremap(@pa, @size) returned as @addr. */
void iounmap(void *addr, uint64_t size);

#endif
