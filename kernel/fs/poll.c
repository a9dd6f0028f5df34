/*
 * kernel/fs/poll.c - poll, ppoll, select and pselect6 (see poll.h; Linux:
 * fs/select.c). One loop, do_poll, serves all four: select's three fd sets
 * become a pollfd array with Linux's POLLIN_SET/POLLOUT_SET/POLLEX_SET
 * meanings and go back to bits afterwards.
 *
 * Interrupted by a signal, the calls return -ERESTARTNOHAND: EINTR once a
 * handler has run (never restarted, SA_RESTART or not, as Linux), restarted
 * when none does. select and pselect6 write the time left back, as Linux's
 * do (ppoll too); poll's millisecond timeout is the caller's.
 */
#include "kernel/fs/poll.h"
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "mm/kmalloc.h"

/* What each select set waits for (Linux's POLLIN_SET, POLLOUT_SET, POLLEX_SET). */
#define POLLIN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET  POLLPRI

#define FD_SETSIZE 1024
#define NFDBITS 64

struct pollfd_k { int fd; short events, revents; }; /* Linux's struct pollfd */

void poll_wait(struct wait_queue *wq, struct poll_table *pt)
{
	if (!pt || !pt->queue)
		return;
	if (pt->nr == pt->max)
		return; /* sized for two queues per file (a pipe's); a third is not needed by any file here */
	add_wait_queue(wq, &pt->entries[pt->nr++]);
}

/* poll_file: the events of @pfd (and @always) that hold now, as revents
 * (POLLNVAL for a descriptor that is not open; 0 for a negative one). */
static unsigned poll_file(const struct pollfd_k *pfd, struct poll_table *pt, unsigned always)
{
	if (pfd->fd < 0)
		return 0;
	struct file *f = fd_get(pfd->fd);
	if (!f)
		return POLLNVAL;
	unsigned mask = f->ops->poll ? f->ops->poll(f, pt) : DEFAULT_POLLMASK;
	return mask & ((unsigned)(uint16_t)pfd->events | always);
}

/* do_poll: fill the revents of @fds[0..@n) once some event holds, @deadline_ns
 * (uptime; KTIME_MAX: none) passes, or a signal is pending. How many entries
 * have events, 0 at the deadline, -ERESTARTNOHAND for a signal, -ENOMEM. @always:
 * the events reported unasked (poll: POLLERR | POLLHUP; select: none). May sleep. */
static long do_poll(struct pollfd_k *fds, unsigned n, uint64_t deadline_ns, unsigned always)
{
	struct poll_table pt = { .max = 2 * (int)n, .queue = true };
	long count;

	pt.entries = pt.max ? kmalloc(sizeof(*pt.entries) * (size_t)pt.max) : NULL;
	if (pt.max && !pt.entries)
		return -ENOMEM;
	for (;;) {
		current->state = PROC_SLEEPING; /* before asking: a wake-up meanwhile makes it runnable again */
		count = 0;
		for (unsigned i = 0; i < n; i++) {
			fds[i].revents = (short)poll_file(&fds[i], &pt, always);
			count += fds[i].revents != 0;
		}
		pt.queue = false; /* hung on every queue once: later passes only ask */
		if (count || uptime_ns() >= deadline_ns)
			break;
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		schedule_until(deadline_ns);
	}
	current->state = PROC_RUNNABLE;
	for (int i = 0; i < pt.nr; i++)
		remove_wait_queue(&pt.entries[i]);
	kfree(pt.entries);
	return count;
}

/* poll_deadline: the uptime deadline of a relative, valid @ts (NULL: none). */
static uint64_t poll_deadline(const struct timespec_k *ts)
{
	return ts ? ktime_add_safe(uptime_ns(), timespec_to_ktime(ts)) : KTIME_MAX;
}

/* timespec_valid: Linux's timespec64_valid. */
static bool timespec_valid(const struct timespec_k *ts)
{
	return ts->sec >= 0 && ts->nsec >= 0 && ts->nsec < NSEC_PER_SEC;
}

/* poll_time_left: write the time left before @deadline_ns to user @uts as a
 * timespec (@timeval: a timeval), as Linux's poll_select_finish does for a
 * call with a nonzero timeout; @ret passed on (-ERESTARTNOHAND becomes -EINTR
 * when the time cannot be written: a restart would wait all over again). */
static long poll_time_left(void *uts, bool timeval, const struct timespec_k *ts,
			   uint64_t deadline_ns, long ret)
{
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!uts || (!ts->sec && !ts->nsec))
		return ret;
	uint64_t now = uptime_ns(), left = deadline_ns > now ? deadline_ns - now : 0;
	struct timespec_k rts = { (int64_t)(left / NSEC_PER_SEC), (int64_t)(left % NSEC_PER_SEC) };
	struct timeval_k rtv = { rts.sec, rts.nsec / 1000 };
	if (timeval ? copy_to_user(uts, &rtv, sizeof(rtv)) : copy_to_user(uts, &rts, sizeof(rts)))
		return ret == -ERESTARTNOHAND ? -EINTR : ret;
	return ret;
}

/* poll_user: poll's and ppoll's work on the user array @ufds of @nfds. */
static long poll_user(void *ufds, unsigned nfds, uint64_t deadline_ns)
{
	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	size_t bytes = sizeof(struct pollfd_k) * nfds;
	struct pollfd_k *fds = nfds ? kmalloc(bytes) : NULL;
	if (nfds && !fds)
		return -ENOMEM;
	long ret = copy_from_user(fds, ufds, bytes) ? -EFAULT : do_poll(fds, nfds, deadline_ns, POLLERR | POLLHUP);
	if (ret >= 0 && copy_to_user(ufds, fds, bytes))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

long sys_poll(void *ufds, unsigned nfds, int timeout_ms)
{
	uint64_t deadline = KTIME_MAX;

	if (timeout_ms >= 0)
		deadline = uptime_ns() + (uint64_t)timeout_ms * 1000000ull;
	return poll_user(ufds, nfds, deadline);
}

long sys_ppoll(void *ufds, unsigned nfds, struct timespec_k *uts, const uint64_t *umask, size_t sigsetsize)
{
	struct timespec_k ts;

	if (uts && copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (uts && !timespec_valid(&ts))
		return -EINVAL;
	long err = set_user_sigmask(umask, sigsetsize);
	if (err)
		return err;
	uint64_t deadline = poll_deadline(uts ? &ts : NULL);
	return poll_time_left(uts, false, &ts, deadline, poll_user(ufds, nfds, deadline));
}

/* select_to_poll: the pollfds for select's sets @in, @out, @ex (NULL: empty) of
 * descriptors below @n into @fds; how many, or -EBADF when a set names one
 * that is not open (Linux's max_select_fd). */
static long select_to_poll(int n, const uint64_t *in, const uint64_t *out, const uint64_t *ex,
			   struct pollfd_k *fds)
{
	long nr = 0;

	for (int fd = 0; fd < n; fd++) {
		uint64_t bit = 1ull << (fd % NFDBITS);
		int w = fd / NFDBITS;
		short events = (short)(((in && (in[w] & bit)) ? POLLIN_SET : 0) |
				       ((out && (out[w] & bit)) ? POLLOUT_SET : 0) |
				       ((ex && (ex[w] & bit)) ? POLLEX_SET : 0));
		if (!events)
			continue;
		if (!fd_get(fd))
			return -EBADF;
		fds[nr++] = (struct pollfd_k){ .fd = fd, .events = events };
	}
	return nr;
}

/* poll_to_select: @fds' results as select's sets (cleared first); how many bits are set. */
static long poll_to_select(const struct pollfd_k *fds, long nr, uint64_t *in, uint64_t *out, uint64_t *ex,
			   size_t words)
{
	long count = 0;
	uint64_t *sets[3] = { in, out, ex };
	const unsigned wants[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };

	for (int s = 0; s < 3; s++)
		for (size_t w = 0; sets[s] && w < words; w++)
			sets[s][w] = 0;
	for (long i = 0; i < nr; i++)
		for (int s = 0; s < 3; s++)
			if ((fds[i].events & wants[s]) && (fds[i].revents & wants[s])) {
				sets[s][fds[i].fd / NFDBITS] |= 1ull << (fds[i].fd % NFDBITS);
				count++;
			}
	return count;
}

/* core_sys_select: select's work on the user sets of descriptors below @n
 * (Linux: core_sys_select); the number of bits set, 0 at @deadline_ns, or -errno. */
static long core_sys_select(int n, uint64_t *uin, uint64_t *uout, uint64_t *uex, uint64_t deadline_ns)
{
	uint64_t sets[3][NR_OPEN / NFDBITS] = { { 0 } };
	uint64_t *usets[3] = { uin, uout, uex };
	struct pollfd_k fds[NR_OPEN];

	if (n < 0)
		return -EINVAL;
	if (n > NR_OPEN)
		n = NR_OPEN; /* the descriptor table's size: higher bits are never looked at (Linux: max_fds) */
	size_t words = ((size_t)n + NFDBITS - 1) / NFDBITS;
	for (int s = 0; s < 3; s++)
		if (usets[s] && copy_from_user(sets[s], usets[s], words * sizeof(uint64_t)))
			return -EFAULT;
	long nr = select_to_poll(n, uin ? sets[0] : NULL, uout ? sets[1] : NULL, uex ? sets[2] : NULL, fds);
	if (nr < 0)
		return nr;
	long ret = do_poll(fds, (unsigned)nr, deadline_ns, 0);
	if (ret < 0)
		return ret; /* the sets are left alone; at the deadline they come back empty */
	ret = poll_to_select(fds, nr, uin ? sets[0] : NULL, uout ? sets[1] : NULL, uex ? sets[2] : NULL, words);
	for (int s = 0; s < 3; s++)
		if (usets[s] && copy_to_user(usets[s], sets[s], words * sizeof(uint64_t)))
			return -EFAULT;
	return ret;
}

long sys_select(int n, uint64_t *inp, uint64_t *outp, uint64_t *exp, struct timeval_k *utv)
{
	struct timeval_k tv;
	struct timespec_k ts = { 0, 0 };

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		if (tv.sec < 0 || tv.usec < 0)
			return -EINVAL;
		ts.sec = tv.sec + tv.usec / 1000000; /* Linux normalises a usec of a second or more */
		ts.nsec = tv.usec % 1000000 * 1000;
		if (ts.sec < 0)
			return -EINVAL;
	}
	uint64_t deadline = poll_deadline(utv ? &ts : NULL);
	return poll_time_left(utv, true, &ts, deadline, core_sys_select(n, inp, outp, exp, deadline));
}

/* The sixth argument of pselect6: the mask and its size (Linux's struct sigset_argpack). */
struct sigset_argpack { const uint64_t *p; size_t size; };

long sys_pselect6(int n, uint64_t *inp, uint64_t *outp, uint64_t *exp, struct timespec_k *uts,
		  const struct sigset_argpack *usig)
{
	struct timespec_k ts = { 0, 0 };
	struct sigset_argpack sig = { NULL, 0 };

	if (uts && copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (uts && !timespec_valid(&ts))
		return -EINVAL;
	if (usig && copy_from_user(&sig, usig, sizeof(sig)))
		return -EFAULT;
	long err = set_user_sigmask(sig.p, sig.size);
	if (err)
		return err;
	uint64_t deadline = poll_deadline(uts ? &ts : NULL);
	return poll_time_left(uts, false, &ts, deadline, core_sys_select(n, inp, outp, exp, deadline));
}
