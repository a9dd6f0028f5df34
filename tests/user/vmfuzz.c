/*
 * tests/user/vmfuzz.c - the memory system calls under random load, checked
 * against a model. Three fuzzers (processes seeded from the main seed) do
 * 100,000 random operations in total on a 64 MiB arena at a fixed address
 * (it straddles the 512 GiB line, a top-level page-table boundary) and on
 * their brk heap: mmap MAP_FIXED or MAP_FIXED_NOREPLACE, private or shared,
 * sometimes MAP_POPULATE, over whatever is there; munmap, mprotect and
 * madvise(MADV_DONTNEED) of random page ranges; brk up and down; writes of
 * random bytes; reads; and fork: the child goes on fuzzing its copy of the
 * address space for a while, then exits with its number of mismatches, and
 * the parent waits for it later. The model says what each byte holds and
 * which accesses are allowed: every read and every call's result is checked
 * against it, and forked probes touch what it forbids and must die of SIGSEGV.
 * Each process has its own copy of the model, so it must stay exact without
 * news from the others: a shared page is written by no one while a fork child
 * may see it (the child's inherited shared pages stay read-only to it for
 * good), except the few pages holding zeros that a parent lends its child at
 * fork, for the child to write a stamp the parent knows (from the child's
 * seed) and reads once it has reaped the child. Proves that mappings, protections,
 * copy-on-write, sharing across fork, MADV_DONTNEED and brk keep every byte
 * right through any sequence the seed picks.
 * Usage: vmfuzz [SEED]   (a failure replays with make run INIT="/tests/vmfuzz SEED")
 * user-test: diff
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define ARENA         ((char *)(0x8000000000ul - (16ul << 20))) /* 512 GiB - 16 MiB */
#define ARENA_PAGES   16384ul                                   /* 64 MiB */
#define HEAP_PAGES    256ul  /* the brk heap goes up to 1 MiB */
#define MAX_RUN       512ul  /* pages in one mmap, munmap, mprotect or madvise range */
#define MAX_POPULATE  64ul   /* pages in one MAP_POPULATE */
#define POOL          1024ul /* pages with content that the model can hold */
#define FUZZERS       3
#define TOTAL_OPS     100000l
#define MAX_CHILD_OPS 2000ul /* of its parent's budget, a fork child's at most */
#define MAX_SPAN      512ul  /* bytes in one partial-page read or write */
#define MAX_LENT      32ul   /* shared pages a fork child stamps */
#define MAX_REPORTS   3      /* mismatches printed per process */
#define MAX_STATUS    100    /* exit statuses count mismatches up to this */
#define DEFAULT_SEED  1ull
#define RW            (PROT_READ | PROT_WRITE)

/* What the model knows of one page: the arena's pages come first, then the heap's. */
enum {
	MAPPED = 1,
	SHARED = 2,
	FROZEN = 4, /* shared with a live fork child or parent: no one writes it */
	LENT = 8,   /* the live fork child writes its stamp here: not ours to touch until reaped */
};
struct page {
	uint8_t flags, prot;
	uint16_t slot; /* 0: the page holds zeros; else pool[slot - 1] holds its bytes */
};
static struct page pages[ARENA_PAGES + HEAP_PAGES];

/* The bytes of the pages with content: pool[0..pool_used), pool[s] those of page owner[s]. */
static unsigned char pool[POOL][PAGE] __attribute__((aligned(4096)));
static uint32_t owner[POOL];
static unsigned pool_used;
static const unsigned char zeros[PAGE];

/* A run of pages [first, first + n) of one region (the arena or the heap). */
struct region {
	size_t first, n;
};

/* This process: who it is, its generator, its share of the operations. */
static struct {
	char name[64];   /* "fuzzer 2", its fork children "fuzzer 2.1", ... */
	uint64_t rng;    /* splitmix64 state */
	long op, budget; /* operations done (or handed to children) and to do */
	pid_t child;     /* the live fork child, or 0 */
	int forks;       /* children forked so far */
	int is_child;    /* a fork child: its frozen shared pages stay frozen */
	int mismatches;  /* its own and its reaped children's */
	char *heap;      /* the heap's start, page aligned */
	size_t heap_pages;
} me;

/* The operations, their weights out of 1000, and more counters, shared by all processes. */
enum { OP_READ, OP_WRITE, OP_MMAP_PRIVATE, OP_MMAP_SHARED, OP_MUNMAP, OP_MPROTECT, OP_MADVISE,
       OP_BRK, OP_FORK, OP_PROBE, OP_WAIT, ST_CHECKED, ST_WRITTEN, ST_SEGV, ST_ERRORS, NR_STATS };
static const char *const stat_names[NR_STATS] = {
	"read", "write", "mmap private", "mmap shared", "munmap", "mprotect", "madvise", "brk",
	"fork", "probe", "wait", "bytes checked", "bytes written", "expected SIGSEGV", "expected errors",
};
static const int weights[OP_WAIT] = { 330, 250, 100, 40, 90, 80, 30, 60, 6, 14 };
static unsigned long *stats;

/* count: add @n to shared counter @k. */
static void count(int k, unsigned long n)
{
	__atomic_fetch_add(&stats[k], n, __ATOMIC_RELAXED);
}

/* rnd64: the next 64 random bits of this process's generator (splitmix64). */
static uint64_t rnd64(void)
{
	uint64_t z = (me.rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* rnd: a random number in [0, @n), @n > 0. */
static uint64_t rnd(uint64_t n)
{
	return (uint64_t)(((unsigned __int128)rnd64() * n) >> 64);
}

/* skewed: a random number in [0, @n), small ones much likelier. */
static uint64_t skewed(uint64_t n)
{
	return rnd(rnd(n) + 1);
}

/* mismatch: report a difference from the model (the first few per process) and count it. */
static void mismatch(const char *fmt, ...)
{
	char line[200];
	va_list ap;

	if (me.mismatches++ >= MAX_REPORTS)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	printf("%s op %ld: %s\n", me.name, me.op, line);
}

/* expect: call @what gave @got (0, or -errno), the model says @want. */
static void expect(const char *what, long got, long want)
{
	if (got != want)
		mismatch("%s: %s, expected %s", what, got ? strerror((int)-got) : "success",
			 want ? strerror((int)-want) : "success");
	else if (want)
		count(ST_ERRORS, 1);
}

/* page_addr: where page @i of the model is. */
static char *page_addr(size_t i)
{
	return i < ARENA_PAGES ? ARENA + i * PAGE : me.heap + (i - ARENA_PAGES) * PAGE;
}

/* where: page @i's region and offset of @off in it, for messages. */
static const char *where(size_t i, size_t off)
{
	static char buf[48];

	if (i < ARENA_PAGES)
		snprintf(buf, sizeof(buf), "arena+%#zx", i * PAGE + off);
	else
		snprintf(buf, sizeof(buf), "heap+%#zx", (i - ARENA_PAGES) * PAGE + off);
	return buf;
}

/* faults_on_read: does reading page @i fault (unmapped or PROT_NONE)? */
static int faults_on_read(size_t i)
{
	return !(pages[i].flags & MAPPED) || !(pages[i].prot & PROT_READ);
}

/* readable: may page @i be read, by the kernel's rules and the model's (not lent)? */
static int readable(size_t i)
{
	return !faults_on_read(i) && !(pages[i].flags & LENT);
}

/* writable: may page @i be written, by the kernel's rules and the model's (not frozen)? */
static int writable(size_t i)
{
	return (pages[i].flags & (MAPPED | FROZEN | LENT)) == MAPPED && (pages[i].prot & PROT_WRITE);
}

/* forbidden: does some access to page @i fault (unmapped, PROT_NONE or read-only)? */
static int forbidden(size_t i)
{
	return faults_on_read(i) || !(pages[i].prot & PROT_WRITE);
}

/* expected: the bytes page @i must hold. */
static const unsigned char *expected(size_t i)
{
	return pages[i].slot ? pool[pages[i].slot - 1] : zeros;
}

/* shadow: the model's bytes of page @i, given a zeroed slot if it had none; NULL if the pool is full. */
static unsigned char *shadow(size_t i)
{
	if (!pages[i].slot) {
		if (pool_used == POOL)
			return NULL;
		memset(pool[pool_used], 0, PAGE);
		owner[pool_used] = (uint32_t)i;
		pages[i].slot = (uint16_t)++pool_used;
	}
	return pool[pages[i].slot - 1];
}

/* forget: page @i holds zeros from now on; its slot is freed (the last slot moves into it). */
static void forget(size_t i)
{
	unsigned s = pages[i].slot;

	if (!s)
		return;
	pages[i].slot = 0;
	if (s != pool_used) {
		memcpy(pool[s - 1], pool[pool_used - 1], PAGE);
		owner[s - 1] = owner[pool_used - 1];
		pages[owner[s - 1]].slot = (uint16_t)s;
	}
	pool_used--;
}

/* set_page: page @i is a new mapping (zeros) with @flags and @prot, or gone when @flags is 0. */
static void set_page(size_t i, int flags, int prot)
{
	forget(i);
	pages[i].flags = (uint8_t)flags;
	pages[i].prot = (uint8_t)prot;
}

/* any_page: a page to act on: often one with content, else an arena page (low ones
 * likelier) or a heap page (up to HEAP_PAGES, above the break too). */
static size_t any_page(void)
{
	uint64_t r = rnd(8);

	if (r < 4 && pool_used)
		return owner[rnd(pool_used)];
	if (r < 7)
		return skewed(ARENA_PAGES);
	return ARENA_PAGES + rnd(HEAP_PAGES);
}

/* find_page: into @i a page from any_page() that @ok accepts, in a few tries; whether one was found. */
static int find_page(int (*ok)(size_t), size_t *i)
{
	for (int try = 0; try < 8; try++) {
		*i = any_page();
		if (ok(*i))
			return 1;
	}
	return 0;
}

/* pick_span: a byte range [@off, @off + @n) of a page: the whole of it, or a random piece. */
static void pick_span(size_t *off, size_t *n)
{
	if (rnd(4) == 0) {
		*off = 0;
		*n = PAGE;
		return;
	}
	*off = rnd(PAGE);
	*n = 1 + rnd(PAGE - *off < MAX_SPAN ? PAGE - *off : MAX_SPAN);
}

/* pick_range: 1..MAX_RUN pages of region @r around any_page() when that is in @r (heads,
 * middles and tails of what is there), else around a random page of @r. */
static struct region pick_range(struct region r)
{
	size_t a = any_page(), len = 1 + skewed(MAX_RUN), back;

	if (a < r.first || a >= r.first + r.n)
		a = r.first + skewed(r.n);
	back = rnd(len);
	a = a - r.first < back ? r.first : a - back;
	return (struct region){ a, len < r.first + r.n - a ? len : r.first + r.n - a };
}

/* arena: the arena's pages. */
static struct region arena(void)
{
	return (struct region){ 0, ARENA_PAGES };
}

/* arena_or_heap: the heap's pages (below the break) a quarter of the time, if any; else the arena's. */
static struct region arena_or_heap(void)
{
	if (me.heap_pages && rnd(4) == 0)
		return (struct region){ ARENA_PAGES, me.heap_pages };
	return arena();
}

/* check_bytes: bytes [@off, @off + @n) of page @i must be what the model says. */
static void check_bytes(size_t i, size_t off, size_t n)
{
	const unsigned char *got = (const unsigned char *)page_addr(i) + off, *want = expected(i) + off;

	count(ST_CHECKED, n);
	if (!memcmp(got, want, n))
		return;
	size_t k = 0, bad = 0;
	while (got[k] == want[k])
		k++;
	for (size_t j = k; j < n; j++)
		bad += got[j] != want[j];
	mismatch("read %s: expected %#x, got %#x (%zu of %zu bytes differ)", where(i, off + k), want[k], got[k],
		 bad, n);
}

/* op_read: read part or all of a readable page, compare with the model. */
static void op_read(void)
{
	size_t i, off, n;

	if (!find_page(readable, &i))
		return;
	pick_span(&off, &n);
	check_bytes(i, off, n);
}

/* op_write: write random bytes to part or all of a writable page, and to the model. */
static void op_write(void)
{
	unsigned char *model;
	size_t i, off, n;

	if (!find_page(writable, &i) || !(model = shadow(i)))
		return;
	pick_span(&off, &n);
	for (size_t k = 0; k < n; k += 8) {
		uint64_t r = rnd64();
		memcpy(model + off + k, &r, n - k < 8 ? n - k : 8);
	}
	memcpy(page_addr(i) + off, model + off, n);
	count(ST_WRITTEN, n);
}

/* pick_prot: PROT_NONE, PROT_READ or (likelier) read-write. */
static int pick_prot(void)
{
	static const int prots[] = { PROT_NONE, PROT_READ, RW, RW, RW };

	return prots[rnd(sizeof(prots) / sizeof(prots[0]))];
}

/* count_mapped: how many pages of @r are mapped. */
static size_t count_mapped(struct region r)
{
	size_t n = 0;

	for (size_t i = r.first; i < r.first + r.n; i++)
		n += pages[i].flags & MAPPED;
	return n;
}

/* op_mmap: map anonymous memory over an arena range: MAP_FIXED (replacing what is there)
 * or MAP_FIXED_NOREPLACE (EEXIST if something is), sometimes populated. */
static void op_mmap(int shared)
{
	struct region r = pick_range(arena());
	int prot = pick_prot(), noreplace = rnd(4) == 0;
	int flags = MAP_ANONYMOUS | (shared ? MAP_SHARED : MAP_PRIVATE) |
		    (noreplace ? MAP_FIXED_NOREPLACE : MAP_FIXED) |
		    (r.n <= MAX_POPULATE && rnd(4) == 0 ? MAP_POPULATE : 0);
	long want = noreplace && count_mapped(r) ? -EEXIST : 0;
	char *p = mmap(page_addr(r.first), r.n * PAGE, prot, flags, -1, 0);

	expect("mmap", p == MAP_FAILED ? -errno : 0, want);
	if (p != MAP_FAILED && p != page_addr(r.first))
		mismatch("mmap at %s: mapped elsewhere", where(r.first, 0));
	if (!want)
		for (size_t i = r.first; i < r.first + r.n; i++)
			set_page(i, MAPPED | (shared ? SHARED : 0), prot);
}

/* op_mmap_private, op_mmap_shared: op_mmap of each kind. */
static void op_mmap_private(void)
{
	op_mmap(0);
}

static void op_mmap_shared(void)
{
	op_mmap(1);
}

/* op_munmap: unmap an arena range (holes and all). */
static void op_munmap(void)
{
	struct region r = pick_range(arena());

	expect("munmap", munmap(page_addr(r.first), r.n * PAGE) ? -errno : 0, 0);
	for (size_t i = r.first; i < r.first + r.n; i++)
		set_page(i, 0, 0);
}

/* op_mprotect: change the protection of a range: ENOMEM if it starts in a hole; else the range
 * is cut at its first hole (Linux changes what is before the hole, then fails; our kernel
 * fails without changing anything: POSIX allows both). */
static void op_mprotect(void)
{
	struct region r = pick_range(arena_or_heap());
	int prot = pick_prot();
	size_t n = 0;

	while (n < r.n && (pages[r.first + n].flags & MAPPED))
		n++;
	expect("mprotect", mprotect(page_addr(r.first), (n ? n : r.n) * PAGE, prot) ? -errno : 0,
	       n ? 0 : -ENOMEM);
	for (size_t i = r.first; i < r.first + n; i++)
		pages[i].prot = (uint8_t)prot;
}

/* op_madvise: MADV_DONTNEED a range: private pages read zeros again, shared ones keep
 * their bytes; ENOMEM if the range has a hole (the mapped parts are still done). */
static void op_madvise(void)
{
	struct region r = pick_range(arena_or_heap());

	expect("madvise", madvise(page_addr(r.first), r.n * PAGE, MADV_DONTNEED) ? -errno : 0,
	       count_mapped(r) < r.n ? -ENOMEM : 0);
	for (size_t i = r.first; i < r.first + r.n; i++)
		if ((pages[i].flags & (MAPPED | SHARED)) == MAPPED)
			forget(i);
}

/* op_brk: move the break to a random byte in the heap's first HEAP_PAGES: pages above
 * it go, new ones read zero, the part of the last page above the break stays. */
static void op_brk(void)
{
	size_t to = rnd(HEAP_PAGES * PAGE + 1), n = (to + PAGE - 1) / PAGE;
	long got = syscall(SYS_brk, me.heap + to);

	if (got != (long)(me.heap + to))
		mismatch("brk to heap+%#zx: got heap%+ld", to, got - (long)me.heap);
	for (size_t i = n; i < me.heap_pages; i++)
		set_page(ARENA_PAGES + i, 0, 0);
	for (size_t i = me.heap_pages; i < n; i++)
		set_page(ARENA_PAGES + i, MAPPED, RW);
	me.heap_pages = n;
}

/* set_shared: set (@on) or clear @flag on every shared page. */
static void set_shared(int flag, int on)
{
	for (size_t i = 0; i < ARENA_PAGES; i++)
		if (pages[i].flags & SHARED)
			pages[i].flags = (uint8_t)(on ? pages[i].flags | flag : pages[i].flags & ~flag);
}

/* stamp: the 8 bytes a fork child with @seed writes at the start of lent page @i. */
static uint64_t stamp(uint64_t seed, size_t i)
{
	return seed ^ (i * 0x9e3779b97f4a7c15ull);
}

/* lend: before a fork, lend up to MAX_LENT writable shared pages that hold zeros (perhaps
 * never touched) to the child, which writes its stamp there (already in the model): such
 * a page must be shared too. */
static void lend(uint64_t seed)
{
	unsigned char *model;
	size_t lent = 0;

	for (size_t i = 0; i < ARENA_PAGES && lent < MAX_LENT; i++) {
		uint64_t v = stamp(seed, i);
		if (!(pages[i].flags & SHARED) || !writable(i) || pages[i].slot || !(model = shadow(i)))
			continue;
		memcpy(model, &v, sizeof(v));
		pages[i].flags |= LENT;
		lent++;
	}
}

/* write_stamps: in the fork child, write the stamps of the lent pages, which are then ours to read. */
static void write_stamps(void)
{
	for (size_t i = 0; i < ARENA_PAGES; i++) {
		if (!(pages[i].flags & LENT))
			continue;
		memcpy(page_addr(i), expected(i), sizeof(uint64_t));
		pages[i].flags &= ~LENT;
		count(ST_WRITTEN, sizeof(uint64_t));
	}
}

/* op_fork: fork a child that goes on with up to MAX_CHILD_OPS of our remaining operations,
 * its own seed, and its copy of everything; it stamps the shared pages we lend it, and
 * shared pages freeze in both. */
static void op_fork(void)
{
	uint64_t left = (uint64_t)(me.budget - me.op);
	long k = (long)rnd((left < MAX_CHILD_OPS ? left : MAX_CHILD_OPS) + 1);
	uint64_t seed = rnd64();
	int nth = ++me.forks;
	pid_t pid;

	lend(seed);
	pid = fork();
	if (pid < 0) {
		mismatch("fork: %s", strerror(errno));
		return;
	}
	set_shared(FROZEN, 1);
	if (pid > 0) {
		me.child = pid;
		me.op += k;
		return;
	}
	snprintf(me.name + strlen(me.name), sizeof(me.name) - strlen(me.name), ".%d", nth);
	me.rng = seed;
	me.op = 0;
	me.budget = k;
	me.forks = 0;
	me.is_child = 1;
	me.mismatches = 0;
	write_stamps();
}

/* op_wait: wait for the fork child, add its mismatches (its exit status) to ours; lent pages
 * are ours again, and a top-level fuzzer may write its shared pages again. */
static void op_wait(void)
{
	int status;

	if (waitpid(me.child, &status, 0) != me.child)
		mismatch("waitpid: %s", strerror(errno));
	else if (WIFSIGNALED(status))
		mismatch("child %s.%d killed by signal %d (%s)", me.name, me.forks, WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		me.mismatches += WEXITSTATUS(status);
	me.child = 0;
	set_shared(LENT, 0);
	if (!me.is_child)
		set_shared(FROZEN, 0);
}

/* op_probe: in a child, touch a page the model forbids (a read or write where unmapped or
 * PROT_NONE, a write where read-only): the child must die of SIGSEGV. */
static void op_probe(void)
{
	size_t i, off = rnd(PAGE);
	int status, write;
	pid_t pid;

	if (!find_page(forbidden, &i))
		return;
	write = faults_on_read(i) ? (int)rnd(2) : 1;
	pid = fork();
	if (pid == 0) {
		volatile char *p = page_addr(i) + off;
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV)
		count(ST_SEGV, 1);
	else
		mismatch("%s %s: no SIGSEGV (prot %d%s)", write ? "write" : "read", where(i, off), pages[i].prot,
			 pages[i].flags & MAPPED ? "" : ", unmapped");
}

/* pick_op: a random operation by weight; fork becomes wait while a child lives. */
static int pick_op(void)
{
	int r = (int)rnd(1000), op = 0;

	while (r >= weights[op])
		r -= weights[op++];
	return op == OP_FORK && me.child ? OP_WAIT : op;
}

/* finish: wait for the child, check every page with content, exit with the mismatches. */
__attribute__((noreturn)) static void finish(void)
{
	if (me.child)
		op_wait();
	for (unsigned s = 0; s < pool_used; s++)
		if (readable(owner[s]))
			check_bytes(owner[s], 0, PAGE);
	_exit(me.mismatches < MAX_STATUS ? me.mismatches : MAX_STATUS);
}

/* fuzz: as fuzzer @nth, do @budget operations seeded by @seed (fork children included); never returns. */
__attribute__((noreturn)) static void fuzz(int nth, uint64_t seed, long budget)
{
	static void (*const ops[OP_WAIT + 1])(void) = {
		op_read, op_write, op_mmap_private, op_mmap_shared, op_munmap, op_mprotect, op_madvise,
		op_brk, op_fork, op_probe, op_wait,
	};

	snprintf(me.name, sizeof(me.name), "fuzzer %d", nth);
	me.rng = seed;
	me.budget = budget;
	munmap(ARENA, ARENA_PAGES * PAGE); /* the model starts with nothing mapped */
	me.heap = (char *)((syscall(SYS_brk, 0) + PAGE - 1) & ~(PAGE - 1));
	if (syscall(SYS_brk, me.heap) != (long)me.heap)
		mismatch("brk to a page boundary");
	while (me.op < me.budget) {
		int op = pick_op();
		me.op++;
		count(op, 1);
		ops[op]();
	}
	finish();
}

int main(int argc, char *argv[])
{
	uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 0) : DEFAULT_SEED;
	int status, mismatches = 0;
	pid_t pids[FUZZERS];

	setvbuf(stdout, NULL, _IONBF, 0); /* children must not flush our buffer */
	printf("seed %llu\n", (unsigned long long)seed);
	stats = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	me.rng = seed;
	for (int f = 0; f < FUZZERS; f++) {
		uint64_t fseed = rnd64();
		pids[f] = fork();
		if (pids[f] < 0)
			return MAX_STATUS;
		if (pids[f] == 0)
			fuzz(f + 1, fseed, TOTAL_OPS / FUZZERS + (f < TOTAL_OPS % FUZZERS));
	}
	for (int f = 0; f < FUZZERS; f++) {
		waitpid(pids[f], &status, 0);
		if (WIFSIGNALED(status))
			printf("fuzzer %d killed by signal %d (%s)\n", f + 1, WTERMSIG(status), strsignal(WTERMSIG(status)));
		mismatches += WIFSIGNALED(status) ? 1 : WEXITSTATUS(status);
	}
	for (int k = 0; k < NR_STATS; k++)
		printf("%s: %lu\n", stat_names[k], stats[k]);
	printf("mismatches: %d\n", mismatches);
	return mismatches < MAX_STATUS ? mismatches : MAX_STATUS;
}
