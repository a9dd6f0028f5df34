/*
 * tests/kernel/test_procfs.c - self-tests of /proc's name lookup. A pid name
 * is not NUL-terminated when it comes from /proc/self's target, read into a
 * reused buffer: digits after it must not count (they made open("/proc/self/
 * status") fail with ENOENT once a freed page of digits was reused).
 */
#include "tests/kernel/selftest.h"
#include "kernel/fs/proc/procfs.h"
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/lib/vsnprintf.h"
#include "kernel/sched.h"
#include "kernel/errno.h"

static int done;

/* wait_for_test: a kernel thread that exists until the test says done. */
static void wait_for_test(void *arg)
{
	(void)arg;
	while (!done)
		schedule();
}

SELFTEST(procfs_pid_name_is_bounded)
{
	struct process *t;
	char name[32];
	int len;

	done = 0;
	t = kthread_create("procfs-test", wait_for_test, NULL);
	if (!t)
		return 1;
	len = snprintf(name, sizeof(name), "%d", t->pid);
	snprintf(name + len, sizeof(name) - len, "7777");           /* what a reused page held after it */
	struct proc_node n = { PE_ROOT, 0, 0 };
	EXPECT(procfs_lookup_child(&n, name, (size_t)len) == 0); /* the pid's digits only */
	EXPECT(n.entry == PE_PID && n.pid == t->pid);
	n = (struct proc_node){ PE_ROOT, 0, 0 };
	EXPECT(procfs_lookup_child(&n, name, (size_t)len + 4) == -ENOENT); /* no such pid */
	n = (struct proc_node){ PE_ROOT, 0, 0 };
	EXPECT(procfs_lookup_child(&n, "0", 1) == -ENOENT);
	done = 1;
	schedule(); /* the thread ends */
	schedule(); /* and its stack is freed */
	return 0;
}
