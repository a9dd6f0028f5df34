/*
 * kernel/fs/proc/procfs_trace.c - /proc/pagefault_trace, the page-fault trace of
 * mm/fault_trace.h as text, and /proc/sys/vm/fault_trace, its switch
 * (0 off, 1 on, 2 also to the kernel log). Ours: Linux has tracepoints instead.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/lib/string.h"
#include "mm/fault_trace.h"

/* emit_line: fault_trace_show's callback: one line into the seq_file @arg. */
static void emit_line(void *arg, const char *line)
{
	seq_write(arg, line, strlen(line));
}

int show_pagefault_trace(struct seq_file *s, struct process *p)
{
	(void)p;
	fault_trace_show(emit_line, s);
	return 0;
}

int show_fault_trace(struct seq_file *s, struct process *p)
{
	(void)p;
	seq_printf(s, "%d\n", (int)fault_trace_mode);
	return 0;
}

int store_fault_trace(struct process *p, long val)
{
	(void)p;
	return fault_trace_set(val);
}
