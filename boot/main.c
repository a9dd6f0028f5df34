/*
 * boot/main.c - efi_main: the loader's steps, in order.
 *
 *   1. banner with our ImageBase (for gdb: add-symbol-file build/loader.so -o <ImageBase>)
 *   2. size RAM, allocate the handoff region (boot_info + page tables)
 *   3. read \kernel.elf, \initrd.cpio, \cmdline.txt from our own partition
 *   4. ACPI RSDP, GOP framebuffer
 *   5. bootstrap page tables
 *   6. final memory map, ExitBootServices, convert the map, jump
 * Any failure before 6 prints one "loader: error: ..." line, frees every page
 * the loader allocated and returns the error to the firmware, which moves on
 * to its next boot option / boot manager.
 */
#include "loader.h"

#define KERNEL_PATH  L"\\kernel.elf"
#define INITRD_PATH  L"\\initrd.cpio"
#define CMDLINE_PATH L"\\cmdline.txt"

/* What the steps hand each other. */
struct loader {
	EFI_HANDLE image;
	EFI_LOADED_IMAGE *self;
	struct handoff h;
	UINT64 ram_top;
	UINT64 entry;
	UINT64 pml4;
	struct efi_mmap mmap;
};

/* Read, validate and load \kernel.elf and its symbols; the file buffer is freed either way. */
static EFI_STATUS load_kernel(EFI_FILE_HANDLE root, struct loader *l)
{
	struct boot_info *bi = l->h.bi;
	struct file_blob f;
	EFI_STATUS st;

	st = esp_read_file(root, KERNEL_PATH, &f);
	if (EFI_ERROR(st))
		return st;
	st = elf_validate((void *)f.base, f.size, KERNEL_PATH);
	if (!EFI_ERROR(st))
		st = elf_load((void *)f.base, bi, &l->entry);
	if (!EFI_ERROR(st))
		st = elf_copy_symbols((void *)f.base, f.size, bi);
	pages_free(f.base);
	if (EFI_ERROR(st))
		return st;
	Print(L"loader: kernel 0x%lx bytes at 0x%lx (virt 0x%lx), entry 0x%lx, symtab %ld bytes\n",
	      bi->kernel_size, bi->kernel_phys, bi->kernel_virt, l->entry, bi->symtab.size);
	return EFI_SUCCESS;
}

/* Read \initrd.cpio straight into its final pages: boot_info.initrd (size 0 -> base 0). */
static EFI_STATUS load_initrd(EFI_FILE_HANDLE root, struct boot_info *bi)
{
	struct file_blob f;
	EFI_STATUS st;

	st = esp_read_file(root, INITRD_PATH, &f);
	if (EFI_ERROR(st))
		return st;
	bi->initrd.base = f.base;
	bi->initrd.size = f.size;
	Print(L"loader: initrd %ld bytes at 0x%lx\n", f.size, f.base);
	return EFI_SUCCESS;
}

/* Read and check \cmdline.txt into boot_info.cmdline; the file buffer is freed either way. */
static EFI_STATUS load_cmdline(EFI_FILE_HANDLE root, struct boot_info *bi)
{
	struct file_blob f;
	EFI_STATUS st;

	st = esp_read_file(root, CMDLINE_PATH, &f);
	if (EFI_ERROR(st))
		return st;
	st = cmdline_store((const UINT8 *)f.base, f.size, CMDLINE_PATH, bi);
	pages_free(f.base);
	if (!EFI_ERROR(st))
		Print(L"loader: cmdline \"%a\"\n", bi->cmdline);
	return st;
}

/* Load the three files from the partition we were loaded from; the volume is closed either way. */
static EFI_STATUS load_files(struct loader *l)
{
	EFI_FILE_HANDLE root;
	EFI_STATUS st;

	st = esp_open_root(l->self, &root);
	if (EFI_ERROR(st))
		return st;
	st = load_kernel(root, l);
	if (!EFI_ERROR(st))
		st = load_initrd(root, l->h.bi);
	if (!EFI_ERROR(st))
		st = load_cmdline(root, l->h.bi);
	root->Close(root);
	return st;
}

/* Build the bootstrap page tables in the handoff region. */
static EFI_STATUS build_tables(struct loader *l)
{
	EFI_STATUS st = paging_check_cpu();

	if (EFI_ERROR(st))
		return st;
	l->pml4 = paging_build(l->h.tables, l->h.table_pages, l->ram_top, l->h.bi);
	if (!l->pml4)
		return loader_error(EFI_OUT_OF_RESOURCES, L"page tables do not fit the handoff region");
	Print(L"loader: RAM top 0x%lx, handoff 0x%lx (%ld KiB), PML4 0x%lx\n", l->ram_top,
	      l->h.bi->handoff.base, l->h.bi->handoff.size / 1024, l->pml4);
	return EFI_SUCCESS;
}

/* Steps 2-5 plus the map buffer: everything that may still fail and return to the firmware. */
static EFI_STATUS prepare(struct loader *l)
{
	EFI_STATUS st;

	st = memmap_ram_top(&l->ram_top);
	if (!EFI_ERROR(st))
		st = handoff_alloc(l->ram_top, (UINT64)l->self->ImageBase, &l->h);
	if (!EFI_ERROR(st))
		st = load_files(l);
	if (EFI_ERROR(st))
		return st;
	fw_find_acpi(l->h.bi);
	fw_find_framebuffer(l->h.bi);
	st = build_tables(l);
	if (!EFI_ERROR(st))
		st = memmap_prepare(&l->mmap); /* last allocation before ExitBootServices */
	return st;
}

/* Report a failure, give back every page we took, and return `st` to the firmware. */
static EFI_STATUS give_up(EFI_STATUS st)
{
	pages_free_all();
	Print(L"loader: returning to firmware\n");
	return st;
}

/* Find our own EFI_LOADED_IMAGE_PROTOCOL (UEFI 2.10 §9.1) for ImageBase and DeviceHandle. */
static EFI_STATUS find_self(EFI_HANDLE image, EFI_LOADED_IMAGE **self)
{
	EFI_STATUS st = BS->HandleProtocol(image, &gEfiLoadedImageProtocolGuid, (void **)self);

	if (EFI_ERROR(st))
		return loader_error(st, L"no loaded image protocol on our own handle (%s)", status_name(st));
	return EFI_SUCCESS;
}

/* The UEFI entry point (called by gnu-efi's crt0, so not EFIAPI): load the kernel and jump, or return an error. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	struct loader l = { .image = image };
	EFI_STATUS st;

	InitializeLib(image, systab);
	/* The boot manager arms a 5-minute watchdog (UEFI 2.10 §3.1.2): disarm it so a gdb session can pause here. */
	BS->SetWatchdogTimer(0, 0, 0, NULL);
	st = find_self(image, &l.self);
	if (EFI_ERROR(st))
		return give_up(st);
	Print(L"loader: ImageBase 0x%lx (gdb: add-symbol-file build/loader.so -o 0x%lx)\n",
	      (UINT64)l.self->ImageBase, (UINT64)l.self->ImageBase);
	st = prepare(&l);
	if (EFI_ERROR(st))
		return give_up(st);
	Print(L"loader: exiting boot services, jumping to 0x%lx\n", l.entry);
	/* From here on: no Print, no allocation (both could change the memory map). */
	st = memmap_exit_boot_services(image, &l.mmap);
	if (EFI_ERROR(st)) /* best effort: boot services may be partly gone after a failed ExitBootServices */
		return give_up(loader_error(st, L"ExitBootServices failed (%s)", status_name(st)));
	memmap_convert(&l.mmap, l.h.bi);
	handoff_jump(l.pml4, l.entry, l.h.bi);
}
