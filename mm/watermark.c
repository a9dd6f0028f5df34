/* mm/watermark.c - the free-memory watermarks (see watermark.h). */
#include "mm/watermark.h"
#include "mm/page.h"
#include "kernel/errno.h"

#define WATERMARK_SCALE_FACTOR 10 /* Linux's default: 10 / 10000 of memory */

struct watermarks wmark;
uint64_t min_free_kbytes;

/* isqrt: the integer square root of @n (Linux: int_sqrt). */
static uint64_t isqrt(uint64_t n)
{
	uint64_t r = 0, bit = 1ull << 62;

	while (bit > n)
		bit >>= 2;
	while (bit) {
		if (n >= r + bit) {
			n -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

uint64_t default_min_free_kbytes(uint64_t managed_pages)
{
	/* LAB watermarks BEGIN: Linux's default min_free_kbytes: sqrt(16 x the RAM in kB), between 128 and 262144 */
	uint64_t kb = isqrt(managed_pages * (PAGE_SIZE / 1024) * 16);

	return kb < 128 ? 128 : kb > 262144 ? 262144 : kb;
	/* LAB watermarks END: (void)isqrt, (void)managed_pages; return 1024; */
}

struct watermarks compute_watermarks(uint64_t min_kbytes, uint64_t managed_pages)
{
	struct watermarks w;
	uint64_t gap;

	/* LAB watermarks BEGIN: min is min_free_kbytes in pages; low and high lie a gap and two gaps above it, the gap the larger of watermark_scale_factor (10 = 0.1%) of the RAM and min / 4 (Linux: __setup_per_zone_wmarks) */
	w.min = min_kbytes / (PAGE_SIZE / 1024);
	gap = managed_pages * WATERMARK_SCALE_FACTOR / 10000;
	if (gap < w.min / 4)
		gap = w.min / 4;
	w.low = w.min + gap;
	w.high = w.min + 2 * gap;
	return w;
	/* LAB watermarks END: (void)gap, (void)managed_pages; w.min = min_kbytes / (PAGE_SIZE / 1024); w.low = w.high = w.min; return w; */
}

int setup_watermarks(uint64_t min_kbytes, uint64_t managed_pages)
{
	struct watermarks w;

	if (!min_kbytes)
		min_kbytes = default_min_free_kbytes(managed_pages);
	w = compute_watermarks(min_kbytes, managed_pages);
	if (w.high > managed_pages / 4 * 3)
		return -EINVAL;
	min_free_kbytes = min_kbytes;
	wmark = w;
	return 0;
}
