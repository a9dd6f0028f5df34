/*
 * mm/page_alloc_slow.c - the allocation slow path for user frames (see
 * alloc_user_page in page_alloc.h; Linux: __alloc_pages_slowpath in
 * mm/page_alloc.c): when free memory runs short, wake kswapd, reclaim
 * directly (mm/vmscan.h), and as a last resort call the OOM killer.
 * Its own file so that the buddy pool (page_alloc.c) needs no reclaim.
 * Lock: single CPU; sleeps in reclaim.
 */
#include "mm/page_alloc.h"
#include "mm/vmscan.h"
#include "mm/oom.h"
#include "mm/vmstat.h"
#include "mm/watermark.h"
#include "kernel/proc.h"
#include "kernel/signal.h"

/* may_reclaim: can current reclaim directly (a process, not kswapd, not dying)? */
static bool may_reclaim(void)
{
	return !current_is_kswapd() && !current->kthread && !fatal_signal_pending(current);
}

struct page *alloc_user_page(bool may_sleep)
{
	if (!may_sleep) {
		if (nr_free_pages() < wmark.low)
			wake_kswapd();
		return nr_free_pages() > wmark.min ? alloc_pages(0, NR_ANON_PAGES) : NULL;
	}
	for (;;) {
		struct page *page;

		if (nr_free_pages() < wmark.low)
			wake_kswapd();
		if (nr_free_pages() < wmark.min && may_reclaim()) {
			count_vm_event(ALLOCSTALL);
			if (reclaim_pages(SWAP_CLUSTER_MAX, false) && nr_free_pages() < wmark.min)
				continue; /* progress: others may have taken it, look again */
		}
		if (nr_free_pages() >= wmark.min || !may_reclaim()) {
			page = alloc_pages(0, NR_ANON_PAGES);
			if (page)
				return page;
		}
		if (!may_reclaim() || !out_of_memory())
			return NULL;
	}
}
