/* kernel/rusage.c - getrusage and the accounting wait4 reports (see rusage.h). */
#include "kernel/rusage.h"
#include "kernel/sched.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"

#define RUSAGE_SELF      0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD    1

/* ticks_to_tv: scheduler ticks as seconds and microseconds. */
static void ticks_to_tv(uint64_t ticks, int64_t *sec, int64_t *usec)
{
	*sec = (int64_t)(ticks / HZ);
	*usec = (int64_t)(ticks % HZ * (1000000 / HZ));
}

void rusage_fill(const struct process *p, int children, struct rusage_k *ru)
{
	memset(ru, 0, sizeof(*ru));
	ticks_to_tv(children ? p->c_utime_ticks : p->utime_ticks, &ru->utime_sec, &ru->utime_usec);
	ticks_to_tv(children ? p->c_stime_ticks : p->stime_ticks, &ru->stime_sec, &ru->stime_usec);
	ru->maxrss = (int64_t)((children ? p->c_max_rss_pages : p->max_rss_pages) * 4);
	ru->minflt = (int64_t)(children ? p->c_min_flt : p->min_flt);
	ru->majflt = (int64_t)(children ? p->c_maj_flt : p->maj_flt);
}

void rusage_add_child(struct process *p, const struct process *c)
{
	p->c_utime_ticks += c->utime_ticks + c->c_utime_ticks;
	p->c_stime_ticks += c->stime_ticks + c->c_stime_ticks;
	p->c_min_flt += c->min_flt + c->c_min_flt;
	p->c_maj_flt += c->maj_flt + c->c_maj_flt;
	uint64_t rss = c->max_rss_pages > c->c_max_rss_pages ? c->max_rss_pages : c->c_max_rss_pages;
	if (rss > p->c_max_rss_pages)
		p->c_max_rss_pages = rss;
}

long sys_getrusage(int who, void *usage)
{
	struct rusage_k ru;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	rusage_fill(current, who == RUSAGE_CHILDREN, &ru);
	return copy_to_user(usage, &ru, sizeof(ru));
}
