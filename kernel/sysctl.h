/*
 * kernel/sysctl.h - the tunables of /proc/sys/vm that have no home in mm/
 * yet (Linux: kernel/sysctl.c's vm_table). min_free_kbytes lives in
 * mm/watermark.h.
 */
#ifndef KERNEL_SYSCTL_H
#define KERNEL_SYSCTL_H

#define SWAPPINESS_MAX   200
#define OVERCOMMIT_NEVER 2

extern int vm_swappiness;        /* 0..200, Linux's default 60; stored, not used by reclaim yet */
extern int vm_overcommit_memory; /* 0 heuristic, 1 always, 2 never; stored, nothing is accounted yet */

#endif
