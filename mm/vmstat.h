/*
 * mm/vmstat.h - system-wide memory event counters, kept in one place for
 * /proc/vmstat (Linux: enum vm_event_item, count_vm_event). Names follow
 * Linux's where Linux has the event.
 */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

#include <stdint.h>

enum vm_event_item {
	PGFAULT,          /* every page fault resolved (minor or major) */
	PGMAJFAULT,       /* faults that waited for I/O (swap-in, later) */
	PGFAULT_ZERO,     /* reads of untouched anonymous memory given the zero page */
	PGFAULT_FILE,     /* reads of file pages given the page cache's frame */
	PGFAULT_DEMAND,   /* first writes given a new frame (zeros or file bytes) */
	PGFAULT_COW,      /* copy-on-write faults that copied the page */
	PGFAULT_COW_REUSE, /* copy-on-write faults that reused a page left with one mapping */
	PGFAULT_STACK,    /* faults that grew the stack */
	PGFAULT_SEGV,     /* faults that ended in SIGSEGV */
	NR_VM_EVENTS
};

extern uint64_t vm_events[NR_VM_EVENTS];

/* count_vm_event: one more @item. */
static inline void count_vm_event(enum vm_event_item item)
{
	vm_events[item]++;
}

#endif
