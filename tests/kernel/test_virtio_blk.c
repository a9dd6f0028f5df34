/*
 * tests/kernel/test_virtio_blk.c - the virtio-blk driver under concurrency,
 * on the first disk (vda), which these tests overwrite from page 1 on (page 0,
 * where a swap header lives, is left alone); skipped, with a line saying so,
 * when there is no disk or it is the active swap area (boot with swap=off).
 *
 * Kernel threads write distinct patterns to interleaved pages, all at once,
 * then read them back; each waits for its request asleep, so several requests
 * are in flight, and completions arrive by interrupt in whatever order the
 * device finishes them. The counters prove it: requests waited for by
 * sleeping and finished by interrupts, more than one in flight. Once more with the driver's queue depth cut to 2, so that most
 * callers also sleep waiting for a free request slot.
 *
 * Self-tests run before the timer is started: the idle context (this code)
 * lets the threads run and halts with interrupts on while they all sleep.
 * Throughputs are printed, never judged.
 */
#include "tests/kernel/selftest.h"
#include "arch/x86_64/cpu.h"
#include "drivers/virtio_blk.h"
#include "kernel/sched.h"
#include "kernel/lib/string.h"
#include "kernel/time.h"
#include "mm/page.h"
#include "mm/page_alloc.h"
#include "mm/swapon.h"

#define THREADS          8
#define PAGES_PER_THREAD 64
#define BENCH_PAGES      1024 /* 4 MiB each way, one thread */
#define SECTORS_PER_PAGE (PAGE_SIZE / VIRTIO_BLK_SECTOR)

struct worker {
	struct virtio_blk *d;
	int id, threads;
	unsigned pages;
	unsigned io_errors, mismatches, no_memory;
};

static struct worker workers[THREADS];
static volatile int finished;

/* test_disk: vda when these tests may overwrite it, else NULL after saying why. */
static struct virtio_blk *test_disk(uint64_t pages_needed)
{
	struct virtio_blk *d = virtio_blk_get(0);

	if (!d)
		pr_info("selftest: no virtio disk: skipped\n");
	else if (swap_area && swap_area->dev == d)
		pr_info("selftest: %s is the active swap area (boot with swap=off): skipped\n", d->name);
	else if (virtio_blk_capacity(d) / SECTORS_PER_PAGE < pages_needed + 1)
		pr_info("selftest: %s has fewer than %lu pages: skipped\n", d->name, pages_needed + 1);
	else
		return d;
	return NULL;
}

/* disk_page: the disk page that page @i of worker @w uses: the workers' pages interleave. */
static uint64_t disk_page(const struct worker *w, unsigned i)
{
	return 1 + (uint64_t)i * w->threads + w->id;
}

/* fill: the pattern of @page written by worker @id: every word differs, and from other pages'. */
static void fill(uint64_t *buf, int id, uint64_t page)
{
	for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
		buf[i] = (uint64_t)id << 56 | page << 16 | i;
}

/* pattern_ok: whether @buf holds fill(@id, @page). */
static bool pattern_ok(const uint64_t *buf, int id, uint64_t page)
{
	for (unsigned i = 0; i < PAGE_SIZE / 8; i++)
		if (buf[i] != ((uint64_t)id << 56 | page << 16 | i))
			return false;
	return true;
}

/* worker_main: write all of @arg's pages, then read each back and compare; counts what went wrong. */
static void worker_main(void *arg)
{
	struct worker *w = arg;
	uint64_t pa = alloc_zeroed_page(NR_KERNEL_MISC);
	uint64_t *buf = phys_to_virt(pa);

	if (!pa) {
		w->no_memory++;
		finished++;
		return;
	}
	for (unsigned i = 0; i < w->pages; i++) {
		fill(buf, w->id, disk_page(w, i));
		w->io_errors += virtio_blk_rw(w->d, disk_page(w, i) * SECTORS_PER_PAGE, pa, PAGE_SIZE, true) != 0;
	}
	for (unsigned i = 0; i < w->pages; i++) {
		memset(buf, 0, PAGE_SIZE);
		w->io_errors += virtio_blk_rw(w->d, disk_page(w, i) * SECTORS_PER_PAGE, pa, PAGE_SIZE, false) != 0;
		w->mismatches += !pattern_ok(buf, w->id, disk_page(w, i));
	}
	free_page_phys(pa, NR_KERNEL_MISC);
	finished++;
}

/* run_threads: start @fn on each of workers[0..@n) and let them all run to the end.
 * Returns the failures they counted, plus one per thread that could not be created. */
static unsigned run_threads(void (*fn)(void *), int n)
{
	unsigned failures = 0;
	int started = 0;

	finished = 0;
	for (int i = 0; i < n; i++) {
		if (kthread_create("blktest", fn, &workers[i]))
			started++;
		else
			failures++;
	}
	cli();
	while (finished < started) {
		schedule();             /* run the threads until all sleep or end */
		if (finished < started)
			safe_halt();    /* an interrupt will wake one; then cli again */
		cli();
	}
	schedule(); /* the last thread's stack is freed on the next switch */
	for (int i = 0; i < started; i++)
		failures += workers[i].io_errors + workers[i].mismatches + workers[i].no_memory;
	return failures;
}

/* run_workers: @n pattern workers (worker_main) on @d over @pages pages each; their failures. */
static unsigned run_workers(struct virtio_blk *d, int n, unsigned pages)
{
	for (int i = 0; i < n; i++)
		workers[i] = (struct worker){ .d = d, .id = i, .threads = n, .pages = pages };
	return run_threads(worker_main, n);
}

/* mib_per_s10: @bytes over @ns in tenths of MiB/s (one decimal without floating point). */
static uint64_t mib_per_s10(uint64_t bytes, uint64_t ns)
{
	return ns ? bytes * 10 * NSEC_PER_SEC / ns / (1 << 20) : 0;
}

SELFTEST(virtio_blk_concurrent)
{
	struct virtio_blk *d = test_disk(THREADS * PAGES_PER_THREAD);
	if (!d)
		return 0;
	struct virtio_blk_stats before = d->stats;
	d->stats.max_in_flight = 0;
	uint64_t t0 = uptime_ns();
	EXPECT(run_workers(d, THREADS, PAGES_PER_THREAD) == 0);
	uint64_t ns = uptime_ns() - t0, requests = 2 * THREADS * PAGES_PER_THREAD;
	EXPECT(d->stats.writes - before.writes == requests / 2 && d->stats.reads - before.reads == requests / 2);
	EXPECT(d->stats.errors == before.errors);
	EXPECT(d->stats.sleeps - before.sleeps >= requests); /* every request waited asleep */
	EXPECT(d->stats.irqs > before.irqs);
	EXPECT(d->stats.max_in_flight >= 2 && d->stats.in_flight == 0);
	pr_info("selftest: %s: %d threads, %lu requests of 4 KiB in %lu ms (%lu.%lu MiB/s), %lu interrupts, "
		"%u in flight at most\n", d->name, THREADS, requests, ns / 1000000,
		mib_per_s10(requests * PAGE_SIZE, ns) / 10, mib_per_s10(requests * PAGE_SIZE, ns) % 10,
		d->stats.irqs - before.irqs, d->stats.max_in_flight);
	return 0;
}

SELFTEST(virtio_blk_slot_wait)
{
	struct virtio_blk *d = test_disk(THREADS * PAGES_PER_THREAD);
	if (!d)
		return 0;
	unsigned slots = d->nr_slots;
	uint64_t sleeps = d->stats.sleeps, requests = 2 * THREADS * PAGES_PER_THREAD / 4;
	d->nr_slots = 2; /* idle slots: no request is in flight between the tests */
	d->stats.max_in_flight = 0;
	unsigned failures = run_workers(d, THREADS, PAGES_PER_THREAD / 4);
	d->nr_slots = slots;
	EXPECT(failures == 0);
	EXPECT(d->stats.max_in_flight == 2);
	EXPECT(d->stats.sleeps - sleeps > requests); /* more sleeps than requests: some for a slot */
	return 0;
}

#define BATCH 16

/* batch_worker: start BATCH writes of distinct pages before waiting for any,
 * then BATCH reads, waited for in reverse order; counts what went wrong. */
static void batch_worker(void *arg)
{
	struct worker *w = arg;
	uint64_t pa[BATCH];
	struct virtio_blk_io io[BATCH];
	unsigned n = 0;

	for (; n < BATCH && (pa[n] = alloc_zeroed_page(NR_KERNEL_MISC)); n++)
		fill(phys_to_virt(pa[n]), 0, 1 + n);
	if (n < BATCH)
		w->no_memory++;
	for (unsigned i = 0; i < n; i++)
		w->io_errors += virtio_blk_start(w->d, (1 + i) * SECTORS_PER_PAGE, pa[i], PAGE_SIZE, true, &io[i]) != 0;
	for (unsigned i = 0; i < n; i++)
		w->io_errors += virtio_blk_wait(w->d, &io[i]) != 0;
	for (unsigned i = 0; i < n; i++) {
		memset(phys_to_virt(pa[i]), 0, PAGE_SIZE);
		w->io_errors += virtio_blk_start(w->d, (1 + i) * SECTORS_PER_PAGE, pa[i], PAGE_SIZE, false, &io[i]) != 0;
	}
	for (unsigned i = n; i-- > 0;) {
		w->io_errors += virtio_blk_wait(w->d, &io[i]) != 0;
		w->mismatches += !pattern_ok(phys_to_virt(pa[i]), 0, 1 + i);
		free_page_phys(pa[i], NR_KERNEL_MISC);
	}
	finished++;
}

/* One caller with a batch: virtio_blk_start returns before the device is
 * done, the results land in the caller's virtio_blk_io whatever order it
 * waits in, and nothing stays in flight. How many were in flight at once
 * depends on how fast QEMU completes them: printed, not judged. */
SELFTEST(virtio_blk_batch)
{
	struct virtio_blk *d = test_disk(BATCH);
	if (!d)
		return 0;
	uint64_t reads = d->stats.reads, writes = d->stats.writes;
	d->stats.max_in_flight = 0;
	workers[0] = (struct worker){ .d = d };
	EXPECT(run_threads(batch_worker, 1) == 0);
	EXPECT(d->stats.reads - reads == BATCH && d->stats.writes - writes == BATCH);
	EXPECT(d->stats.in_flight == 0);
	pr_info("selftest: %s: batches of %d requests, %u in flight at most\n", d->name, BATCH,
		d->stats.max_in_flight);
	return 0;
}

/* bench: one thread moving BENCH_PAGES pages sequentially in one direction; prints MiB/s. */
static void bench(void *arg)
{
	struct worker *w = arg;
	uint64_t pa = alloc_zeroed_page(NR_KERNEL_MISC);

	if (!pa) {
		w->no_memory++;
		finished++;
		return;
	}
	for (int write = 1; write >= 0; write--) {
		uint64_t t0 = uptime_ns();
		for (unsigned i = 0; i < w->pages; i++)
			w->io_errors += virtio_blk_rw(w->d, (1 + i) * SECTORS_PER_PAGE, pa, PAGE_SIZE, write) != 0;
		uint64_t ns = uptime_ns() - t0, v = mib_per_s10((uint64_t)w->pages * PAGE_SIZE, ns);
		pr_info("selftest: %s: %u sequential 4 KiB %s, one thread: %lu ms, %lu.%lu MiB/s\n", w->d->name,
			w->pages, write ? "writes" : "reads", ns / 1000000, v / 10, v % 10);
	}
	free_page_phys(pa, NR_KERNEL_MISC);
	finished++;
}

SELFTEST(virtio_blk_throughput)
{
	struct virtio_blk *d = test_disk(BENCH_PAGES);
	if (!d)
		return 0;
	workers[0] = (struct worker){ .d = d, .pages = BENCH_PAGES };
	EXPECT(run_threads(bench, 1) == 0);
	return 0;
}
