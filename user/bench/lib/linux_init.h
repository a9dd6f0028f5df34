/*
 * user/bench/lib/linux_init.h - what the runner does as pid 1 of Linux's
 * initramfs (scripts/bench_linux.py) and never on our kernel, whose own /init
 * starts it: the machine set up before the rows, powered off after them.
 */
#ifndef USER_BENCH_LIB_LINUX_INIT_H
#define USER_BENCH_LIB_LINUX_INIT_H

/* linux_init: devtmpfs on /dev, the console as fds 0-2, the kernel modules
 * listed in /bench/modules (one path a line, in load order: the virtio disk
 * driver), then swapon /dev/vda when the disk is there. Failures are reported
 * on the console and the rows run anyway. */
void linux_init(void);

/* linux_power_off: power the machine off (QEMU exits); never returns. */
_Noreturn void linux_power_off(void);

#endif
