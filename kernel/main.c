/*
 * kernel/main.c - kernel_main: the boot sequence, one step per line.
 * Entered from arch/x86_64/entry.asm on the boot stack, interrupts off, still
 * on the loader's bootstrap page tables.
 */
#include "kernel/boot.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "kernel/cmdline.h"
#include "kernel/string.h"
#include "kernel/symbols.h"
#include "kernel/time.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/cpu_init.h"
#include "arch/x86_64/qemu_exit.h"
#include "drivers/serial.h"
#include "mm/init.h"
#include "mm/page.h"
#include "mm/summary.h"
#include "tests/kernel/selftest.h"
#include "tests/kernel/crash.h"

struct boot_info boot_info;
extern int console_loglevel;

/* take_boot_info: copy the loader's struct (physical @pa, reached via the direct map). */
static void take_boot_info(uint64_t pa)
{
	const struct boot_info *bi = phys_to_virt(pa);
	if (bi->magic != BOOT_INFO_MAGIC || bi->version != BOOT_INFO_VERSION ||
	    bi->size != sizeof(struct boot_info))
		halt_forever(); /* no console yet: nothing sane to report with */
	memcpy(&boot_info, bi, sizeof(boot_info));
	boot_info.cmdline[BOOT_CMDLINE_MAX - 1] = 0;
}

/* idle: nothing to run yet; wait for interrupts forever. */
__attribute__((noreturn)) static void idle(void)
{
	pr_info("kernel: boot complete, idle\n");
	for (;;) {
		sti();
		hlt();
	}
}

void kernel_main(uint64_t boot_info_phys)
{
	take_boot_info(boot_info_phys);
	serial_init();
	time_init();
	cmdline_parse(boot_info.cmdline);
	console_loglevel = (int)cmdline_get_long("loglevel", LOG_INFO);
	pr_notice("kernel: x86-64 teaching kernel, entered at %s with boot_info at 0x%lx\n",
		  "_start", boot_info_phys);
	pr_info("kernel: command line: %s\n", cmdline_raw());
	pr_info("time: TSC %lu.%03lu MHz (calibrated against the PIT)\n", tsc_khz / 1000, tsc_khz % 1000);
	symbols_init(phys_to_virt(boot_info.symtab.base), boot_info.symtab.size,
		     phys_to_virt(boot_info.strtab.base), boot_info.strtab.size);
	cpu_init();
	mm_init(&boot_info);
	mm_print_summary();

	if (cmdline_has("selftest"))
		qemu_exit(run_selftests() ? QEMU_EXIT_FAIL : QEMU_EXIT_OK);
	if (cmdline_has("crash"))
		crash(cmdline_get("crash"));
	idle();
}
