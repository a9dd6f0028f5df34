/*
 * boot/boot_info.h - the one contract between the UEFI loader and the kernel.
 *
 * The loader (boot/, built with GNU-EFI) fills one `struct boot_info` and jumps
 * to the kernel entry with its physical address in RDI (System V: first arg).
 * Everything here is plain fixed-width data: no EFI types leak into the kernel,
 * no kernel types leak into the loader. All addresses are PHYSICAL.
 *
 * At the jump the loader's bootstrap page tables map physical memory twice:
 *   - identity (VA == PA) for the loader's own last instructions, and
 *   - at BOOT_DIRECT_MAP (VA == PA + 0xffff800000000000), the kernel's direct map,
 * plus the kernel image at its link address (-2 GiB). The kernel copies this
 * struct into its own .bss first thing, then builds and loads its own tables.
 */
#ifndef BOOT_BOOT_INFO_H
#define BOOT_BOOT_INFO_H

#include <stdint.h>

#define BOOT_INFO_MAGIC   0x4f464e49544f4f42ull /* "BOOTINFO" little-endian */
#define BOOT_INFO_VERSION 1

#define BOOT_DIRECT_MAP   0xffff800000000000ull /* PAGE_OFFSET in the kernel */
#define BOOT_KERNEL_VMA   0xffffffff80000000ull /* -2 GiB: base of the kernel's VA window */

#define BOOT_MMAP_MAX     512 /* UEFI descriptors the kernel keeps (OVMF uses ~100) */
#define BOOT_CMDLINE_MAX  4096

/* Memory kinds, already reduced from UEFI's EFI_MEMORY_TYPE by the loader. */
enum boot_mem_type {
	BOOT_MEM_USABLE = 1,     /* Conventional + BootServices* (free after ExitBootServices) */
	BOOT_MEM_LOADER,         /* LoaderCode/LoaderData: ours; free unless listed below */
	BOOT_MEM_ACPI_RECLAIM,   /* ACPI tables: keep until parsed */
	BOOT_MEM_ACPI_NVS,       /* never touch */
	BOOT_MEM_RUNTIME,        /* UEFI runtime services code/data: never touch */
	BOOT_MEM_MMIO,           /* device memory: never in the direct map as RAM */
	BOOT_MEM_RESERVED,       /* reserved, unusable, unknown: never touch */
};

struct boot_mem_range {
	uint64_t base;     /* physical, page aligned */
	uint64_t pages;    /* 4 KiB pages */
	uint32_t type;     /* enum boot_mem_type */
	uint32_t efi_type; /* the original EFI_MEMORY_TYPE, for the boot log */
};

/* A physically contiguous blob the loader placed in memory for the kernel. */
struct boot_blob {
	uint64_t base; /* physical; 0 when absent */
	uint64_t size; /* bytes */
};

struct boot_framebuffer {
	uint64_t base;   /* physical; 0 when no GOP */
	uint64_t size;
	uint32_t width, height;
	uint32_t pitch;  /* pixels per scan line */
	uint32_t format; /* EFI_GRAPHICS_PIXEL_FORMAT */
};

struct boot_info {
	uint64_t magic;   /* BOOT_INFO_MAGIC */
	uint32_t version; /* BOOT_INFO_VERSION */
	uint32_t size;    /* sizeof(struct boot_info) as the loader saw it */

	/* Where the kernel image lives: virtual link base -> physical base. */
	uint64_t kernel_phys;     /* physical address of the lowest PT_LOAD (2 MiB aligned) */
	uint64_t kernel_virt;     /* its link (virtual) address */
	uint64_t kernel_size;     /* bytes spanned by all PT_LOAD segments, page rounded */

	struct boot_blob initrd;  /* \initrd.cpio as read (cpio newc) */
	struct boot_blob symtab;  /* kernel.elf's .symtab, copied, for backtraces */
	struct boot_blob strtab;  /* its string table */
	struct boot_blob handoff; /* loader-owned: this struct + boot page tables; free once copied */

	uint64_t acpi_rsdp;       /* physical address of the RSDP (ACPI 2.0 preferred), 0 if none */
	uint64_t loader_image_base; /* where OVMF loaded BOOTX64.EFI (for gdb) */
	struct boot_framebuffer fb;

	char cmdline[BOOT_CMDLINE_MAX]; /* NUL terminated, from \cmdline.txt */

	uint32_t mmap_count;
	uint32_t reserved0;
	struct boot_mem_range mmap[BOOT_MMAP_MAX]; /* sorted by base, adjacent same-type merged */
};

#endif
