/*
 * kernel/lib/kstrtox.h - numbers written as text: what the command line, the
 * numbers written to /proc files and /proc's pid names share (Linux: lib/kstrtox.c).
 */
#ifndef KERNEL_KSTRTOX_H
#define KERNEL_KSTRTOX_H

#include <stdbool.h>

/* kstrtox_parse_digits: one or more digits of @base (2..16, hex in either case) at *@s
 * into *@out, advancing *@s past them. 0, -EINVAL (no digit) or -ERANGE (more
 * than an unsigned long holds); *@s and *@out change only on success. */
int kstrtox_parse_digits(const char **s, unsigned int base, unsigned long *out);

/* kstrtox_signed_long: @magnitude, negated when @negative, as a long into *@res; 0, or
 * -ERANGE (*@res unchanged) when it does not fit. */
int kstrtox_signed_long(unsigned long magnitude, bool negative, long *res);

/* kstrtol: the whole of @s as a long, as Linux's kstrtol(s, 0, res): an
 * optional sign, then 0x hex, 0 octal or decimal digits, nothing after them.
 * 0, -EINVAL or -ERANGE (*@res unchanged then). */
int kstrtol(const char *s, long *res);

#endif
