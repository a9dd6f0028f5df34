/*
 * kernel/futex.c - fast user-space mutexes (Linux: kernel/futex/, futex(2)):
 * user space does the uncontended cases with atomic instructions on a 32-bit
 * word and calls the kernel only to sleep until the word changes (FUTEX_WAIT)
 * or to wake sleepers (FUTEX_WAKE). The kernel keeps no state per futex, only
 * a hash table of waiters, each keyed by what the word is:
 *   private (FUTEX_PRIVATE_FLAG, or a word in private memory): (mm, address)
 *   shared (a word in a MAP_SHARED mapping another process may map too):
 *     (the frame, the offset in it), so every process's address finds it.
 * Operations: WAIT, WAKE, WAIT_BITSET, WAKE_BITSET, REQUEUE, CMP_REQUEUE;
 * the priority-inheritance and WAKE_OP ones are ENOSYS (Linux without
 * CONFIG_FUTEX_PI says the same). A thread's CLONE_CHILD_CLEARTID word is
 * woken through futex_wake when its mm is released (kernel/fork.c).
 * Lock: the hash chains change with interrupts off (single CPU); a waiter
 * checks the word and queues itself with no sleep in between, so a wake
 * that follows a store cannot be missed.
 */
#include "kernel/futex.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/time.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"
#include "mm/mm.h"
#include "mm/pgtable.h"
#include "mm/page.h"

#define FUTEX_WAIT            0
#define FUTEX_WAKE            1
#define FUTEX_REQUEUE         3
#define FUTEX_CMP_REQUEUE     4
#define FUTEX_WAIT_BITSET     9
#define FUTEX_WAKE_BITSET     10
#define FUTEX_PRIVATE_FLAG    128
#define FUTEX_CLOCK_REALTIME  256
#define FUTEX_CMD_MASK        (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu
#define FUTEX_HASH_SIZE       64

/* What a futex word is (Linux: union futex_key). */
struct futex_key {
	uint64_t base;   /* the mm (private) or the frame's physical address (shared) */
	uint64_t offset; /* the address (private) or the offset in the frame (shared) */
};

/* One waiter (Linux: struct futex_q), on its sleeping caller's stack. */
struct futex_q {
	struct list_head link;
	struct futex_key key;
	uint32_t bitset;
	struct process *task;
	bool woken;
};

static struct list_head futex_hash[FUTEX_HASH_SIZE];

/* hash_of: the chain of @key (the table set up on first use). */
static struct list_head *hash_of(const struct futex_key *key)
{
	if (!futex_hash[0].next)
		for (int i = 0; i < FUTEX_HASH_SIZE; i++)
			list_init(&futex_hash[i]);
	uint64_t h = (key->base >> 4) ^ (key->offset >> 2) ^ (key->offset >> 9);
	return &futex_hash[h % FUTEX_HASH_SIZE];
}

static bool key_equal(const struct futex_key *a, const struct futex_key *b)
{
	return a->base == b->base && a->offset == b->offset;
}

/* get_futex_key: the key of the word at @uaddr, reading it into *@val (which
 * also faults its page in). 0, -EINVAL (not 4-byte aligned), -EFAULT. */
static int get_futex_key(uint64_t uaddr, bool private, struct futex_key *key, uint32_t *val)
{
	if (uaddr & 3)
		return -EINVAL;
	if (copy_from_user(val, (void *)uaddr, sizeof(*val)))
		return -EFAULT;
	struct mm *mm = current->mm;
	struct vm_area *vma = vma_lookup(mm, uaddr);
	if (!private && vma && (vma->flags & VM_SHARED)) {
		pte_t *e = walk(mm->pml4, uaddr, PT_PTE, false);
		if (e && (*e & PTE_P)) {
			*key = (struct futex_key){ *e & PTE_ADDR, uaddr & ~PAGE_MASK };
			return 0;
		}
	}
	*key = (struct futex_key){ (uint64_t)(uintptr_t)mm, uaddr };
	return 0;
}

/* futex_wait: sleep while the word at @uaddr holds @val, until a matching wake
 * (@bitset), @deadline_ns (uptime; KTIME_MAX: none) or a signal. 0 (woken),
 * -EAGAIN (the word differed), -ETIMEDOUT, -ERESTARTSYS / -ERESTARTNOHAND (a
 * signal: restarted after a handler only without a timeout, as Linux). */
static long futex_wait(uint64_t uaddr, bool private, uint32_t val, uint64_t deadline_ns, uint32_t bitset)
{
	struct futex_q q = { .bitset = bitset, .task = current };
	uint32_t cur;
	int err = get_futex_key(uaddr, private, &q.key, &cur);

	if (err)
		return err;
	uint64_t irq = irq_save();
	if (cur != val) {
		irq_restore(irq);
		return -EAGAIN;
	}
	list_add_tail(&q.link, hash_of(&q.key));
	while (!q.woken && uptime_ns() < deadline_ns && !signal_pending(current)) {
		current->state = PROC_SLEEPING;
		schedule_until(deadline_ns);
	}
	if (!q.woken)
		list_del(&q.link);
	irq_restore(irq);
	if (q.woken)
		return 0;
	if (signal_pending(current))
		return deadline_ns == KTIME_MAX ? -ERESTARTSYS : -ERESTARTNOHAND;
	return -ETIMEDOUT;
}

/* wake_one: take @q off its chain and make its task runnable. IRQs off. */
static void wake_one(struct futex_q *q)
{
	list_del(&q->link);
	q->woken = true;
	make_runnable(q->task);
}

/* wake_key: wake up to @nr waiters on @key whose bitset meets @bitset; how many. */
static long wake_key(const struct futex_key *key, int nr, uint32_t bitset)
{
	struct list_head *chain = hash_of(key), *it = chain->next;
	long woken = 0;
	uint64_t irq = irq_save();

	while (it != chain && woken < nr) {
		struct futex_q *q = list_entry(it, struct futex_q, link);
		it = it->next;
		if (key_equal(&q->key, key) && (q->bitset & bitset)) {
			wake_one(q);
			woken++;
		}
	}
	irq_restore(irq);
	return woken;
}

long futex_wake(uint64_t uaddr, bool private, int nr, uint32_t bitset)
{
	struct futex_key key;
	uint32_t val;
	int err;

	if (!bitset)
		return -EINVAL;
	if (nr <= 0)
		return 0;
	err = get_futex_key(uaddr, private, &key, &val);
	return err ? err : wake_key(&key, nr, bitset);
}

/* futex_requeue: wake @nr_wake waiters of @uaddr and move up to @nr_requeue
 * of the rest to @uaddr2 (with @cmp, only if *@uaddr == @cmpval: else
 * -EAGAIN). How many were woken plus moved (Linux's return). */
static long futex_requeue(uint64_t uaddr, uint64_t uaddr2, bool private, int nr_wake, int nr_requeue,
			  bool cmp, uint32_t cmpval)
{
	struct futex_key k1, k2;
	uint32_t v1, v2;
	long done = 0;
	int err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if ((err = get_futex_key(uaddr, private, &k1, &v1)) || (err = get_futex_key(uaddr2, private, &k2, &v2)))
		return err;
	if (cmp && v1 != cmpval)
		return -EAGAIN;
	uint64_t irq = irq_save();
	struct list_head *chain = hash_of(&k1), *it = chain->next;
	while (it != chain && done < nr_wake + nr_requeue) {
		struct futex_q *q = list_entry(it, struct futex_q, link);
		it = it->next;
		if (!key_equal(&q->key, &k1))
			continue;
		if (done < nr_wake) {
			wake_one(q);
		} else {
			list_del(&q->link);
			q->key = k2;
			list_add_tail(&q->link, hash_of(&k2));
		}
		done++;
	}
	irq_restore(irq);
	return done;
}

/* futex_deadline: the uptime deadline for @utime: relative (WAIT) or absolute
 * on CLOCK_MONOTONIC or, with FUTEX_CLOCK_REALTIME, CLOCK_REALTIME (WAIT_BITSET).
 * 0 with *@deadline set, -EFAULT, -EINVAL. */
static int futex_deadline(const struct timespec_k *utime, bool absolute, bool realtime, uint64_t *deadline)
{
	struct timespec_k ts;

	*deadline = KTIME_MAX;
	if (!utime)
		return 0;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= NSEC_PER_SEC)
		return -EINVAL;
	uint64_t t = timespec_to_ktime(&ts);
	if (!absolute) {
		*deadline = ktime_add_safe(uptime_ns(), t);
	} else if (realtime) {
		uint64_t now = realtime_ns();
		*deadline = t > now ? ktime_add_safe(uptime_ns(), t - now) : uptime_ns();
	} else {
		*deadline = t;
	}
	return 0;
}

long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec_k *utime, uint32_t *uaddr2,
	       uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG, realtime = op & FUTEX_CLOCK_REALTIME;
	uint64_t deadline;
	int err;

	if (realtime && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (cmd == FUTEX_WAIT_BITSET && !val3)
			return -EINVAL;
		err = futex_deadline(utime, cmd == FUTEX_WAIT_BITSET, realtime, &deadline);
		if (err)
			return err;
		return futex_wait((uint64_t)uaddr, private, val, deadline,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		return futex_wake((uint64_t)uaddr, private, (int)val,
				  cmd == FUTEX_WAKE ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		return futex_requeue((uint64_t)uaddr, (uint64_t)uaddr2, private, (int)val,
				     (int)(uintptr_t)utime, cmd == FUTEX_CMP_REQUEUE, val3);
	default:
		return -ENOSYS;
	}
}
