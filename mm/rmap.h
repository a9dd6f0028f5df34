/*
 * mm/rmap.h - the reverse map: from an anonymous page to every PTE that maps
 * it (Linux: mm/rmap.c, rmap_walk_anon).
 *
 * Linux reaches the PTEs of an anonymous page through its anon_vma, the set
 * of VMAs that may map it. We use a simpler fact that holds here: an
 * anonymous page is mapped at one user address only (page->index), in every
 * process that shares it, because fork keeps addresses and nothing moves a
 * mapping (no mremap). So the walk looks at that one address in every live
 * mm (mm_list) and keeps the PTEs that hold this frame: O(processes) per page,
 * cheap with the few dozen processes of a teaching system.
 * Lock: single CPU; no sleeping inside a walk.
 */
#ifndef MM_RMAP_H
#define MM_RMAP_H

#include <stdbool.h>
#include "mm/page.h"

/* page_referenced: how many PTEs of anonymous @page have the Accessed bit set;
 * clears those bits (and flushes) so the next look sees only new accesses.
 * A mapping hidden by PROT_NONE or in an mlocked VMA counts as a reference:
 * such a page stays (Linux keeps mlocked pages on its unevictable list). */
unsigned page_referenced(struct page *page);

/* try_to_unmap: replace every PTE of @page with the swap entry of @slot (one
 * swap_dup each), dropping the PTEs' page references and moving their Dirty
 * bits into PG_dirty. The caller holds its own reference to @page. */
void try_to_unmap(struct page *page, uint64_t slot);

#endif
