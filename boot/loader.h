/*
 * boot/loader.h - internal interfaces of the UEFI loader (all of boot/).
 *
 * The loader reads \kernel.elf, \initrd.cpio and \cmdline.txt from its own
 * EFI system partition, loads the kernel at a 2 MiB aligned physical address,
 * fills one struct boot_info (boot_info.h, the kernel contract), builds
 * bootstrap page tables, exits boot services and jumps to the kernel.
 *
 * Rules every file follows:
 *   - Every failure before ExitBootServices prints one clear line
 *     "loader: error: ..." (Print goes to ConOut, which OVMF mirrors to the
 *     serial port) and propagates an EFI_STATUS up to efi_main, which frees
 *     all tracked pages and returns to the firmware.
 *   - All memory handed to the kernel is EfiLoaderData pages from
 *     pages_alloc*(), so the kernel finds it as BOOT_MEM_LOADER in the map.
 *   - During boot services UEFI identity-maps all memory (UEFI 2.10 §2.3.4),
 *     so a physical address can be used as a pointer.
 */
#ifndef BOOT_LOADER_H
#define BOOT_LOADER_H

#include <efi.h>
#include <efilib.h>

#include "boot_info.h"

#include "mm/page.h" /* PAGE_SIZE: the kernel's own */
#define SIZE_2M   (2ull << 20)
#define SIZE_1G   (1ull << 30)

/* Round `x` up to a multiple of `a` (a power of two); caller ensures no overflow. */
static inline UINT64 align_up(UINT64 x, UINT64 a) { return (x + a - 1) & ~(a - 1); }
/* Round `x` down to a multiple of `a` (a power of two). */
static inline UINT64 align_down(UINT64 x, UINT64 a) { return x & ~(a - 1); }
/* Number of 4 KiB pages needed to hold `bytes` bytes. */
static inline UINT64 pages_for(UINT64 bytes) { return (bytes + PAGE_SIZE - 1) / PAGE_SIZE; }

/* ------------------------------------------------------------ log.c */
/* The name of an EFI_STATUS constant, e.g. L"EFI_NOT_FOUND". */
const CHAR16 *status_name(EFI_STATUS st);
/* Print "loader: error: <fmt...>\n" and return `st` (EFI_LOAD_ERROR if `st` is success). */
EFI_STATUS loader_error(EFI_STATUS st, const CHAR16 *fmt, ...);

/* ------------------------------------------------------------ alloc.c */
/* Allocate `pages` EfiLoaderData pages anywhere; tracked so pages_free_all() can undo it. */
EFI_STATUS pages_alloc(UINT64 pages, EFI_PHYSICAL_ADDRESS *out);
/* Like pages_alloc, but the base is aligned to `align` bytes (power of two, >= 4 KiB). */
EFI_STATUS pages_alloc_aligned(UINT64 pages, UINT64 align, EFI_PHYSICAL_ADDRESS *out);
/* Copy `size` bytes into fresh pages and describe them in `out` (base 0 when size is 0). */
EFI_STATUS pages_copy(const void *src, UINT64 size, struct boot_blob *out);
/* Free one tracked allocation by its base address (no-op for 0). */
void pages_free(EFI_PHYSICAL_ADDRESS base);
/* Free every tracked allocation: the error path, before ExitBootServices only. */
void pages_free_all(void);
/* Zero `size` bytes at `dst` with the firmware's SetMem (fast, unlike a C loop under TCG). */
void mem_zero(void *dst, UINT64 size);
/* Copy `size` bytes with the firmware's CopyMem. */
void mem_copy(void *dst, const void *src, UINT64 size);

/* ------------------------------------------------------------ file.c */
/* A whole file read into EfiLoaderData pages; base 0 when the file is empty. */
struct file_blob {
	EFI_PHYSICAL_ADDRESS base;
	UINT64 size;
};
/* Open the root directory of the partition this loader was loaded from. */
EFI_STATUS esp_open_root(EFI_LOADED_IMAGE *self, EFI_FILE_HANDLE *root);
/* Read all of `path` (e.g. L"\\kernel.elf") into tracked pages; prints its own error. */
EFI_STATUS esp_read_file(EFI_FILE_HANDLE root, const CHAR16 *path, struct file_blob *out);

/* ------------------------------------------------------------ elf.c */
/* Validate the kernel ELF in memory; prints "<path>: <reason>" and fails if malformed. */
EFI_STATUS elf_validate(const void *file, UINT64 size, const CHAR16 *path);
/* Load a validated kernel at a 2 MiB aligned physical block; fills bi->kernel_* and *entry. */
EFI_STATUS elf_load(const void *file, struct boot_info *bi, UINT64 *entry);
/* Copy .symtab and its string table into bi->symtab/strtab (base 0 when absent). */
EFI_STATUS elf_copy_symbols(const void *file, UINT64 size, struct boot_info *bi);

/* ------------------------------------------------------------ cmdline.c */
/* Validate \cmdline.txt's text and store it NUL-terminated in bi->cmdline; prints its own error. */
EFI_STATUS cmdline_store(const UINT8 *text, UINT64 size, const CHAR16 *path, struct boot_info *bi);

/* ------------------------------------------------------------ firmware.c */
/* Find the ACPI RSDP in the UEFI configuration table (2.0 preferred) -> bi->acpi_rsdp. */
void fw_find_acpi(struct boot_info *bi);
/* Describe the GOP framebuffer in bi->fb, or leave it zero when there is no GOP. */
void fw_find_framebuffer(struct boot_info *bi);

/* ------------------------------------------------------------ memmap.c */
/* A UEFI memory map buffer, allocated once, refilled in place by GetMemoryMap. */
struct efi_mmap {
	EFI_MEMORY_DESCRIPTOR *buf;
	UINTN cap;       /* bytes allocated */
	UINTN size;      /* bytes filled by the last GetMemoryMap */
	UINTN key;       /* MapKey for ExitBootServices */
	UINTN desc_size; /* stride: may exceed sizeof(EFI_MEMORY_DESCRIPTOR) */
	UINT32 desc_version;
};
/* Highest end address of any RAM-backed descriptor (not MMIO/reserved). */
EFI_STATUS memmap_ram_top(UINT64 *top);
/* Allocate the map buffer with slack now, so the final GetMemoryMap needs no allocation. */
EFI_STATUS memmap_prepare(struct efi_mmap *m);
/* Final GetMemoryMap + ExitBootServices, retrying on a stale key. On success: no boot services. */
EFI_STATUS memmap_exit_boot_services(EFI_HANDLE image, struct efi_mmap *m);
/* Reduce the final map to sorted, merged boot_mem_ranges in bi->mmap; pure, safe after EBS. */
void memmap_convert(struct efi_mmap *m, struct boot_info *bi);

/* ------------------------------------------------------------ paging.c */
/* Pages of page tables needed to map [0, top) twice plus a <= 64 MiB kernel span. */
UINT64 paging_table_pages(UINT64 top);
/* Fail unless the CPU runs 4-level paging (CR4.LA57 clear), which our tables assume. */
EFI_STATUS paging_check_cpu(void);
/* Build the bootstrap tables in `mem` (zeroed, `pages` pages); returns the PML4's physical address, 0 if out of room. */
UINT64 paging_build(void *mem, UINT64 pages, UINT64 top, const struct boot_info *bi);

/* ------------------------------------------------------------ handoff.c */
/* The one allocation that holds struct boot_info followed by the bootstrap page tables. */
struct handoff {
	struct boot_info *bi;
	void *tables;
	UINT64 table_pages;
};
/* Allocate and zero the handoff region for RAM ending at `top`; stamps the boot_info header. */
EFI_STATUS handoff_alloc(UINT64 top, UINT64 image_base, struct handoff *h);
/* cli, CR3 = pml4, jump to `entry` with RDI = bi. Only after ExitBootServices. Never returns. */
__attribute__((noreturn)) void handoff_jump(UINT64 pml4, UINT64 entry, struct boot_info *bi);

#endif
