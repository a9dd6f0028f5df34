/*
 * kernel/log_buf.c - the kernel log's memory and syslog(2) (Linux:
 * kernel/printk/printk.c's log buffer and do_syslog): every message printk
 * formats is also kept here, each line as "<LEVEL>[seconds.micros] text",
 * the form syslog(2) hands to dmesg, whatever the console showed. The buffer
 * is a ring of LOG_BUF_LEN bytes; when it is full the oldest lines go.
 * Reading (SYSLOG_ACTION_READ) consumes and sleeps while nothing is new;
 * READ_ALL copies the newest bytes without consuming; only root may (Debian
 * sets kernel.dmesg_restrict).
 * Lock: interrupts off around the ring (printk may run in an interrupt).
 */
#include "kernel/log_buf.h"
#include "kernel/proc.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"
#include "mm/kmalloc.h"

#define LOG_BUF_LEN (64 * 1024) /* a power of two (Linux's CONFIG_LOG_BUF_SHIFT=16) */

enum {
	SYSLOG_ACTION_CLOSE, SYSLOG_ACTION_OPEN, SYSLOG_ACTION_READ, SYSLOG_ACTION_READ_ALL,
	SYSLOG_ACTION_READ_CLEAR, SYSLOG_ACTION_CLEAR, SYSLOG_ACTION_CONSOLE_OFF, SYSLOG_ACTION_CONSOLE_ON,
	SYSLOG_ACTION_CONSOLE_LEVEL, SYSLOG_ACTION_SIZE_UNREAD, SYSLOG_ACTION_SIZE_BUFFER,
};

extern int console_loglevel;

static char log_buf[LOG_BUF_LEN];
static uint64_t log_head;  /* bytes ever stored */
static uint64_t log_first; /* the oldest byte still kept (a line start) */
static uint64_t log_read;  /* SYSLOG_ACTION_READ's position */
static uint64_t log_clear; /* what SYSLOG_ACTION_CLEAR dropped from READ_ALL */
static struct wait_queue log_wait = WAIT_QUEUE_INIT(log_wait);
static int saved_console_loglevel = -1;

/* drop_oldest_line: make room by forgetting the oldest line. IRQs off. */
static void drop_oldest_line(void)
{
	while (log_first < log_head && log_buf[log_first++ % LOG_BUF_LEN] != '\n')
		;
	if (log_read < log_first)
		log_read = log_first;
	if (log_clear < log_first)
		log_clear = log_first;
}

void log_store(const char *text, size_t len)
{
	uint64_t irq = irq_save();

	for (size_t i = 0; i < len; i++) {
		while (log_head - log_first >= LOG_BUF_LEN)
			drop_oldest_line();
		log_buf[log_head++ % LOG_BUF_LEN] = text[i];
	}
	irq_restore(irq);
	wake_up(&log_wait);
}

/* copy_out: the bytes [from, from + n) of the ring to user @buf. 0 or -EFAULT. */
static int copy_out(char *buf, uint64_t from, size_t n)
{
	char chunk[256];

	for (size_t done = 0; done < n;) {
		size_t len = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		uint64_t irq = irq_save();
		for (size_t i = 0; i < len; i++)
			chunk[i] = log_buf[(from + done + i) % LOG_BUF_LEN];
		irq_restore(irq);
		if (copy_to_user(buf + done, chunk, len))
			return -EFAULT;
		done += len;
	}
	return 0;
}

/* read_new: SYSLOG_ACTION_READ: wait for bytes not read yet, consume up to @len. */
static long read_new(char *buf, size_t len)
{
	while (log_read == log_head) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		sleep_on(&log_wait);
	}
	size_t n = log_head - log_read < len ? log_head - log_read : len;
	uint64_t from = log_read;
	log_read += n;
	return copy_out(buf, from, n) ? -EFAULT : (long)n;
}

/* read_all: the newest @len bytes since the last clear, from a line start. */
static long read_all(char *buf, size_t len)
{
	uint64_t from = log_clear > log_first ? log_clear : log_first;

	while (log_head - from > len) /* skip whole old lines until the rest fits */
		while (from < log_head && log_buf[from++ % LOG_BUF_LEN] != '\n')
			;
	return copy_out(buf, from, log_head - from) ? -EFAULT : (long)(log_head - from);
}

long sys_syslog(int type, char *buf, int len)
{
	if (type != SYSLOG_ACTION_CLOSE && type != SYSLOG_ACTION_OPEN && !capable(current))
		return -EPERM; /* CAP_SYSLOG (dmesg_restrict) */
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (type == SYSLOG_ACTION_READ)
			return read_new(buf, (size_t)len);
		long n = read_all(buf, (size_t)len);
		if (n >= 0 && type == SYSLOG_ACTION_READ_CLEAR)
			log_clear = log_head;
		return n;
	case SYSLOG_ACTION_CLEAR:
		log_clear = log_head;
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_loglevel;
		console_loglevel = LOG_ALERT; /* Linux's minimum_console_loglevel */
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0)
			console_loglevel = saved_console_loglevel;
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len < LOG_ALERT + 1 ? LOG_ALERT : len;
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return (long)(log_head - log_read);
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}
