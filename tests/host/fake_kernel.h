/* tests/host/fake_kernel.h - see fake_kernel.c; list it (and fake_swap.c) in host-test-sources. */
#ifndef TESTS_HOST_FAKE_KERNEL_H
#define TESTS_HOST_FAKE_KERNEL_H

#include <stdint.h>

extern void (*host_on_schedule)(void); /* what schedule() does; NULL: it panics */

/* host_fake_swap: a fake swap disk of @slots pages (slot 0 the header; 0: no
 * swap) with the slots in @bad (a 0-terminated list, or NULL) marked bad, set
 * up through swap_setup; every read and write is counted. */
void host_fake_swap(uint64_t slots, const uint64_t *bad);
void host_fake_swap_free(void);
extern unsigned long host_swap_reads, host_swap_writes;
extern int host_swap_fail; /* the next that many reads or writes fail with -EIO */
/* run once by the next swap_io_wait before it returns: what other processes do while the caller sleeps */
extern void (*host_on_swap_wait)(void);
/* I/Os started and not yet waited for, and the most there were at once (reset by host_fake_swap) */
extern unsigned host_swap_in_flight, host_swap_max_in_flight;

#endif
