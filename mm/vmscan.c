/*
 * mm/vmscan.c - page reclaim (see vmscan.h; Linux: mm/vmscan.c).
 *
 * Aging is the second-chance clock on two lists (Linux's split LRU, anon
 * side): the Accessed bit of a page's PTEs says whether it was used since
 * the last look (mm/rmap.c clears it each time).
 *
 *   new page --> [ inactive ] --referenced--> [ active ] --+
 *                 |  ^                          |  ^       | referenced:
 *   not referenced|  +-------not referenced-----+  +-------+ rotate (second chance)
 *                 v
 *   pageout: slot, unmap (swap entries), write if dirty, free the frame
 *
 * The active list is shrunk whenever it is longer than the inactive one
 * (Linux's inactive_ratio is 1 below 1 GiB of memory).
 */
#include "mm/vmscan.h"
#include "mm/lru.h"
#include "mm/rmap.h"
#include "mm/swap.h"
#include "mm/swap_state.h"
#include "mm/page_io.h"
#include "mm/anon_page.h"
#include "mm/page_alloc.h"
#include "mm/vmstat.h"
#include "mm/watermark.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/wait.h"
#include "kernel/panic.h"
#include "kernel/printk.h"

static struct wait_queue kswapd_wait = WAIT_QUEUE_INIT(kswapd_wait);
static bool kswapd_wanted;
static struct process *kswapd_task;

/* shrink_active: look at up to @nr pages from the active tail: a referenced one
 * rotates to the head (its second chance), the others go to the inactive list.
 * The number looked at. */
static uint64_t shrink_active(uint64_t nr)
{
	uint64_t looked = 0;

	for (; looked < nr; looked++) {
		struct page *page = lru_isolate_tail(true);
		bool referenced;

		if (!page)
			break;
		count_vm_event(PGREFILL);
		referenced = page_referenced(page);
		lru_move(page, referenced);
		if (!referenced)
			count_vm_event(PGDEACTIVATE);
	}
	return looked;
}

/* pageout_start: begin reclaiming isolated @page, which we hold a reference
 * to: a slot (kept from its last swap-in if it has one), every PTE made a swap
 * entry, and the write started into @io when the slot does not hold the data
 * yet (@io is done at once otherwise). False when the page must stay: swap
 * is full. */
static bool pageout_start(struct page *page, struct virtio_blk_io *io)
{
	uint64_t slot;

	*io = (struct virtio_blk_io){ .done = true };
	if (!page_test(page, PG_swapcache) && !add_to_swap(page))
		return false;
	slot = page->private;
	try_to_unmap(page, slot);
	if (page_test(page, PG_dirty)) {
		page_clear(page, PG_dirty);
		count_vm_event(PSWPOUT);
		swap_io_start(slot, page_to_phys(page), true, io);
	}
	return true;
}

/* pageout_end: wait for @page's write (@io) and take it out of the swap cache.
 * True when only our reference is left (the caller's put frees the frame);
 * false when it must stay: the write failed, or while we wrote it the page
 * was faulted back in, or dirtied (a VM_SHARED mapping written and unmapped:
 * the slot holds the older data). */
static bool pageout_end(struct page *page, struct virtio_blk_io *io)
{
	if (swap_io_wait(io)) {
		page_set(page, PG_dirty); /* the slot does not hold it: write again next time */
		return false;
	}
	if (page->mapcount || page_test(page, PG_dirty))
		return false;
	delete_from_swap_cache(page);
	return true;
}

/* shrink_inactive: look at up to @nr (<= SWAP_CLUSTER_MAX) pages from the
 * inactive tail, counting them in *@scanned: a referenced one is promoted,
 * the others are paged out, their writes started together and then waited
 * for (Linux plugs the batch of shrink_page_list the same way: the disk sees
 * them at once). The number freed. */
static uint64_t shrink_inactive(uint64_t nr, uint64_t *scanned)
{
	struct page *out[SWAP_CLUSTER_MAX];
	struct virtio_blk_io io[SWAP_CLUSTER_MAX];
	unsigned n = 0;
	uint64_t freed = 0;

	for (; nr && n < SWAP_CLUSTER_MAX; nr--) {
		struct page *page = lru_isolate_tail(false);

		if (!page)
			break;
		(*scanned)++;
		get_anon_page(page); /* ours while isolated: nothing frees it under us */
		/* LAB lru BEGIN: a page used since the last look (page_referenced, which also clears the Accessed bits) gets a second chance: back to the active list (lru_move, PGACTIVATE), not paged out */
		if (page_referenced(page)) {
			lru_move(page, true);
			count_vm_event(PGACTIVATE);
			put_anon_page(page);
			continue;
		}
		/* LAB lru END: (void)page; */
		if (pageout_start(page, &io[n])) {
			out[n++] = page;
			continue;
		}
		lru_move(page, true); /* kept: swap is full */
		put_anon_page(page);
	}
	for (unsigned i = 0; i < n; i++) {
		if (pageout_end(out[i], &io[i]))
			freed++;
		else
			lru_move(out[i], true); /* kept: in use again, or the write failed */
		put_anon_page(out[i]);
	}
	return freed;
}

uint64_t reclaim_pages(uint64_t nr, bool kswapd)
{
	uint64_t freed = 0, scanned = 0, looked = 0, budget;

	if (!nr_swap_slots())
		return 0; /* no swap area: anonymous pages have nowhere to go */
	/* A page unused since the last look goes within three looks (rotate,
	 * deactivate, page out); past that budget reclaim has failed. */
	budget = 3 * (lru.nr_active + lru.nr_inactive) + SWAP_CLUSTER_MAX;
	while (freed < nr && looked < budget && (lru.nr_active || lru.nr_inactive)) {
		uint64_t batch = nr - freed < SWAP_CLUSTER_MAX ? nr - freed : SWAP_CLUSTER_MAX;
		uint64_t before = scanned;

		if (lru.nr_inactive < lru.nr_active)
			looked += shrink_active(SWAP_CLUSTER_MAX);
		freed += shrink_inactive(batch, &scanned);
		looked += scanned - before;
	}
	count_vm_events(kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT, scanned);
	count_vm_events(kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, freed);
	return freed;
}

void wake_kswapd(void)
{
	if (kswapd_wanted)
		return;
	kswapd_wanted = true;
	wake_up(&kswapd_wait);
}

/* kswapd: the kernel thread that keeps free memory between the low and high
 * watermarks in the background, so that allocations rarely reclaim themselves. */
static void kswapd(void *arg)
{
	(void)arg;
	for (;;) {
		while (!kswapd_wanted)
			sleep_on(&kswapd_wait);
		count_vm_event(PAGEOUTRUN);
		while (nr_free_pages() < wmark.high && reclaim_pages(SWAP_CLUSTER_MAX, true))
			schedule(); /* not preemptible: let the others run between batches */
		kswapd_wanted = false;
	}
}

void kswapd_start(uint64_t managed_pages)
{
	if (setup_watermarks(0, managed_pages))
		panic("kswapd_start: no watermarks fit %lu pages", managed_pages);
	pr_info("vmscan: min_free_kbytes %lu, watermarks min %lu low %lu high %lu pages\n",
		min_free_kbytes, wmark.min, wmark.low, wmark.high);
	kswapd_task = kthread_create("kswapd0", kswapd, NULL);
	if (!kswapd_task)
		panic("kswapd_start: no memory for kswapd");
}

bool current_is_kswapd(void)
{
	return current == kswapd_task;
}
