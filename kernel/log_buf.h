/* kernel/log_buf.h - the kernel log's memory, for syslog(2) and dmesg (kernel/log_buf.c). */
#ifndef KERNEL_LOG_BUF_H
#define KERNEL_LOG_BUF_H

#include <stddef.h>

/* log_store: keep @len bytes of formatted log text ("<L>[time] message\n").
 * IRQ-safe; never sleeps. */
void log_store(const char *text, size_t len);

#endif
