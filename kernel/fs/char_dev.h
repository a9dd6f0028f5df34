/*
 * kernel/fs/char_dev.h - character devices: a device number's driver (Linux:
 * fs/char_dev.c register_chrdev, chrdev_open). Opening a character-device
 * inode of any file system asks the driver registered for its i_rdev.
 * Lock: registered at boot; read-only afterwards.
 */
#ifndef KERNEL_FS_CHAR_DEV_H
#define KERNEL_FS_CHAR_DEV_H

#include <stddef.h>
#include <stdint.h>

struct file;

/* chrdev_open_t: a new open file of the device, with one reference; NULL when out of memory. */
typedef struct file *(*chrdev_open_t)(void);

/* register_chrdev: make @open the driver of device @rdev (MKDEV). Boot. */
void register_chrdev(uint32_t rdev, chrdev_open_t open);

/* chrdev_open: a new open file of device @rdev; NULL with *@err = -ENXIO (no
 * driver) or -ENOMEM. */
struct file *chrdev_open(uint32_t rdev, int *err);

#endif
