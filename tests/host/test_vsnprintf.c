/*
 * tests/host/test_vsnprintf.c - kernel/lib/vsnprintf.c against the host's
 * snprintf. kernel/lib/vsnprintf.c builds its functions as k_vsnprintf and
 * k_snprintf under HOST_TEST; tests/host/k_vsnprintf_names.h declares them so here.
 *
 * Every hand-written case is also formatted into buffers of every size from
 * 0 to one past its length, comparing bytes written and return value with
 * glibc (truncation), and a generated grid covers flags x width x precision x
 * length x conversion x value for the integer conversions.
 */
/* host-test-sources: kernel/lib/vsnprintf.c */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "tests/host/shim.h"

#include "tests/host/k_vsnprintf_names.h"
#include "kernel/lib/vsnprintf.h"
#undef vsnprintf
#undef snprintf

#define BUF 512
#define GUARD 0x5a /* fills buffers, to see which bytes were written */

/*
 * check_at_size: format with both implementations into @size-byte buffers
 * and compare return values and every byte of the buffers.
 */
static void check_at_size(const char *where, size_t size, const char *fmt, va_list ap)
{
	char want[BUF], got[BUF];
	va_list a1, a2;

	memset(want, GUARD, sizeof(want));
	memset(got, GUARD, sizeof(got));
	va_copy(a1, ap);
	va_copy(a2, ap);
	int want_n = vsnprintf(want, size, fmt, a1);
	int got_n = k_vsnprintf(got, size, fmt, a2);
	va_end(a1);
	va_end(a2);

	if (want_n != got_n || memcmp(want, got, sizeof(got)) != 0) {
		print_error("%s: format \"%s\" size %zu:\n  glibc %d \"%.*s\"\n  ours  %d \"%.*s\"\n",
			    where, fmt, size, want_n, (int)(size ? size : 1) - 1, want,
			    got_n, (int)(size ? size : 1) - 1, got);
		fail();
	}
}

/*
 * check_case: compare the two for @fmt and its arguments at every buffer
 * size 0..length+1, and with a NULL buffer of size 0.
 */
__attribute__((format(printf, 2, 3)))
static void check_case(const char *where, const char *fmt, ...)
{
	va_list ap, a1;

	va_start(ap, fmt);
	va_copy(a1, ap);
	int len = vsnprintf(NULL, 0, fmt, a1);
	va_end(a1);
	assert_in_range(len, 0, BUF - 2);

	va_copy(a1, ap);
	assert_int_equal(k_vsnprintf(NULL, 0, fmt, a1), len);
	va_end(a1);

	for (size_t size = 0; size <= (size_t)len + 1; size++)
		check_at_size(where, size, fmt, ap);
	check_at_size(where, BUF, fmt, ap);
	va_end(ap);
}

#define STR2(x) #x
#define STR(x) STR2(x)
#define CHECK(...) check_case(__FILE__ ":" STR(__LINE__), __VA_ARGS__)

static void test_plain_text(void **state)
{
	(void)state;
	CHECK("%s", "");
	CHECK("hello, world");
	CHECK("100%% sure, %%%% twice");
	CHECK("tab\there\nnewline");
}

static void test_signed(void **state)
{
	(void)state;
	CHECK("%d %i", 0, -0);
	CHECK("%d %d %d", 1, -1, 42);
	CHECK("%d %d", INT_MAX, INT_MIN);
	CHECK("%ld %ld", LONG_MAX, LONG_MIN);
	CHECK("%lld %lld", (long long)INT64_MAX, (long long)INT64_MIN);
	CHECK("%jd %jd", INTMAX_MAX, INTMAX_MIN);
	CHECK("%zd %td", (ptrdiff_t)-5, (ptrdiff_t)PTRDIFF_MIN);
	CHECK("%hd %hd %hd", (short)-32768, (short)32767, 70000); /* 70000 wraps */
	CHECK("%hhd %hhd %hhd", (signed char)-128, 127, 200);   /* 200 wraps */
	CHECK("[%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+5d]", 42, 42, 42, 42, 42, 42, 42);
	CHECK("[%5d] [%-5d] [%05d] [%+d] [% d]", -42, -42, -42, -42, -42);
	CHECK("[%.0d] [%.0d] [%5.0d] [%+.0d] [% .0d]", 0, 1, 0, 0, 0);
	CHECK("[%.5d] [%.5d] [%8.5d] [%-8.5d] [%+.3d]", 42, -42, 42, -42, 7);
	CHECK("[%020lld] [%-25lld] [%.25lld]", (long long)INT64_MIN, (long long)INT64_MIN,
	      (long long)INT64_MIN);
	CHECK("[%1d] [%2d] [%3d]", 123, 123, 123); /* width shorter than the number */
}

static void test_unsigned(void **state)
{
	(void)state;
	CHECK("%u %u %u", 0u, 1u, UINT_MAX);
	CHECK("%lu %llu %ju %zu", ULONG_MAX, (unsigned long long)UINT64_MAX, UINTMAX_MAX, SIZE_MAX);
	CHECK("%tu", (ptrdiff_t)-1);
	CHECK("%hu %hhu %hhu", 65535 + 2, 255, 300); /* wrap to their type */
	CHECK("%x %X %x %X", 0xdeadbeefu, 0xdeadbeefu, 0u, 0xabcdefu);
	CHECK("%#x %#X %#x %#lx", 255u, 255u, 0u, ULONG_MAX);
	CHECK("%llx %llX %#llo", (unsigned long long)UINT64_MAX, 0x0123456789abcdefull,
	      (unsigned long long)UINT64_MAX);
	CHECK("%o %o %#o %#o %#.0o %.0o", 0u, 8u, 8u, 0u, 0u, 0u);
	CHECK("%#.3o %#.4o %#5o %#-5o %#05o", 8u, 8u, 8u, 8u, 8u);
	CHECK("[%08x] [%#08x] [%#-8x] [%#.6x] [%#10.6x] [%-#10.6X]",
	      0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu);
	CHECK("[%.0x] [%#.0x] [%5.0u] [%05u]", 0u, 0u, 0u, 0u);
	CHECK("%hx %hhx %hho", 0x12345u, 0x1ffu, 0777u);
}

static void test_char_and_string(void **state)
{
	char *volatile null_str = NULL; /* hidden from gcc's format checks */

	(void)state;
	CHECK("%c%c%c", 'a', 'b', 'c');
	CHECK("[%3c] [%-3c] [%c]", 'x', 'y', 0x141); /* %c prints (unsigned char) */
	CHECK("before %c after", '\0'); /* a NUL byte inside the output */
	CHECK("[%s] [%10s] [%-10s] [%.2s] [%10.2s] [%-10.2s] [%.0s] [%.10s]",
	      "abc", "abc", "abc", "abc", "abc", "abc", "abc", "abc");
	CHECK("[%s] [%10s] [%-10s] [%.6s] [%.10s]",
	      null_str, null_str, null_str, null_str, null_str);
	CHECK("[%.5s] [%.1s] [%.0s] [%8.3s]", null_str, null_str, null_str, null_str);
	CHECK("%s=%s", "init", "/bin/prog arg");
}

static void test_string_precision_reads_no_further(void **state)
{
	char unterminated[3] = { 'a', 'b', 'c' }; /* ASan traps a read past it */
	char buf[16];

	(void)state;
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%.3s|%.2s", unterminated, unterminated), 6);
	assert_string_equal(buf, "abc|ab");
}

static void test_pointer(void **state)
{
	int x;

	(void)state;
	CHECK("%p %p", (void *)&x, (void *)test_pointer);
	CHECK("%p %p %p", (void *)1, (void *)0xffffffff80000000ul, (void *)UINTPTR_MAX);
	CHECK("[%p] [%10p] [%-10p]", NULL, NULL, NULL);
	CHECK("[%20p] [%-20p] [%3p]", (void *)0xabcul, (void *)0xabcul, (void *)0xabcul);
}

static void test_star_width_and_precision(void **state)
{
	(void)state;
	CHECK("[%*d] [%*d] [%-*d]", 6, 42, -6, 42, 6, 42);
	CHECK("[%.*d] [%.*d] [%.*d]", 4, 42, -1, 42, 0, 0); /* negative: no precision */
	CHECK("[%*.*x] [%-*.*s]", 10, 4, 0xabu, 8, 2, "hello");
	CHECK("[%0*d] [%0*d]", 7, -42, -7, -42);
	CHECK("[%.*s]", -3, "negative precision prints it all");
}

static void test_lengths_mixed(void **state)
{
	(void)state;
	CHECK("%hhd %hd %d %ld %lld %zd %td %jd %hhu %hu %u %lu %llu %zu %ju",
	      (signed char)-1, (short)-2, -3, -4l, -5ll, (ptrdiff_t)-6, (ptrdiff_t)-7,
	      (intmax_t)-8, (unsigned char)1, (unsigned short)2, 3u, 4ul, 5ull,
	      (size_t)6, (uintmax_t)7);
	CHECK("pid %d: %s at %#lx (%5.1u%%) [%-8s|%08X]", 17, "page fault",
	      0xffff800000001000ul, 42u, "kern", 0xcafeu);
}

static void test_truncation_keeps_return_value(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, GUARD, sizeof(buf));
	assert_int_equal(k_snprintf(buf, 0, "%d", 12345), 5);
	assert_int_equal((unsigned char)buf[0], GUARD); /* size 0 writes nothing */
	assert_int_equal(k_snprintf(buf, 1, "%d", 12345), 5);
	assert_string_equal(buf, "");
	assert_int_equal(k_snprintf(buf, 4, "%d", 12345), 5);
	assert_string_equal(buf, "123");
	assert_int_equal(k_snprintf(NULL, 0, "%s%s", "abc", "defg"), 7);
}

/* The cases below are this implementation's own choices, not glibc's. */

static void test_unknown_conversion_stops_formatting(void **state)
{
	const char *fmt_y = "a %y b %d"; /* non-literal: gcc would reject %y */
	const char *fmt_n = "%d%n%d";
	const char *fmt_f = "%5.1f and %s";
	char buf[32];

	(void)state;
	assert_int_equal(k_snprintf(buf, sizeof(buf), fmt_y, 5), 9);
	assert_string_equal(buf, "a %y b %d");
	assert_int_equal(k_snprintf(buf, sizeof(buf), fmt_n, 1, (int *)NULL, 2), 5);
	assert_string_equal(buf, "1%n%d");
	assert_int_equal(k_snprintf(buf, sizeof(buf), fmt_f, 1, "x"), 12);
	assert_string_equal(buf, "%5.1f and %s");
}

static void test_format_ending_inside_conversion(void **state)
{
	const char *fmts[] = { "abc%", "abc%-5", "abc%.", "abc%ll", "abc%*" };
	const char *want[] = { "abc%", "abc%-5", "abc%.", "abc%ll", "abc%*" };
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		int n = k_snprintf(buf, sizeof(buf), fmts[i], 3);
		assert_int_equal(n, strlen(want[i]));
		assert_string_equal(buf, want[i]);
	}
}

static void test_length_over_int_max_is_error(void **state)
{
	volatile int max = INT_MAX, min = INT_MIN; /* hidden from gcc's overflow checks */
	char buf[8];

	(void)state;
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%*d", max, 1), INT_MAX);
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%*dx", max, 1), -1);
	assert_string_equal(buf, "       "); /* still cut and terminated */
	/* a negative '*' width of INT_MIN is a left-justified width of 2^31 */
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%*d", min, 1), -1);
	assert_string_equal(buf, "1      ");
}

/* The generated grid of integer conversions. */

static const char *const flag_sets[] = {
	"", "-", "0", "+", " ", "#", "-0", "+ ", "0+", "0 ", "-+", "-#", "0#", "#0-",
};
static const char *const widths[] = { "", "1", "7", "24" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".6", ".23" };
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "t", "j" };
static const char conversions[] = "diuxXo";
static const long long values[] = {
	0, 1, -1, 7, 8, 9, 10, 15, 16, 42, 127, 128, 255, 256, -128, -129,
	32767, -32768, 65535, 65536, INT_MAX, INT_MIN, UINT_MAX,
	0x123456789abcdef0ll, INT64_MAX, INT64_MIN,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* format_pair: format @v with both, passing it as the type @length and @conv expect. */
static void format_pair(const char *fmt, const char *length, char conv, long long v,
			char *want, char *got, int *want_n, int *got_n)
{
	bool is_signed = conv == 'd' || conv == 'i';

	if (length[0] == 'h' || length[0] == '\0') { /* promoted to (unsigned) int */
		if (is_signed) {
			*want_n = snprintf(want, BUF, fmt, (int)v);
			*got_n = k_snprintf(got, BUF, fmt, (int)v);
		} else {
			*want_n = snprintf(want, BUF, fmt, (unsigned int)v);
			*got_n = k_snprintf(got, BUF, fmt, (unsigned int)v);
		}
	} else if (is_signed) { /* long, long long, ptrdiff_t, intmax_t: all 64-bit here */
		*want_n = snprintf(want, BUF, fmt, (long)v);
		*got_n = k_snprintf(got, BUF, fmt, (long)v);
	} else {
		*want_n = snprintf(want, BUF, fmt, (unsigned long)v);
		*got_n = k_snprintf(got, BUF, fmt, (unsigned long)v);
	}
}

static void test_integer_grid(void **state)
{
	char fmt[32], want[BUF], got[BUF];
	unsigned long formats = 0;

	(void)state;
	for (size_t f = 0; f < COUNT(flag_sets); f++)
	for (size_t w = 0; w < COUNT(widths); w++)
	for (size_t p = 0; p < COUNT(precisions); p++)
	for (size_t l = 0; l < COUNT(lengths); l++)
	for (const char *c = conversions; *c; c++) {
		/* '#' with d/i/u is undefined behaviour in C: not compared */
		if (strchr(flag_sets[f], '#') && strchr("diu", *c))
			continue;
		snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flag_sets[f], widths[w],
			 precisions[p], lengths[l], *c);
		formats++;
		for (size_t v = 0; v < COUNT(values); v++) {
			int want_n, got_n;

			format_pair(fmt, lengths[l], *c, values[v], want, got, &want_n, &got_n);
			if (want_n != got_n || strcmp(want, got) != 0) {
				print_error("format \"%s\" value %lld: glibc %d \"%s\", ours %d \"%s\"\n",
					    fmt, values[v], want_n, want, got_n, got);
				fail();
			}
		}
	}
	assert_true(formats > 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_char_and_string),
		cmocka_unit_test(test_string_precision_reads_no_further),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_star_width_and_precision),
		cmocka_unit_test(test_lengths_mixed),
		cmocka_unit_test(test_truncation_keeps_return_value),
		cmocka_unit_test(test_unknown_conversion_stops_formatting),
		cmocka_unit_test(test_format_ending_inside_conversion),
		cmocka_unit_test(test_length_over_int_max_is_error),
		cmocka_unit_test(test_integer_grid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
