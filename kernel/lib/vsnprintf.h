/*
 * kernel/lib/vsnprintf.h - printf-style formatting into a buffer, with C99's
 * snprintf semantics: the output is cut to fit @size bytes, always ends in a
 * NUL when @size > 0, and the return value is the length the whole output
 * would have had (so a result >= @size means it was truncated); -1 when that
 * length exceeds INT_MAX.
 *
 * Conversions: d i u x X o c s p %, flags - 0 + space #, width and precision
 * (numbers or *), lengths hh h l ll z t j. %p prints like glibc ("0x1a2b",
 * NULL as "(nil)"), %s of NULL prints "(null)". No floating point (the kernel
 * is built -mgeneral-regs-only) and no %n. An unknown conversion is printed as
 * is, together with the rest of the format: the arguments after it cannot be
 * located any more.
 */
#ifndef KERNEL_VSNPRINTF_H
#define KERNEL_VSNPRINTF_H

#include <stdarg.h>
#include <stddef.h>

__attribute__((format(printf, 3, 0)))
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

__attribute__((format(printf, 3, 4)))
int snprintf(char *buf, size_t size, const char *fmt, ...);

#endif
