/*
 * user/bench/calib.c - the calibration row: `calib [N]` zeroes one 4 KiB
 * buffer N times (default 20000) with `rep stosq` in user mode, work that no
 * kernel code touches. Under QEMU -icount shift=0 each guest instruction takes
 * 1 ns of guest time and a 4 KiB `rep stosq` counts 512 of them, so
 * ns_per_op near 518 shows that the kernel's clock_gettime is calibrated; under
 * plain TCG it is the host's speed, the unit the other rows can be read in.
 */
#include "lib/bench.h"

/* zero_page: 512 eight-byte stores of zero to @p with one rep stosq. */
static void zero_page(void *p)
{
	unsigned long n = PAGE / 8;

	__asm__ volatile("rep stosq" : "+D"(p), "+c"(n) : "a"(0ul) : "memory");
}

int main(int argc, char *argv[])
{
	long n = bench_arg(argc, argv, 1, 20000);
	volatile uint8_t *buf = bench_map(PAGE);
	struct bench_sum sum = { 0 };
	struct bench_mark start;

	buf[0] = 1; /* faulted in before the clock starts */
	start = bench_mark();
	for (long i = 0; i < n; i++)
		zero_page((void *)buf);
	bench_add(&sum, &start, n);
	bench_print("calib_stosq_4k", &sum);
	return 0;
}
