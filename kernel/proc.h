/*
 * kernel/proc.h - processes (Linux: struct task_struct, much reduced).
 *
 * Every process has a kernel stack of KSTACK_SIZE; a user process's registers
 * live in the struct trap_frame at the top of that stack while it is in the
 * kernel (syscall, interrupt, exception), and its address space in `mm`.
 * Kernel threads (kswapd, later) have no mm and never return to user mode.
 * Lock: the process list and states change with interrupts off (single CPU).
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdint.h>
#include <stdbool.h>
#include "kernel/lib/list.h"
#include "kernel/fs/fs.h"
#include "kernel/wait.h"
#include "kernel/cred.h"
#include "kernel/resource.h"
#include "arch/x86_64/trap_frame.h"

#define KSTACK_ORDER 2                       /* 16 KiB kernel stacks */
#define KSTACK_SIZE  (4096ul << KSTACK_ORDER)
#define NR_OPEN      64                      /* file descriptors per process */
#define NSIG         64
#define TASK_COMM_LEN 16

enum proc_state {
	PROC_RUNNABLE, /* on the run queue, or running (== current) */
	PROC_SLEEPING, /* on a wait queue; wake_up() makes it runnable */
	PROC_STOPPED,  /* stopped by SIGSTOP/SIGTSTP/...; only SIGCONT or SIGKILL resume it */
	PROC_ZOMBIE,   /* exited; its parent has not reaped it with wait4 yet */
};

struct mm;
struct file;
struct completion;

/* One signal disposition (Linux: struct k_sigaction). */
struct sigaction_k {
	uint64_t handler;  /* SIG_DFL (0), SIG_IGN (1), or a user address */
	uint64_t flags;    /* SA_* */
	uint64_t restorer; /* SA_RESTORER: user code that calls rt_sigreturn */
	uint64_t mask;
};

/* What is known of a pending signal's origin, for its handler's siginfo and
 * rt_sigtimedwait (Linux: kernel_siginfo, one per non-queued signal). */
struct ksiginfo {
	int code;       /* SI_USER, SI_TKILL, SI_KERNEL, CLD_* for SIGCHLD */
	int pid;        /* the sender (SI_USER, SI_TKILL) or the child (SIGCHLD) */
	uint32_t uid;   /* the sender's real uid, or the child's */
	int status;     /* SIGCHLD: the exit code or the signal */
};

/* One interval timer (setitimer): ITIMER_REAL counts uptime, ITIMER_VIRTUAL
 * user time, ITIMER_PROF user and system time (kernel/itimer.c). */
struct itimer_k {
	uint64_t value;    /* ITIMER_REAL: the uptime it fires at; the others: ns left; 0: disarmed */
	uint64_t interval; /* ns reloaded after each expiry; 0: one shot */
};

struct process {
	int pid;
	enum proc_state state;
	char comm[TASK_COMM_LEN];   /* program name, as Linux's comm: basename of the exec'd path */
	bool kthread;               /* kernel thread: no mm, no user mode */

	struct process *parent;
	struct list_head children;  /* our children, via their `sibling` */
	struct list_head sibling;
	struct list_head all;       /* in the list of every process (process_list) */
	struct list_head run;       /* run queue or wait queue link */
	struct wait_queue child_exit; /* wait4 sleeps here until a child exits */

	uint64_t kstack;            /* lowest address of the kernel stack (direct map) */
	uint64_t saved_rsp;         /* kernel RSP while switched out (switch_to) */
	struct trap_frame *tf;      /* user registers, at the top of kstack */
	uint64_t fs_base;           /* MSR_FS_BASE: musl's thread pointer (arch_prctl) */
	uint8_t fpu[512] __attribute__((aligned(16))); /* fxsave area: x87/SSE state */

	struct mm *mm;              /* address space; NULL for kernel threads */
	struct file *files[NR_OPEN];
	uint64_t fd_cloexec;        /* bit n: fd n has FD_CLOEXEC */
	struct path pwd;            /* current directory (kernel/fs/fs_struct.c); none for kernel threads */
	uint32_t umask;             /* permission bits new files lose (umask(2); Linux's fs_struct) */
	struct path exe;            /* the program it runs (/proc/PID/exe; Linux's mm->exe_file) */
	int pgid, sid;              /* process group and session (setpgid/setsid) */
	struct cred cred;           /* user and group ids (kernel/cred.c); inherited by fork */
	struct rlimit_k rlim[RLIM_NLIMITS]; /* resource limits (kernel/resource.c); inherited by fork */

	int exit_status;            /* wait4 status word (Linux encoding), valid when ZOMBIE */
	uint64_t sig_pending;       /* bit (n-1) for signal n */
	uint64_t sig_blocked;
	struct sigaction_k sigactions[NSIG];
	bool sig_unkillable;        /* Linux's SIGNAL_UNKILLABLE: init ignores every signal it has no
	                             * handler for, SIGKILL too, until the kernel forces one (kernel/signal.c) */
	struct ksiginfo sig_info[NSIG]; /* where each pending signal came from */
	uint64_t saved_sigmask;     /* rt_sigsuspend's caller's mask, for the handler's frame (Linux's) */
	bool restore_sigmask;       /* saved_sigmask is the mask to go back to (TIF_RESTORE_SIGMASK) */
	uint64_t set_child_tid;     /* CLONE_CHILD_SETTID: where the child's first return writes its tid */
	uint64_t clear_child_tid;   /* CLONE_CHILD_CLEARTID, set_tid_address: zeroed (and futex-woken)
	                             * when the mm is let go while others still use it (mm_release) */
	struct completion *vfork_done; /* CLONE_VFORK: the parent waits on it until we exec or exit */
	int exit_signal;            /* sent to the parent at exit: SIGCHLD, or clone's low byte (0: none) */
	int pdeath_signal;          /* prctl(PR_SET_PDEATHSIG): sent when the parent exits */
	int dumpable;               /* prctl(PR_SET_DUMPABLE) */
	bool no_new_privs;          /* prctl(PR_SET_NO_NEW_PRIVS): kept across fork and exec */
	uint64_t robust_list;       /* set_robust_list: the user's list of held robust futexes */
	uint64_t wake_at_ns;        /* nanosleep deadline (uptime_ns) */
	uint64_t sas_ss_sp, sas_ss_size; /* sigaltstack; size 0: none (inherited by fork, not by exec) */
	uint32_t sas_ss_flags;      /* SS_AUTODISARM */

	/* job control (kernel/signal.c): what wait4's WUNTRACED and WCONTINUED report */
	int stop_sig;               /* the signal that stopped it */
	bool stop_report;           /* stopped, not yet reported to the parent */
	bool cont_report;           /* continued, not yet reported to the parent */

	struct itimer_k itimer[3];  /* ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF (kernel/itimer.c); not inherited */
	struct list_head real_timer; /* on the armed ITIMER_REAL list while itimer[0] is armed */

	int oom_score_adj;          /* -1000 (never chosen) .. 1000; inherited by fork (mm/oom.c) */
	bool oom_victim;            /* killed by the OOM killer, not gone yet */

	/* getrusage and /proc/PID/stat */
	uint64_t min_flt, maj_flt;
	uint64_t utime_ticks, stime_ticks;
	uint64_t start_ticks;       /* jiffies when it first became runnable (/proc/PID/stat starttime) */
	uint64_t max_rss_pages;
	/* Children's totals, added when they are reaped (RUSAGE_CHILDREN). */
	uint64_t c_min_flt, c_maj_flt, c_utime_ticks, c_stime_ticks, c_max_rss_pages;
};

extern struct process *current;

/* rlimit: current's soft limit of @resource, RLIMIT_* (Linux's name). */
static inline uint64_t rlimit(int resource)
{
	return current->rlim[resource].cur;
}
extern struct list_head process_list;
extern int nr_threads; /* processes on process_list, zombies and kernel threads included (Linux's nr_threads) */

/* process_alloc: a new process with a pid, a kernel stack and no mm; NULL when out of memory. */
struct process *process_alloc(const char *comm);

/* process_free: release a reaped zombie's kernel stack and struct (parent context). */
void process_free(struct process *p);

/* find_process: the live or zombie process with @pid, or NULL. */
struct process *find_process(int pid);

/* pid_max: fork fails with -EAGAIN rather than give a pid above it
 * (/proc/sys/kernel/pid_max, Linux's; pids are not reused, so this is also
 * how many processes a boot can make). */
#define PID_MAX_MIN   301             /* Linux's RESERVED_PIDS + 1 */
#define PID_MAX_LIMIT (4 * 1024 * 1024) /* Linux's PID_MAX_LIMIT on 64-bit */
extern int pid_max;

/* last_pid: the pid given last; pids are never reused, so also how many
 * processes were ever created (/proc/stat "processes", /proc/loadavg). */
int last_pid(void);

/* process_set_comm: set comm from the basename of @path (exec). */
void process_set_comm(struct process *p, const char *path);

#endif
