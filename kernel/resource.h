/*
 * kernel/resource.h - resource limits (Linux: include/uapi/asm-generic/resource.h,
 * struct rlimit in signal_struct). Each process has its own, inherited by fork
 * and kept across exec; getrlimit, setrlimit and prlimit64 read and set them
 * (kernel/resource.c). Enforced here: RLIMIT_NPROC (fork), RLIMIT_NOFILE (new
 * file descriptors) and RLIMIT_STACK (stack growth, exec's argument space).
 * The others are kept and reported, as Linux would, but nothing checks them
 * yet (docs/processes.md lists which).
 */
#ifndef KERNEL_RESOURCE_H
#define KERNEL_RESOURCE_H

#include <stdint.h>

#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6
#define RLIMIT_NOFILE     7
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16
#define RLIM_INFINITY (~0ul) /* no limit */

struct rlimit_k {
	uint64_t cur, max; /* the soft limit, and the hard one it may be raised to */
};

struct process;

/* rlimit(resource), current's soft limit, is in kernel/proc.h (it needs struct process). */

/* rlimit_init: the limits pid 1 starts with, which every process inherits
 * (Linux: INIT_RLIMITS, with NPROC and SIGPENDING at half of max_threads). */
void rlimit_init(struct process *p);

#endif
