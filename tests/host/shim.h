/*
 * tests/host/shim.h - what the host unit tests substitute for the kernel's
 * hardware-facing pieces: panic() reports to cmocka (so expect_assert_failure()
 * catches a kernel panic), printk() goes to stderr when HOST_VERBOSE is set,
 * and the TLB flushes are counted instead of executed.
 */
#ifndef TESTS_HOST_SHIM_H
#define TESTS_HOST_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

extern unsigned long host_tlb_page_flushes; /* flush_tlb_page calls */
extern unsigned long host_tlb_all_flushes;  /* flush_tlb_all calls */
extern uint64_t host_tlb_last_va;          /* @va of the last flush_tlb_page */
extern char host_last_panic[256];         /* message of the last panic() */

/*
 * host_fake_ram: allocate @frames frames of fake physical memory (page aligned)
 * and a zeroed struct page for each; sets host_page_offset, mem_map and max_pfn
 * so that phys_to_virt()/pfn_to_page() work on it. Physical address 0 is frame 0.
 */
void host_fake_ram(uint64_t frames);
void host_fake_ram_free(void);

/*
 * host_fake_zone: host_fake_ram(@frames), every struct page PG_reserved, then
 * frames 1..@frames-1 given to page_zone (frame 0 stays reserved: physical
 * address 0 means "no frame") and vm_stat zeroed. Returns page_zone.nr_free.
 * Lives in tests/host/fake_zone.c: list it in host-test-sources to use it.
 */
uint64_t host_fake_zone(uint64_t frames);

#endif
