/*
 * kernel/main.c - kernel_main: the boot sequence, one step per line.
 * Entered from arch/x86_64/entry.asm on the boot stack, interrupts off, still
 * on the loader's bootstrap page tables.
 */
#include "kernel/boot.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "kernel/crash.h"
#include "kernel/lib/cmdline.h"
#include "kernel/lib/string.h"
#include "kernel/symbols.h"
#include "kernel/time.h"
#include "kernel/sched.h"
#include "kernel/exec.h"
#include "kernel/fork.h"
#include "kernel/fs/vfs.h"
#include "kernel/fs/initrd/initrd.h"
#include "drivers/console.h"
#include "drivers/mem.h"
#include "kernel/fs/devtmpfs.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "arch/x86_64/pit.h"
#include "mm/mm.h"
#include "mm/vmscan.h"
#include "mm/fault_trace.h"
#include "mm/page_alloc.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/cpu_init.h"
#include "arch/x86_64/qemu_exit.h"
#include "drivers/serial.h"
#include "drivers/pci.h"
#include "drivers/virtio_blk.h"
#include "mm/init.h"
#include "mm/page.h"
#include "mm/summary.h"
#include "mm/swapon.h"
#include "tests/kernel/selftest.h"

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

#define INIT_PATH "/init"
#define INIT_MAX_ARGS 64

/* init_argv: argv for /init: "/init" then the words of the init="..." option
 * (Linux runs init= itself; our /init runs it and powers off with its status).
 * Words past INIT_MAX_ARGS are dropped with an error line, as Linux's "Too many
 * boot init vars" (which panics later; we boot on with the first ones). */
static void init_argv(char *words, char *argv[INIT_MAX_ARGS + 2])
{
	int n = 0;
	argv[n++] = INIT_PATH;
	for (char *w = words;;) {
		while (*w == ' ')
			*w++ = 0;
		if (!*w)
			break;
		if (n == INIT_MAX_ARGS + 1) {
			pr_err("kernel: init= has more than %d words, dropped: %s\n", INIT_MAX_ARGS, w);
			break;
		}
		argv[n++] = w;
		while (*w && *w != ' ')
			w++;
	}
	argv[n] = NULL;
}

/* mount_root: register the file systems, the initrd as "/", and on it /proc,
 * /dev and /tmp (kernel/fs/devtmpfs.c). */
static void mount_root(void)
{
	do_fs_initcalls();
	int err = vfs_mount_root("initrd", NULL);
	if (err)
		panic("mount_root: cannot mount the initrd as / (error %d)", err);
	mount_boot_filesystems();
}

/* start_init: pid 1 runs /init from the initrd with the console as fds 0, 1, 2. */
static void start_init(void)
{
	static char words[BOOT_CMDLINE_MAX];
	char *argv[INIT_MAX_ARGS + 2];
	char *envp[] = { "HOME=/", "PATH=/bin", "TERM=dumb", NULL };
	struct process *p = process_alloc("init");
	if (!p)
		panic("start_init: no memory for pid 1");
	p->sig_unkillable = true; /* kill(1, SIGKILL) must not power the machine off */
	rlimit_init(p); /* root's ids are zeros, as process_alloc left them */
	set_fs_pwd(p, root_path());
	p->umask = 022; /* Linux's init_fs */
	strlcpy(words, cmdline_get("init") ? cmdline_get("init") : "", sizeof(words));
	init_argv(words, argv);
	for (int fd = 0; fd < 3; fd++)
		if (fd_install(p, console_open()) != fd)
			panic("start_init: cannot open the console as fd %d", fd);
	int err = exec_load(p, INIT_PATH, argv, envp);
	if (err)
		panic("start_init: cannot run %s (error %d)", INIT_PATH, err);
	process_start_user(p);
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
	mm_seal_kernel_half(); /* every address space shares the kernel half from here on */
	sched_init();          /* current = the idle process from here on */
	fork_init(page_zone.managed);
	pci_init();
	virtio_blk_init();     /* vda, vdb, ...: needs kmalloc, ioremap and the PIC */
	swap_init();           /* swapon /dev/vda: reads its header, halting until the disk interrupts */

	if (cmdline_has("selftest") && run_selftests) /* NULL but in build/kernel-test.elf */
		qemu_exit(run_selftests() ? QEMU_EXIT_FAIL : QEMU_EXIT_OK);
	if (cmdline_has("selftest"))
		pr_warn("selftest: the self-tests are not built into this kernel (they are in build/kernel-test.elf: make run KERNEL=kernel-test), booting on\n");
	if (cmdline_has("crash"))
		crash(cmdline_get("crash"));

	if (irq_register(IRQ_TIMER, sched_tick))
		panic("kernel_main: the timer's IRQ %u is taken", IRQ_TIMER);
	pit_start(HZ);
	console_init();
	mem_devices_init();
	initrd_init(phys_to_virt(boot_info.initrd.base), boot_info.initrd.size);
	mount_root();
	fault_trace_init();
	start_init();                      /* pid 1 */
	kswapd_start(page_zone.managed); /* pid 2, a kernel thread */
	pr_info("kernel: boot complete, starting %s\n", INIT_PATH);
	cpu_idle();
}
