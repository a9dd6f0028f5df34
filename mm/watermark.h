/*
 * mm/watermark.h - the free-memory watermarks (Linux: the zone's
 * WMARK_MIN/LOW/HIGH, mm/page_alloc.c __setup_per_zone_wmarks).
 *
 *   free pages
 *     ^
 *     |  high  ---- kswapd stops here
 *     |  low   ---- an allocation that sees less wakes kswapd
 *     |  min   ---- an allocation that sees less reclaims itself first
 *     |             (direct reclaim); below it only the kernel allocates
 *     0
 *
 * min comes from min_free_kbytes, which Linux sets to sqrt(16 x RAM in KiB),
 * clamped to [128, 262144] KiB; low and high sit min/4 (or 0.1% of RAM,
 * watermark_scale_factor = 10, if more) and twice that above min.
 */
#ifndef MM_WATERMARK_H
#define MM_WATERMARK_H

#include <stdint.h>

struct watermarks {
	uint64_t min, low, high; /* in pages */
};

extern struct watermarks wmark;
extern uint64_t min_free_kbytes;

/* default_min_free_kbytes: Linux's rule for @managed_pages of RAM. */
uint64_t default_min_free_kbytes(uint64_t managed_pages);

/* compute_watermarks: the watermarks for @min_kbytes over @managed_pages. */
struct watermarks compute_watermarks(uint64_t min_kbytes, uint64_t managed_pages);

/* setup_watermarks: set min_free_kbytes (0: the default) and wmark for
 * @managed_pages; -EINVAL (nothing changed) when min would leave less than a
 * quarter of memory above high. Boot, and /proc/sys/vm/min_free_kbytes. */
int setup_watermarks(uint64_t min_kbytes, uint64_t managed_pages);

#endif
