/*
 * kernel/resource.h - resource limits, as prlimit64(2) (kernel/sys_proc.c) and
 * /proc/PID/status and stat (kernel/fs/proc/procfs_pid.c) give them (Linux:
 * include/uapi/asm-generic/resource.h). The limits are fixed: rlimit_of says which.
 */
#ifndef KERNEL_RESOURCE_H
#define KERNEL_RESOURCE_H

#define RLIMIT_STACK  3
#define RLIMIT_NOFILE 7
#define RLIM_INFINITY (~0ul) /* no limit */

#endif
