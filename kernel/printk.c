/*
 * kernel/printk.c - format a message, stamp it "[seconds.micros] " as Linux's
 * printk does, and write it to the serial console when its level is within the
 * console loglevel. A message may span several printk calls: the timestamp is
 * printed only at the start of a line.
 */
#include "kernel/printk.h"
#include "kernel/lib/vsnprintf.h"
#include "kernel/time.h"
#include "drivers/serial.h"

int console_loglevel = LOG_INFO; /* print levels <= this; cmdline "loglevel=N" */
static int at_line_start = 1;

/* emit_timestamp: "[    1.234567] " from the uptime clock. */
static void emit_timestamp(void)
{
	char ts[32];
	uint64_t ns = uptime_ns();
	int n = snprintf(ts, sizeof(ts), "[%5lu.%06lu] ", ns / NSEC_PER_SEC, ns / 1000 % 1000000);
	serial_write(ts, (size_t)n);
}

void vprintk(int level, const char *fmt, va_list ap)
{
	char buf[512];
	if (level > console_loglevel)
		return;
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
	for (size_t start = 0; start < len;) {
		size_t end = start;
		while (end < len && buf[end] != '\n')
			end++;
		if (end < len)
			end++; /* include the newline */
		if (at_line_start)
			emit_timestamp();
		serial_write(buf + start, end - start);
		at_line_start = buf[end - 1] == '\n';
		start = end;
	}
}

void printk(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintk(level, fmt, ap);
	va_end(ap);
}
