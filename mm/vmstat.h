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
	PGMAJFAULT,       /* faults that waited for I/O (swap-in) */
	PGFAULT_ZERO,     /* reads of untouched anonymous memory given the zero page */
	PGFAULT_FILE,     /* reads of file pages given the page cache's frame */
	PGFAULT_DEMAND,   /* first writes given a new frame (zeros or file bytes) */
	PGFAULT_COW,      /* copy-on-write faults that copied the page */
	PGFAULT_COW_REUSE, /* copy-on-write faults that reused a page left with one mapping */
	PGFAULT_STACK,    /* faults that grew the stack */
	PGFAULT_SEGV,     /* faults that ended in SIGSEGV */
	PSWPIN,           /* pages read from swap */
	PSWPOUT,          /* pages written to swap */
	PGSCAN_KSWAPD,    /* inactive pages kswapd looked at */
	PGSCAN_DIRECT,    /* inactive pages direct reclaim looked at */
	PGSTEAL_KSWAPD,   /* pages kswapd freed */
	PGSTEAL_DIRECT,   /* pages direct reclaim freed */
	PGREFILL,         /* active pages looked at (to refill the inactive list) */
	PGACTIVATE,       /* inactive pages promoted: referenced again */
	PGDEACTIVATE,     /* active pages moved to the inactive list */
	PAGEOUTRUN,       /* times kswapd woke to reclaim */
	ALLOCSTALL,       /* allocations that reclaimed directly (Linux: allocstall_normal) */
	OOM_KILL,         /* processes the OOM killer killed */
	SWAP_RA,          /* pages read from swap ahead of a fault (swap readahead) */
	SWAP_RA_HIT,      /* ... that a fault then found in the swap cache */
	NR_VM_EVENTS
};

extern uint64_t vm_events[NR_VM_EVENTS];

/* count_vm_event: one more @item. */
static inline void count_vm_event(enum vm_event_item item)
{
	vm_events[item]++;
}

/* vmstat_log: one log line of the main reclaim and fault counters (at power off,
 * so that a test, or a student, sees what the run did). */
void vmstat_log(void);

/* count_vm_events: @n more @item. */
static inline void count_vm_events(enum vm_event_item item, uint64_t n)
{
	vm_events[item] += n;
}

#endif
