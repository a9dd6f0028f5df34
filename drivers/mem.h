/* drivers/mem.h - /dev/null, zero, full, random, urandom (drivers/mem.c). */
#ifndef DRIVERS_MEM_H
#define DRIVERS_MEM_H

#include <stdint.h>
#include "kernel/fs/char_dev.h"

struct mem_device {
	const char *name;   /* its /dev name */
	uint32_t rdev;      /* MKDEV(1, minor) */
	chrdev_open_t open;
};

/* The devices, ended by a NULL name: what kernel/fs/devtmpfs.c puts in /dev. */
extern const struct mem_device mem_devices[];

/* zero_fops: /dev/zero's operations (mmap of it is anonymous memory: mm/mmap.c). */
extern const struct file_operations zero_fops;

/* mem_devices_init: register the drivers. Boot, once. */
void mem_devices_init(void);

#endif
