/*
 * tests/user/printf.c - musl's printf family: integer, string, character and
 * floating-point conversions, flags, widths, precisions; puts and putchar.
 * The floating-point ones also show the kernel lets user mode use SSE and x87.
 * user-test: diff
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

int main(void)
{
	char small[8];
	const char *volatile text = "overflowing"; /* volatile: gcc would warn of the truncation */

	printf("%d %i %u %x %X %o %c\n", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u, 'A');
	printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%*d] [%-*d]\n", 42, 42, 42, 42, 42, 6, 7, 6, 7);
	printf("%ld %lld %llu %zu %hhd %hu\n", LONG_MIN, LLONG_MAX, ULLONG_MAX, (size_t)SIZE_MAX,
	       (signed char)-56, (unsigned short)65535);
	printf("[%s] [%10s] [%-10s] [%.3s] [%%]\n", "hi", "right", "left", "truncated");
	printf("%#x %#o %p\n", 255u, 8u, (void *)0x1000);
	printf("%f %.2f %e %E %g %g %g\n", 3.14159, 2.71828, 12345.678, 0.000123, 0.0001, 1e20, 100.0);
	printf("%a %.3a %10.4f|%-10.1f|\n", 1.0, 3.0, -1.5, 2.25);
	printf("%Lf %.20Lg\n", 1.5L, 1.0L / 3);
	printf("%f %f %f %f %g\n", INFINITY, -INFINITY, NAN, -0.0, DBL_MAX);
	int n = snprintf(small, sizeof(small), "%s", text);
	printf("snprintf into 8 bytes: returned %d, kept \"%s\"\n", n, small);
	puts("puts adds a newline");
	fputs("fputs does not\n", stdout);
	putchar('!');
	putchar('\n');
	return 0;
}
