/*
 * tests/host/test_kstrtox.c - numbers written as text (kernel/lib/kstrtox.c): the
 * digits the command line and /proc share, and kstrtol as /proc's writable
 * files parse what is written to them.
 */
/* host-test-sources: kernel/lib/kstrtox.c */
#include <limits.h>
#include "tests/host/shim.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/errno.h"

/* kstrtol_ok: kstrtol(@s) succeeds with @want. */
static void kstrtol_ok(const char *s, long want)
{
	long v = 12345;

	assert_int_equal(kstrtol(s, &v), 0);
	assert_int_equal(v, want);
}

/* kstrtol_err: kstrtol(@s) fails with @err and leaves the result alone. */
static void kstrtol_err(const char *s, int err)
{
	long v = 12345;

	assert_int_equal(kstrtol(s, &v), err);
	assert_int_equal(v, 12345);
}

static void test_parse_digits_stops_at_a_non_digit(void **state)
{
	const char *s = "123/status", *start = s;
	unsigned long n = 7;

	(void)state;
	assert_int_equal(kstrtox_parse_digits(&s, 10, &n), 0);
	assert_int_equal(n, 123);
	assert_ptr_equal(s, start + 3);
	s = "fFz";
	assert_int_equal(kstrtox_parse_digits(&s, 16, &n), 0);
	assert_int_equal(n, 0xff);
	assert_int_equal(*s, 'z');
}

static void test_parse_digits_failures_change_nothing(void **state)
{
	const char *s = "x1", *none = s, *big = "18446744073709551616";
	unsigned long n = 7;

	(void)state;
	assert_int_equal(kstrtox_parse_digits(&s, 10, &n), -EINVAL);
	assert_ptr_equal(s, none);
	s = "9";
	assert_int_equal(kstrtox_parse_digits(&s, 8, &n), -EINVAL); /* not an octal digit */
	s = big;
	assert_int_equal(kstrtox_parse_digits(&s, 10, &n), -ERANGE); /* 2^64 */
	assert_ptr_equal(s, big);
	assert_int_equal(n, 7);
	s = "18446744073709551615";
	assert_int_equal(kstrtox_parse_digits(&s, 10, &n), 0);
	assert_true(n == ULONG_MAX);
}

static void test_kstrtol_bases_and_signs(void **state)
{
	(void)state;
	kstrtol_ok("0", 0);
	kstrtol_ok("42", 42);
	kstrtol_ok("+42", 42);
	kstrtol_ok("-1000", -1000);
	kstrtol_ok("0x1F", 31);
	kstrtol_ok("-0X10", -16);
	kstrtol_ok("010", 8); /* a leading 0 is octal, as Linux's base 0 */
	kstrtol_ok("9223372036854775807", LONG_MAX);
	kstrtol_ok("-9223372036854775808", LONG_MIN);
}

static void test_kstrtol_refuses(void **state)
{
	(void)state;
	kstrtol_err("", -EINVAL);
	kstrtol_err("-", -EINVAL);
	kstrtol_err("08", -EINVAL);     /* 8 is no octal digit */
	kstrtol_err("0x", -EINVAL);     /* "0" in octal, then an x */
	kstrtol_err("12 ", -EINVAL);    /* blanks are the caller's to strip */
	kstrtol_err(" 12", -EINVAL);
	kstrtol_err("1k", -EINVAL);
	kstrtol_err("--1", -EINVAL);
	kstrtol_err("9223372036854775808", -ERANGE);
	kstrtol_err("-9223372036854775809", -ERANGE);
	kstrtol_err("99999999999999999999999", -ERANGE);
}

static void test_signed_long_limits(void **state)
{
	long v = 5;

	(void)state;
	assert_int_equal(kstrtox_signed_long(0, true, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(kstrtox_signed_long((unsigned long)LONG_MAX + 1, true, &v), 0);
	assert_true(v == LONG_MIN);
	v = 5;
	assert_int_equal(kstrtox_signed_long((unsigned long)LONG_MAX + 1, false, &v), -ERANGE);
	assert_int_equal(v, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_digits_stops_at_a_non_digit),
		cmocka_unit_test(test_parse_digits_failures_change_nothing),
		cmocka_unit_test(test_kstrtol_bases_and_signs),
		cmocka_unit_test(test_kstrtol_refuses),
		cmocka_unit_test(test_signed_long_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
