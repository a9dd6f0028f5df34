/* kernel/fs/char_dev.c - character-device drivers by device number (see char_dev.h). */
#include "kernel/fs/char_dev.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

#define MAX_CHRDEVS 16

static struct chrdev {
	uint32_t rdev;
	chrdev_open_t open;
} chrdevs[MAX_CHRDEVS];
static unsigned nr_chrdevs;

void register_chrdev(uint32_t rdev, chrdev_open_t open)
{
	if (nr_chrdevs == MAX_CHRDEVS)
		panic("register_chrdev: more than %d devices", MAX_CHRDEVS);
	chrdevs[nr_chrdevs++] = (struct chrdev){ rdev, open };
}

struct file *chrdev_open(uint32_t rdev, int *err)
{
	for (unsigned i = 0; i < nr_chrdevs; i++) {
		if (chrdevs[i].rdev != rdev)
			continue;
		struct file *f = chrdevs[i].open();
		if (!f)
			*err = -ENOMEM;
		return f;
	}
	*err = -ENXIO; /* a device node with no driver behind it */
	return NULL;
}
