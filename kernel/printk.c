/*
 * kernel/printk.c - format a message, stamp it "[seconds.micros] " as Linux's
 * printk does, and write it to the serial console when its level is within the
 * console loglevel; every message, whatever its level, is also kept in the
 * log buffer as "<LEVEL>[time] text" for syslog(2) (kernel/log_buf.c). A
 * message may span several printk calls: the timestamp is printed only at
 * the start of a line.
 */
#include <stdbool.h>
#include "kernel/printk.h"
#include "kernel/lib/vsnprintf.h"
#include "kernel/time.h"
#include "drivers/serial.h"
#include "kernel/log_buf.h"

int console_loglevel = LOG_INFO; /* print levels <= this; cmdline "loglevel=N" */
static int at_line_start = 1;

/* emit_timestamp: "[    1.234567] " from the uptime clock, to the console
 * if @console, and with the "<LEVEL>" prefix to the log buffer. */
static void emit_timestamp(int level, bool console)
{
	char ts[40];
	uint64_t ns = uptime_ns();
	int n = snprintf(ts, sizeof(ts), "<%d>[%5lu.%06lu] ", level, ns / NSEC_PER_SEC, ns / 1000 % 1000000);
	size_t prefix = 3; /* "<L>" */

	log_store(ts, (size_t)n);
	if (console)
		serial_write(ts + prefix, (size_t)n - prefix);
}

void vprintk(int level, const char *fmt, va_list ap)
{
	char buf[512];
	bool console = level <= console_loglevel;
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
	for (size_t start = 0; start < len;) {
		size_t end = start;
		while (end < len && buf[end] != '\n')
			end++;
		if (end < len)
			end++; /* include the newline */
		if (at_line_start)
			emit_timestamp(level, console);
		log_store(buf + start, end - start);
		if (console)
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
