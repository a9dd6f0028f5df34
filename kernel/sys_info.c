/*
 * kernel/sys_info.c - what the system is and how to stop it: uname, sysinfo,
 * reboot (power off: QEMU exits through isa-debug-exit), getrandom.
 */
#include "kernel/syscalls.h"
#include "kernel/proc.h"
#include "kernel/lib/random.h"
#include "kernel/lib/string.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/qemu_exit.h"
#include "mm/page_alloc.h"
#include "mm/init.h"
#include "mm/swap.h"
#include "mm/vmstat.h"

struct utsname_k { char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65]; };

long sys_uname(void *buf)
{
	struct utsname_k u;
	memset(&u, 0, sizeof(u));
	/* "Linux": the ABI these programs are built for (as WSL1 and FreeBSD's
	 * Linux emulation answer); the release names this kernel. */
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, "teachos", sizeof(u.nodename));
	strlcpy(u.release, "6.1.0-teachos", sizeof(u.release));
	strlcpy(u.version, "#1 teaching kernel", sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(buf, &u, sizeof(u));
}

struct sysinfo_k {
	int64_t uptime;
	uint64_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	char reserved[4];
};

long sys_sysinfo(void *info)
{
	struct sysinfo_k si;
	struct list_head *it;
	memset(&si, 0, sizeof(si));
	si.uptime = (int64_t)(uptime_ns() / NSEC_PER_SEC);
	si.totalram = page_zone.managed * PAGE_SIZE;
	si.freeram = nr_free_pages() * PAGE_SIZE;
	si.totalswap = nr_swap_slots() * PAGE_SIZE;
	si.freeswap = nr_free_swap_slots() * PAGE_SIZE;
	list_for_each(it, &process_list)
		si.procs++;
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si));
}

#define REBOOT_MAGIC1   0xfee1dead
#define REBOOT_MAGIC2   672274793
#define REBOOT_MAGIC2A  85072278
#define REBOOT_MAGIC2B  369367448
#define REBOOT_MAGIC2C  537993216
#define CMD_RESTART     0x01234567
#define CMD_HALT        0xcdef0123
#define CMD_POWER_OFF   0x4321fedc
#define CMD_CAD_ON      0x89abcdef
#define CMD_CAD_OFF     0x00000000

/* sys_reboot: POWER_OFF and HALT leave QEMU with exit code @arg & 0xff (our
 * documented extension: Linux ignores the fourth argument for these). */
long sys_reboot(int magic1, int magic2, unsigned cmd, uint64_t arg)
{
	if ((unsigned)magic1 != REBOOT_MAGIC1 ||
	    (magic2 != REBOOT_MAGIC2 && magic2 != REBOOT_MAGIC2A && magic2 != REBOOT_MAGIC2B &&
	     magic2 != REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case CMD_CAD_ON: case CMD_CAD_OFF:
		return 0;
	case CMD_POWER_OFF: case CMD_HALT: case CMD_RESTART:
		vmstat_log();
		pr_notice("reboot: power off by pid %d (%s), exit status %lu\n", current->pid,
			  current->comm, cmd == CMD_RESTART ? 0 : arg & 0xff);
		qemu_exit(cmd == CMD_RESTART ? 0 : (uint32_t)(arg & 0xff));
		halt_forever(); /* no isa-debug-exit device: stop here */
	default:
		return -EINVAL;
	}
}

long sys_getrandom(void *buf, size_t len, unsigned flags)
{
	uint8_t chunk[256];
	if (flags & ~0x7u) /* GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE */
		return -EINVAL;
	for (size_t done = 0; done < len;) {
		size_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		get_random_bytes(chunk, n);
		if (copy_to_user((uint8_t *)buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)len;
}
