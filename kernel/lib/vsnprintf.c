/*
 * kernel/lib/vsnprintf.c - printf-style formatting into a buffer (see
 * kernel/lib/vsnprintf.h for what is supported). One pass over the format: each
 * conversion is parsed into a struct spec, then printed through an output
 * cursor that counts every byte but stores only what fits.
 */

/*
 * Host unit tests link this file beside the host's libc, which owns these
 * names: there they are built as k_vsnprintf/k_snprintf, so the test can
 * compare them with libc's.
 */
#ifdef HOST_TEST
#include "tests/host/k_vsnprintf_names.h"
#endif

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"

/* The output so far: @len counts every byte produced, stored or not. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

enum {
	F_LEFT  = 1 << 0, /* '-': pad on the right */
	F_ZERO  = 1 << 1, /* '0': pad numbers with zeros after the sign/0x */
	F_PLUS  = 1 << 2, /* '+': "+" before non-negative signed numbers */
	F_SPACE = 1 << 3, /* ' ': " " before them instead */
	F_ALT   = 1 << 4, /* '#': "0x" for hex, a leading 0 for octal */
};

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

/* One conversion, "%[flags][width][.precision][length]conv". */
struct spec {
	unsigned flags;
	size_t width;      /* 0 when none */
	int precision;     /* -1 when none */
	enum length length;
	char conv;         /* '\0' when the format ended inside the conversion */
};

/* put_repeat: append @count copies of @c, storing those that fit before the NUL's byte. */
static void put_repeat(struct out *o, char c, size_t count)
{
	for (; count > 0 && o->len + 1 < o->size; count--)
		o->buf[o->len++] = c;
	o->len += count;
}

/* put_bytes: append the @n bytes at @s, storing those that fit before the NUL's byte. */
static void put_bytes(struct out *o, const char *s, size_t n)
{
	for (; n > 0 && o->len + 1 < o->size; n--)
		o->buf[o->len++] = *s++;
	o->len += n;
}

/* put_padded: append @n bytes at @s padded with spaces to @sp's width, on the left unless '-'. */
static void put_padded(struct out *o, const struct spec *sp, const char *s, size_t n)
{
	size_t pad = sp->width > n ? sp->width - n : 0;

	if (!(sp->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	put_bytes(o, s, n);
	if (sp->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/*
 * put_number: append @value in @base after @prefix (a sign or "0x", maybe ""),
 * with C's rules: precision is the minimum digit count (and precision 0 prints
 * 0 as nothing), '#' with octal forces a leading 0, '0' pads with zeros between
 * prefix and digits unless '-' or a precision is given.
 */
static void put_number(struct out *o, const struct spec *sp, uintmax_t value,
		       unsigned base, const char *prefix)
{
	const char *digit_set = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[sizeof(uintmax_t) * 3]; /* 64 bits are 22 octal digits */
	char *first = digits + sizeof(digits);

	for (uintmax_t v = value; v != 0; v /= base)
		*--first = digit_set[v % base];
	if (value == 0 && sp->precision != 0)
		*--first = '0';

	size_t ndigits = digits + sizeof(digits) - first;
	size_t zeros = sp->precision > (int)ndigits ? sp->precision - ndigits : 0;

	if (base == 8 && (sp->flags & F_ALT) && zeros == 0 && (value != 0 || ndigits == 0))
		zeros = 1;

	size_t prefix_len = strlen(prefix);
	size_t body = prefix_len + zeros + ndigits;
	size_t pad = sp->width > body ? sp->width - body : 0;

	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->precision < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(sp->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	put_bytes(o, prefix, prefix_len);
	put_repeat(o, '0', zeros);
	put_bytes(o, first, ndigits);
	if (sp->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/* put_signed: append the d/i conversion of @v with its sign ('-', or '+'/' ' by flag). */
static void put_signed(struct out *o, const struct spec *sp, intmax_t v)
{
	const char *sign = v < 0 ? "-" : (sp->flags & F_PLUS) ? "+" : (sp->flags & F_SPACE) ? " " : "";
	/* negated as unsigned, which is defined for INTMAX_MIN too */
	uintmax_t magnitude = v < 0 ? -(uintmax_t)v : (uintmax_t)v;

	put_number(o, sp, magnitude, 10, sign);
}

/* put_hex: append the x/X conversion of @v ("0x"/"0X" before non-zero values with '#'). */
static void put_hex(struct out *o, const struct spec *sp, uintmax_t v)
{
	const char *prefix = "";

	if ((sp->flags & F_ALT) && v != 0)
		prefix = sp->conv == 'X' ? "0X" : "0x";
	put_number(o, sp, v, 16, prefix);
}

/* put_pointer: append @p as glibc's %p does: "0x" and lowercase hex, or "(nil)". */
static void put_pointer(struct out *o, const struct spec *sp, const void *p)
{
	if (p == NULL)
		put_padded(o, sp, "(nil)", 5);
	else
		put_number(o, sp, (uintptr_t)p, 16, "0x");
}

/* put_string: append @s, at most precision bytes of it (never reading further); NULL as "(null)". */
static void put_string(struct out *o, const struct spec *sp, const char *s)
{
	/* as glibc: a precision too short for "(null)" prints nothing, not "(nu" */
	if (s == NULL)
		s = (sp->precision < 0 || sp->precision >= 6) ? "(null)" : "";

	size_t n = sp->precision < 0 ? strlen(s) : strnlen(s, (size_t)sp->precision);

	put_padded(o, sp, s, n);
}

/* signed_arg: take the next d/i argument from @ap, of the type @length names. */
static intmax_t signed_arg(va_list *ap, enum length length)
{
	switch (length) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z: /* the signed type of size_t's width, which ptrdiff_t is */
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

/* unsigned_arg: take the next u/o/x/X argument from @ap, of the type @length names. */
static uintmax_t unsigned_arg(va_list *ap, enum length length)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
	case LEN_T: /* the unsigned type of ptrdiff_t's width, which size_t is */
		return va_arg(*ap, size_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* flag_bit: the F_ bit of the flag character @c, 0 if it is not one. */
static unsigned flag_bit(char c)
{
	switch (c) {
	case '-': return F_LEFT;
	case '0': return F_ZERO;
	case '+': return F_PLUS;
	case ' ': return F_SPACE;
	case '#': return F_ALT;
	default:  return 0;
	}
}

/* parse_int: read the decimal digits at *@p, advancing *@p; saturates at INT_MAX. */
static int parse_int(const char **p)
{
	int n = 0;

	for (; **p >= '0' && **p <= '9'; (*p)++) {
		int d = **p - '0';

		n = n > (INT_MAX - d) / 10 ? INT_MAX : n * 10 + d;
	}
	return n;
}

/* parse_length: read a length modifier at *@p, advancing *@p past it; LEN_NONE if none. */
static enum length parse_length(const char **p)
{
	const char *s = *p;
	enum length len;

	switch (*s) {
	case 'h': len = s[1] == 'h' ? LEN_HH : LEN_H; break;
	case 'l': len = s[1] == 'l' ? LEN_LL : LEN_L; break;
	case 'z': len = LEN_Z; break;
	case 't': len = LEN_T; break;
	case 'j': len = LEN_J; break;
	default:  return LEN_NONE;
	}
	*p += (len == LEN_HH || len == LEN_LL) ? 2 : 1;
	return len;
}

/*
 * parse_spec: parse the conversion whose '%' precedes @fmt into @sp, taking
 * '*' widths and precisions from @ap; returns where the format continues.
 */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };

	for (unsigned bit; (bit = flag_bit(*fmt)) != 0; fmt++)
		sp->flags |= bit;

	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		if (w < 0) /* a negative '*' width means '-' and its magnitude */
			sp->flags |= F_LEFT;
		sp->width = w < 0 ? 0u - (unsigned int)w : (unsigned int)w;
	} else {
		sp->width = parse_int(&fmt);
	}

	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			fmt++;
			sp->precision = p < 0 ? -1 : p; /* negative: as if none was given */
		} else {
			sp->precision = parse_int(&fmt);
		}
	}

	sp->length = parse_length(&fmt);
	sp->conv = *fmt;
	return *fmt ? fmt + 1 : fmt;
}

/* convert: append the conversion @sp, taking its argument from @ap; false if @sp->conv is unknown. */
static bool convert(struct out *o, const struct spec *sp, va_list *ap)
{
	switch (sp->conv) {
	case 'd':
	case 'i':
		put_signed(o, sp, signed_arg(ap, sp->length));
		return true;
	case 'u':
		put_number(o, sp, unsigned_arg(ap, sp->length), 10, "");
		return true;
	case 'o':
		put_number(o, sp, unsigned_arg(ap, sp->length), 8, "");
		return true;
	case 'x':
	case 'X':
		put_hex(o, sp, unsigned_arg(ap, sp->length));
		return true;
	case 'p':
		put_pointer(o, sp, va_arg(*ap, const void *));
		return true;
	case 'c': {
		char c = (char)va_arg(*ap, int);

		put_padded(o, sp, &c, 1);
		return true;
	}
	case 's':
		put_string(o, sp, va_arg(*ap, const char *));
		return true;
	case '%':
		put_bytes(o, "%", 1);
		return true;
	default:
		return false;
	}
}

/* vsnprintf: format into @buf (@size bytes, may be NULL when 0); see kernel/lib/vsnprintf.h. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	va_list args;

	/* a va_list of our own, so that helpers can take its address portably */
	va_copy(args, ap);
	while (*fmt != '\0') {
		const char *start = fmt;
		struct spec sp;

		if (*fmt != '%') {
			put_bytes(&o, fmt++, 1);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!convert(&o, &sp, &args)) {
			put_bytes(&o, start, strlen(start));
			break;
		}
	}
	va_end(args);

	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT_MAX ? -1 : (int)o.len;
}

/* snprintf: vsnprintf with the arguments inline. */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
