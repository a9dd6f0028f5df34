/*
 * boot/firmware.c - facts the kernel needs from the firmware's tables.
 *
 * The ACPI RSDP is published in the EFI configuration table (UEFI 2.10 §4.6)
 * under the ACPI 2.0 GUID (RSDP with XSDT) and/or the older ACPI 1.0 GUID
 * (RSDP with RSDT only); 2.0 is preferred. The framebuffer comes from the
 * Graphics Output Protocol's current mode (§12.9); QEMU -nodefaults has no
 * display device, hence no GOP, which is not an error.
 */
#include "loader.h"

static EFI_GUID acpi20_guid = ACPI_20_TABLE_GUID;
static EFI_GUID acpi10_guid = ACPI_TABLE_GUID;

/* The VendorTable registered under `guid` in the configuration table, or 0. */
static UINT64 config_table(EFI_GUID *guid)
{
	for (UINTN i = 0; i < ST->NumberOfTableEntries; i++)
		if (CompareGuid(&ST->ConfigurationTable[i].VendorGuid, guid) == 0)
			return (UINT64)ST->ConfigurationTable[i].VendorTable;
	return 0;
}

/* Find the ACPI RSDP (2.0 preferred, else 1.0) -> bi->acpi_rsdp; 0 and a note if neither exists. */
void fw_find_acpi(struct boot_info *bi)
{
	bi->acpi_rsdp = config_table(&acpi20_guid);
	if (bi->acpi_rsdp) {
		Print(L"loader: ACPI 2.0 RSDP at 0x%lx\n", bi->acpi_rsdp);
		return;
	}
	bi->acpi_rsdp = config_table(&acpi10_guid);
	if (bi->acpi_rsdp)
		Print(L"loader: ACPI 1.0 RSDP at 0x%lx\n", bi->acpi_rsdp);
	else
		Print(L"loader: no ACPI RSDP in the configuration table\n");
}

/* Describe the GOP's current mode in bi->fb (UEFI 2.10 §12.9); left zero without a usable GOP. */
void fw_find_framebuffer(struct boot_info *bi)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop = NULL;
	EFI_STATUS st;

	st = BS->LocateProtocol(&gEfiGraphicsOutputProtocolGuid, NULL, (void **)&gop);
	if (EFI_ERROR(st) || !gop || !gop->Mode || !gop->Mode->Info) {
		Print(L"loader: no GOP framebuffer (headless)\n");
		return;
	}
	if (gop->Mode->Info->PixelFormat == PixelBltOnly) {
		Print(L"loader: GOP is Blt-only, no linear framebuffer\n");
		return;
	}
	bi->fb.base = gop->Mode->FrameBufferBase;
	bi->fb.size = gop->Mode->FrameBufferSize;
	bi->fb.width = gop->Mode->Info->HorizontalResolution;
	bi->fb.height = gop->Mode->Info->VerticalResolution;
	bi->fb.pitch = gop->Mode->Info->PixelsPerScanLine;
	bi->fb.format = gop->Mode->Info->PixelFormat;
	Print(L"loader: GOP framebuffer %dx%d at 0x%lx\n", bi->fb.width, bi->fb.height, bi->fb.base);
}
