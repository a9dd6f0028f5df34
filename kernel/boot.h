/* kernel/boot.h - the kernel's own copy of what the loader handed over. */
#ifndef KERNEL_BOOT_H
#define KERNEL_BOOT_H

#include "boot/boot_info.h"

/* Copied out of the loader's handoff region first thing (that region is freed later). */
extern struct boot_info boot_info;

#endif
