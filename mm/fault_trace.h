/*
 * mm/fault_trace.h - the page-fault trace: the last FAULT_TRACE_SIZE faults,
 * each with who, where, why (the error code), what the kernel decided and
 * what it cost in TSC cycles. Off by default; `fault_trace=on` on the command
 * line (or writing 1 to /proc/sys/vm/fault_trace) records, `fault_trace=log` (2)
 * also prints each fault to the kernel log. Read it as /proc/pagefault_trace,
 * or from gdb (`pftrace`, scripts/gdb/). Linux's nearest relative is the
 * exceptions:page_fault_user tracepoint.
 * Lock: single CPU; recorded in the fault handler, read in process context.
 */
#ifndef MM_FAULT_TRACE_H
#define MM_FAULT_TRACE_H

#include <stddef.h>
#include <stdint.h>
#include "mm/fault.h"

#define FAULT_TRACE_SIZE 256 /* a power of two: the ring's index wraps with a mask */

enum fault_trace_mode { FAULT_TRACE_OFF, FAULT_TRACE_ON, FAULT_TRACE_LOG };

struct fault_record {
	uint64_t seq;          /* the fault's number since boot (1, 2, ...) */
	uint64_t addr, rip;    /* CR2 and the faulting instruction */
	uint64_t cycles;       /* TSC cycles from entering the handler to its decision's end */
	int pid;
	uint16_t error;        /* the #PF error code: P W U RSVD I (SDM Vol. 3A 4.7) */
	uint8_t kind;          /* enum fault_kind */
	uint8_t result;        /* vm_fault_t: 0 minor, VM_FAULT_MAJOR, or an error bit */
	char comm[16];
};

extern enum fault_trace_mode fault_trace_mode;

/* fault_trace_init: take the mode from the command line (fault_trace=on|log). Boot. */
void fault_trace_init(void);

/* fault_trace_set: set the mode (0 off, 1 on, 2 log); -EINVAL otherwise. */
int fault_trace_set(long mode);

/* fault_trace_record: note one fault; the fault handler calls it only while tracing is on. */
void fault_trace_record(uint64_t addr, uint64_t rip, uint64_t error, enum fault_kind kind, vm_fault_t result,
			uint64_t cycles);

/* fault_trace_show: the trace as text, oldest first: @emit(@arg, line) for a
 * header line, then for one line a fault. */
void fault_trace_show(void (*emit)(void *arg, const char *line), void *arg);

#endif
