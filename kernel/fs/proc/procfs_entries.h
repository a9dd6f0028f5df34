/*
 * kernel/fs/proc/procfs_entries.h - inside procfs: the tree of /proc as one table, and
 * the generators that fill its files (Linux: the proc_dir_entry tree of
 * fs/proc/generic.c plus the pid_entry table tgid_base_stuff[] of fs/proc/base.c).
 *
 * Files are read through a seq_file (kernel/fs/seq_file.h): most are one
 * record, printed whole by the entry's show() (Linux: single_open); a file
 * that grows with the process, /proc/PID/maps, is a record per VMA through
 * the entry's seq_ops (Linux: proc_pid_maps_op). A few accept a number
 * written to them.
 */
#ifndef KERNEL_PROCFS_ENTRIES_H
#define KERNEL_PROCFS_ENTRIES_H

#include <stdint.h>
#include "kernel/fs/seq_file.h"
#include "kernel/fs/proc/procfs.h"
#include "mm/page.h"

#define KB(pages) ((pages) * (PAGE_SIZE / 1024)) /* pages in KiB, as /proc shows memory */

struct process;

enum proc_entry_id {
	PE_ROOT,          /* /proc */
	PE_MEMINFO, PE_VMSTAT, PE_BUDDYINFO, PE_ZONEINFO, PE_SWAPS, PE_STAT, PE_UPTIME, PE_LOADAVG,
	PE_PAGEFAULT_TRACE, PE_CPUINFO, PE_MOUNTS,
	PE_SELF,          /* /proc/self -> PID */
	PE_SYS, PE_SYS_VM, /* /proc/sys, /proc/sys/vm */
	PE_SWAPPINESS, PE_MIN_FREE_KBYTES, PE_OVERCOMMIT_MEMORY, PE_FAULT_TRACE, PE_MAX_MAP_COUNT,
	PE_SYS_KERNEL, PE_THREADS_MAX, PE_PID_MAX, /* /proc/sys/kernel, its threads-max, pid_max */
	PE_PID,           /* /proc/PID (its name is the pid) */
	PE_PID_STATUS, PE_PID_STAT, PE_PID_STATM, PE_PID_MAPS, PE_PID_CMDLINE, PE_PID_COMM,
	PE_PID_OOM_SCORE, PE_PID_OOM_SCORE_ADJ,
	PE_PID_EXE,       /* /proc/PID/exe -> the program's path */
	PE_PID_MOUNTS,    /* /proc/PID/mounts */
	PE_PID_FD,        /* /proc/PID/fd */
	PE_PID_FD_LINK,   /* /proc/PID/fd/N -> what descriptor N is open on (named by N) */
	NR_PROC_ENTRIES
};

struct proc_entry {
	const char *name;       /* NULL for /proc itself and for PE_PID (named by its pid) */
	enum proc_entry_id parent;
	uint32_t mode;          /* S_IF* | permission bits */
	/* show: generate the file's text into @s; @p is the process of a per-process
	 * file, NULL for the others. 0 or -errno. NULL for an int sysctl. */
	int (*show)(struct seq_file *s, struct process *p);
	/* store: take the number @val written to a read-write file; 0, or -EINVAL
	 * (out of range: nothing changes). NULL for an int sysctl and for the
	 * read-only files. */
	int (*store)(struct process *p, long val);
	/* An int sysctl has no show or store: its value is *data, and a write must
	 * lie in [min, max] (Linux: a ctl_table's .data, .extra1 and .extra2, read
	 * and written by proc_dointvec_minmax). NULL for the other files. */
	int *data;
	int min, max;
	/* A file of many records: its iterator, whose show prints one (m->private
	 * is the struct proc_file). NULL: one record, printed by show above. */
	const struct seq_operations *seq_ops;
};

/* An open /proc file or directory (struct file's priv). */
struct proc_file {
	struct proc_node node;
	struct seq_file seq;       /* a file's text, a buffer at a time; set up at the first read */
	bool seq_opened;
	uint64_t last_addr;        /* maps: the end of the last VMA shown, where the next read resumes */
	char *scratch;             /* maps: a path buffer between start and stop */
	char name[PROC_NAME_LEN];  /* readdir: the pid name handed out last */
};

/* node_process: the process of a per-process node, NULL for the others; -ESRCH
 * in *@err when it is gone (procfs_file.c). */
struct process *node_process(const struct proc_node *n, int *err);

extern const struct proc_entry proc_entries[NR_PROC_ENTRIES];

/* The descriptors of /proc/PID/fd (procfs_fd.c). */
/* proc_fd_lookup: the link of descriptor @name (@len bytes) in *@n, a
 * /proc/PID/fd node; 0 or -ENOENT (not a number, not open). */
int proc_fd_lookup(struct proc_node *n, const char *name, size_t len);
/* proc_fd_readdir: the first open descriptor of @dir's process at position
 * >= *@pos (2 + fd) into @e, its name in @name; 0 or -ENOENT. */
int proc_fd_readdir(const struct proc_node *dir, uint64_t *pos, struct dir_entry *e, char *name);
/* proc_link_target: the target of the link @n (/proc/PID/exe, /proc/PID/fd/N)
 * into @buf (@size bytes, not NUL-terminated); its length, or -ENOENT. */
long proc_link_target(const struct proc_node *n, char *buf, size_t size);
/* proc_fd_mode: /proc/PID/fd/N's mode: lr-x, l-wx or lrwx by how N is open. */
uint32_t proc_fd_mode(const struct proc_node *n);

/* The generators, one per file (the files that define them follow Linux's). */
int show_meminfo(struct seq_file *s, struct process *p);        /* procfs_meminfo.c */
int show_vmstat(struct seq_file *s, struct process *p);         /* procfs_vmstat.c */
int show_buddyinfo(struct seq_file *s, struct process *p);      /* procfs_vmstat.c */
int show_zoneinfo(struct seq_file *s, struct process *p);       /* procfs_vmstat.c */
int show_swaps(struct seq_file *s, struct process *p);          /* procfs_swaps.c */
int show_stat(struct seq_file *s, struct process *p);           /* procfs_stat.c */
int show_uptime(struct seq_file *s, struct process *p);         /* procfs_stat.c */
int show_loadavg(struct seq_file *s, struct process *p);        /* procfs_stat.c */
int show_cpuinfo(struct seq_file *s, struct process *p);        /* procfs_cpuinfo.c */
int show_mounts(struct seq_file *s, struct process *p);         /* procfs_mounts.c */
int show_min_free_kbytes(struct seq_file *s, struct process *p); /* procfs_sysctl.c */
int store_min_free_kbytes(struct process *p, long val);
int show_pid_status(struct seq_file *s, struct process *p);     /* procfs_pid.c */
int show_pid_stat(struct seq_file *s, struct process *p);
int show_pid_statm(struct seq_file *s, struct process *p);
int show_pid_cmdline(struct seq_file *s, struct process *p);
int show_pid_comm(struct seq_file *s, struct process *p);
int show_pid_oom_score(struct seq_file *s, struct process *p);
int show_pid_oom_score_adj(struct seq_file *s, struct process *p);
int store_pid_oom_score_adj(struct process *p, long val);
extern const struct seq_operations proc_pid_maps_op;           /* procfs_task_mmu.c */
int show_pagefault_trace(struct seq_file *s, struct process *p); /* procfs_trace.c */
int show_fault_trace(struct seq_file *s, struct process *p);
int store_fault_trace(struct process *p, long val);

/* show_int_sysctl, store_int_sysctl: read and write int sysctl @e (procfs_sysctl.c). */
void show_int_sysctl(struct seq_file *s, const struct proc_entry *e);
int store_int_sysctl(const struct proc_entry *e, long val);

#endif
