/* kernel/lib/kstrtox.c - numbers written as text (see kstrtox.h). */
#include <limits.h>
#include "kernel/lib/kstrtox.h"
#include "kernel/errno.h"

/* digit_value: the value of the hex digit @c (either case), or 16 when it is none. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned int)(c - 'A' + 10);
	return 16;
}

int kstrtox_parse_digits(const char **s, unsigned int base, unsigned long *out)
{
	const char *p = *s;
	unsigned long n = 0;
	unsigned int d;

	for (; (d = digit_value(*p)) < base; p++) {
		if (__builtin_mul_overflow(n, base, &n) || __builtin_add_overflow(n, d, &n))
			return -ERANGE;
	}
	if (p == *s)
		return -EINVAL;
	*s = p;
	*out = n;
	return 0;
}

int kstrtox_signed_long(unsigned long magnitude, bool negative, long *res)
{
	if (magnitude > (unsigned long)LONG_MAX + negative)
		return -ERANGE;
	/* negated as unsigned: gcc converts modulo 2^64, so 2^63 becomes LONG_MIN */
	*res = negative ? (long)-magnitude : (long)magnitude;
	return 0;
}

int kstrtol(const char *s, long *res)
{
	bool negative = *s == '-';
	unsigned int base = 10;
	unsigned long magnitude;

	if (*s == '-' || *s == '+')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	int err = kstrtox_parse_digits(&s, base, &magnitude);
	if (err)
		return err;
	return *s ? -EINVAL : kstrtox_signed_long(magnitude, negative, res);
}
