/*
 * kernel/fs/proc/procfs_pid.c - the files of /proc/PID (Linux: fs/proc/array.c for
 * status and stat, fs/proc/base.c for cmdline, comm and the oom files,
 * fs/proc/task_mmu.c for statm), in Linux 6.1's formats.
 *
 * Uid and Gid are the process's ids (kernel/cred.c; fsuid = euid). Everyone
 * has every capability, on one CPU, single-threaded, without namespaces,
 * ptrace, seccomp, core dumps or huge pages: the lines for these say so
 * (CapEff all ones, Threads 1, TracerPid 0, ...).
 * Left out at the end of status: the context-switch counts, which the kernel
 * does not keep per process. VmPeak is VmSize (the peak is not kept);
 * VmHWM is the process's peak resident set (ru_maxrss), which, unlike
 * Linux's per-mm hiwater_rss, survives exec; VmExe is all executable memory
 * (programs are static: VmLib 0).
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/fs/proc/procfs_task_mmu.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "mm/kmalloc.h"
#include "mm/mm.h"
#include "mm/oom.h"
#include "mm/page.h"

#define CAP_FULL_SET 0x000001fffffffffful /* capabilities 0..40, Linux 6.1's CAP_LAST_CAP */
#define PF_KTHREAD 0x00200000u             /* the one task flag that applies here */
#define TASK_PRIO 20                       /* a nice-0 task's priority as stat shows it */
#define CMDLINE_MAX PAGE_SIZE              /* bytes of arguments shown, at most */

/* state_name: Linux's name for @p's state (get_task_state). */
static const char *state_name(const struct process *p)
{
	switch (p->state) {
	case PROC_RUNNABLE: return "R (running)";
	case PROC_SLEEPING: return "S (sleeping)";
	case PROC_STOPPED:  return "T (stopped)";
	default:            return "Z (zombie)";
	}
}

/* ppid: @p's parent's pid; 0 for init and kernel threads. */
static int ppid(const struct process *p)
{
	return p->parent ? p->parent->pid : 0;
}

/* sig_ign_catch: the signals @p ignores and those it has handlers for, bit n-1
 * for signal n (Linux: collect_sigign_sigcatch). */
static void sig_ign_catch(const struct process *p, uint64_t *ign, uint64_t *catch)
{
	*ign = *catch = 0;
	for (int i = 0; i < NSIG; i++) {
		uint64_t handler = p->sigactions[i].handler;
		*ign |= (uint64_t)(handler == (uint64_t)SIG_IGN) << i;
		*catch |= (uint64_t)(handler > (uint64_t)SIG_IGN) << i;
	}
}

/* show_task_state: status from Name to NSsid (Linux: task_state). */
static void show_task_state(struct seq_file *s, const struct process *p)
{
	seq_printf(s, "Name:\t%s\nUmask:\t0022\nState:\t%s\n", p->comm, state_name(p));
	seq_printf(s, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", p->pid, p->pid, ppid(p));
	seq_printf(s, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\nFDSize:\t%d\nGroups:\t \n", p->cred.uid.real,
		   p->cred.uid.eff, p->cred.uid.saved, p->cred.uid.eff, p->cred.gid.real, p->cred.gid.eff,
		   p->cred.gid.saved, p->cred.gid.eff, NR_OPEN); /* the fs ids are the effective ones */
	seq_printf(s, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", p->pid, p->pid, p->pgid, p->sid);
}

/* show_vm_line: one "Name:\t%8lu kB" line (Linux: SEQ_PUT_DEC in task_mem). */
static void show_vm_line(struct seq_file *s, const char *name, uint64_t pages)
{
	seq_printf(s, "%s:\t%8lu kB\n", name, KB(pages));
}

/* show_task_mem: status from VmPeak to THP_enabled (Linux: task_mem,
 * task_core_dumping, task_thp_status); only for a process with memory. */
static void show_task_mem(struct seq_file *s, const struct process *p)
{
	struct mm_usage u;
	uint64_t rss = p->mm->rss;

	mm_usage(p->mm, &u);
	show_vm_line(s, "VmPeak", u.total_vm);
	show_vm_line(s, "VmSize", u.total_vm);
	show_vm_line(s, "VmLck", u.locked_vm);
	show_vm_line(s, "VmPin", 0);
	show_vm_line(s, "VmHWM", p->max_rss_pages > rss ? p->max_rss_pages : rss);
	show_vm_line(s, "VmRSS", rss);
	show_vm_line(s, "RssAnon", u.rss_anon);
	show_vm_line(s, "RssFile", u.rss_file);
	show_vm_line(s, "RssShmem", u.rss_shmem);
	show_vm_line(s, "VmData", u.data_vm);
	show_vm_line(s, "VmStk", u.stack_vm);
	show_vm_line(s, "VmExe", u.exec_vm);
	show_vm_line(s, "VmLib", 0);
	show_vm_line(s, "VmPTE", u.pgtables);
	show_vm_line(s, "VmSwap", u.swap);
	seq_printf(s, "CoreDumping:\t0\nTHP_enabled:\t0\n");
}

/* nr_pending: how many signals wait for @p (one each: standard signals do not queue). */
static unsigned nr_pending(const struct process *p)
{
	unsigned n = 0;
	for (uint64_t set = p->sig_pending; set; set &= set - 1)
		n++;
	return n;
}

/* show_task_sig: Threads to SigCgt (Linux: task_sig); one signal set here, pending for the process. */
static void show_task_sig(struct seq_file *s, const struct process *p)
{
	seq_printf(s, "Threads:\t1\nSigQ:\t%u/%lu\n", nr_pending(p), RLIM_INFINITY);
	seq_printf(s, "SigPnd:\t%016lx\nShdPnd:\t%016lx\n", p->sig_pending, 0ul);
	uint64_t ign, catch;

	sig_ign_catch(p, &ign, &catch);
	seq_printf(s, "SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n", p->sig_blocked, ign, catch);
}

/* show_task_rest: capabilities, seccomp and CPU lines (Linux: task_cap,
 * task_seccomp, task_cpus_allowed), all fixed here. */
static void show_task_rest(struct seq_file *s)
{
	seq_printf(s, "CapInh:\t%016lx\nCapPrm:\t%016lx\nCapEff:\t%016lx\nCapBnd:\t%016lx\nCapAmb:\t%016lx\n",
		   0ul, CAP_FULL_SET, CAP_FULL_SET, CAP_FULL_SET, 0ul);
	seq_printf(s, "NoNewPrivs:\t0\nSpeculation_Store_Bypass:\tunknown\nSpeculationIndirectBranch:\tunknown\n");
	seq_printf(s, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
}

int show_pid_status(struct seq_file *s, struct process *p)
{
	show_task_state(s, p);
	if (p->mm)
		show_task_mem(s, p);
	show_task_sig(s, p);
	show_task_rest(s);
	return 0;
}

/* first_file_vma: the first VMA of @mm mapping a file with @prot exactly
 * (PROT_READ|PROT_EXEC: the text; PROT_READ|PROT_WRITE: the data), or NULL. */
static const struct vm_area *first_file_vma(struct mm *mm, uint32_t prot)
{
	struct vm_area *vma;

	for_each_vma(mm, vma)
		if (vma->kind == VMA_FILE && vma->prot == prot)
			return vma;
	return NULL;
}

/* Where text, data, heap, arguments and stack are: stat fields 26-28, 45-51.
 * The mm keeps no start_code/end_code: they are the text and data VMAs' bounds. */
struct task_layout {
	uint64_t start_code, end_code, start_stack, start_data, end_data;
	uint64_t start_brk, arg_start, arg_end, env_start, env_end;
};

/* task_layout: @p's layout; all zero without an address space (as Linux). */
static struct task_layout task_layout(const struct process *p)
{
	struct mm *mm = p->mm;
	if (!mm)
		return (struct task_layout){ 0 };
	const struct vm_area *text = first_file_vma(mm, PROT_READ | PROT_EXEC);
	const struct vm_area *data = first_file_vma(mm, PROT_READ | PROT_WRITE);
	return (struct task_layout){
		.start_code = text ? text->start : 0, .end_code = text ? text->end : 0,
		.start_stack = mm->start_stack,
		.start_data = data ? data->start : 0, .end_data = data ? data->end : 0,
		.start_brk = mm->start_brk, .arg_start = mm->arg_start, .arg_end = mm->arg_end,
		.env_start = mm->env_start, .env_end = mm->env_end,
	};
}

/* show_pid_stat: the 52 fields of Linux's do_task_stat, one line. */
int show_pid_stat(struct seq_file *s, struct process *p)
{
	struct mm_usage u = { 0 };
	struct task_layout l = task_layout(p);
	int exit_code = p->state == PROC_ZOMBIE ? p->exit_status : 0;
	uint64_t ign, catch;

	if (p->mm)
		mm_vm_usage(p->mm, &u); /* vsize only: no page-table walk for each ps */
	sig_ign_catch(p, &ign, &catch);
	seq_printf(s, "%d (%s) %c %d %d %d 0 -1 %u ", p->pid, p->comm, state_name(p)[0], ppid(p),
		   p->pgid, p->sid, p->kthread ? PF_KTHREAD : 0);
	seq_printf(s, "%lu %lu %lu %lu %lu %lu %lu %lu ", p->min_flt, p->c_min_flt, p->maj_flt,
		   p->c_maj_flt, p->utime_ticks, p->stime_ticks, p->c_utime_ticks, p->c_stime_ticks);
	seq_printf(s, "%d 0 1 0 %lu %lu %lu %lu ", TASK_PRIO, p->start_ticks, u.total_vm * PAGE_SIZE,
		   p->mm ? p->mm->rss : 0, RLIM_INFINITY);
	seq_printf(s, "%lu %lu %lu 0 0 ", l.start_code, l.end_code, l.start_stack);
	seq_printf(s, "%lu %lu %lu %lu %d 0 0 %d 0 0 0 0 0 0 ", p->sig_pending, p->sig_blocked,
		   ign, catch, p->state != PROC_RUNNABLE, p->kthread ? 0 : SIGCHLD);
	seq_printf(s, "%lu %lu %lu %lu %lu %lu %lu %d\n", l.start_data, l.end_data, l.start_brk,
		   l.arg_start, l.arg_end, l.env_start, l.env_end, exit_code);
	return 0;
}

/* show_pid_statm: "size resident shared text lib data dt" in pages (Linux:
 * task_statm; lib and dt are always 0 since Linux 2.6). */
int show_pid_statm(struct seq_file *s, struct process *p)
{
	struct mm_usage u = { 0 };

	if (p->mm)
		mm_usage(p->mm, &u);
	seq_printf(s, "%lu %lu %lu %lu 0 %lu 0\n", u.total_vm, p->mm ? p->mm->rss : 0,
		   u.rss_file + u.rss_shmem, u.exec_vm, u.data_vm + u.stack_vm);
	return 0;
}

/* show_pid_cmdline: the argument strings as execve left them on the stack,
 * each ending in NUL (Linux: proc_pid_cmdline_read); empty for kernel threads
 * and zombies. Only the part of the stack that is present is read. */
int show_pid_cmdline(struct seq_file *s, struct process *p)
{
	if (!p->mm || p->mm->arg_end <= p->mm->arg_start)
		return 0;
	size_t want = p->mm->arg_end - p->mm->arg_start;
	if (want > CMDLINE_MAX)
		want = CMDLINE_MAX;
	char *buf = kmalloc(want);
	if (!buf)
		return -ENOMEM;
	seq_write(s, buf, access_mm(p->mm, p->mm->arg_start, buf, want, false));
	kfree(buf);
	return 0;
}

int show_pid_comm(struct seq_file *s, struct process *p)
{
	seq_printf(s, "%s\n", p->comm);
	return 0;
}

/* show_pid_oom_score: the badness the OOM killer would see, 0..2000 (mm/oom.h). */
int show_pid_oom_score(struct seq_file *s, struct process *p)
{
	seq_printf(s, "%lu\n", oom_score(p));
	return 0;
}

int show_pid_oom_score_adj(struct seq_file *s, struct process *p)
{
	seq_printf(s, "%d\n", p->oom_score_adj);
	return 0;
}

/* store_pid_oom_score_adj: -1000..1000, else -EINVAL and no change (Linux:
 * oom_score_adj_write; root may also lower it). */
int store_pid_oom_score_adj(struct process *p, long val)
{
	return set_oom_score_adj(p, val);
}
