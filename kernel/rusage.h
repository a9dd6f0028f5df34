/* kernel/rusage.h - resource usage in Linux's struct rusage (getrusage, wait4). */
#ifndef KERNEL_RUSAGE_H
#define KERNEL_RUSAGE_H

#include <stdint.h>
#include "kernel/proc.h"

struct rusage_k {
	int64_t utime_sec, utime_usec;
	int64_t stime_sec, stime_usec;
	int64_t maxrss;   /* KiB */
	int64_t ixrss, idrss, isrss;
	int64_t minflt, majflt;
	int64_t nswap, inblock, oublock, msgsnd, msgrcv, nsignals, nvcsw, nivcsw;
};

/* rusage_fill: @p's own usage, or with @children that of its reaped children. */
void rusage_fill(const struct process *p, int children, struct rusage_k *ru);

/* rusage_add_child: fold reaped child @c's usage (and its children's) into @p's child totals. */
void rusage_add_child(struct process *p, const struct process *c);

#endif
