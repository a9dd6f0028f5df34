/*
 * mm/vma.c - the VMA set of an mm, never overlapping, kept twice (as Linux
 * from 2.6 to 6.0: mm_struct's mmap list and mm_rb tree, and mm/mmap.c's
 * find_vma, vma_merge, split_vma, unmapped_area_topdown):
 *   a list sorted by address, to walk in order (vma_first, vma_next);
 *   a red-black tree keyed by start (kernel/lib/rbtree.c), so that finding
 *   the VMA of an address is O(log n) however many there are; each node
 *   also keeps the largest free gap below any VMA of its subtree (a VMA's
 *   gap: its start minus the previous VMA's end), so get_unmapped_area
 *   descends to the highest gap that fits in O(log n) instead of walking
 *   every VMA. Each change of a start, an end or a neighbour updates the
 *   gaps on the way to the root (vma_gap_update).
 *
 * Pure bookkeeping: nothing here reads or writes a page table, so the host
 * tests run it as it is. Whoever adds or removes address space does the page
 * work around these calls (mm/mmap.c, mm/mprotect.c, mm/memory.c).
 *
 * Two touching VMAs are merged when nothing tells them apart (same prot,
 * flags and kind, and for a file the same bytes at contiguous offsets), so
 * brk growth or an mprotect undone leave one VMA, as /proc/PID/maps shows.
 * Lock: as mm/mm.h (only the mm's own process changes it).
 */
#include "mm/vma.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

/* vma_gap: the free space below @vma: from the previous VMA's end (0 for
 * the first) to its start. */
static uint64_t vma_gap(struct vm_area *vma)
{
	const struct vm_area *prev = vma_prev(vma->mm, vma);

	return prev ? vma->start - prev->end : vma->start;
}

/* gap_update: the augment callback: @node's subtree_gap from its own gap
 * and its children's. */
static void gap_update(struct rb_node *node)
{
	struct vm_area *vma = rb_entry(node, struct vm_area, rb);
	uint64_t gap = vma_gap(vma);

	if (node->left && rb_entry(node->left, struct vm_area, rb)->subtree_gap > gap)
		gap = rb_entry(node->left, struct vm_area, rb)->subtree_gap;
	if (node->right && rb_entry(node->right, struct vm_area, rb)->subtree_gap > gap)
		gap = rb_entry(node->right, struct vm_area, rb)->subtree_gap;
	vma->subtree_gap = gap;
}

static const struct rb_augment vma_gap_aug = { gap_update };

/* vma_gap_update: @vma's gap changed (its start, or the previous VMA's end):
 * recompute the gaps from it to the root. NULL: nothing. */
static void vma_gap_update(struct vm_area *vma)
{
	if (vma)
		rb_propagate(&vma->rb, &vma_gap_aug);
}

/* vma_link: put @vma, already linked into @mm's list at its place, into the
 * tree, and count it; the next VMA's gap shrank. */
static void vma_link(struct mm *mm, struct vm_area *vma)
{
	struct rb_node **link = &mm->vma_tree.rb_node, *parent = NULL;

	vma->mm = mm;
	while (*link) {
		parent = *link;
		link = vma->start < rb_entry(parent, struct vm_area, rb)->start ? &parent->left : &parent->right;
	}
	rb_link_node(&vma->rb, parent, link);
	rb_insert(&vma->rb, &mm->vma_tree, &vma_gap_aug);
	mm->map_count++;
	vma_gap_update(vma_next(mm, vma));
}

/* find_vma: first VMA with end > @addr, trying mm->cache first; refreshes the
 * cache. A descent of the tree: O(log n). */
struct vm_area *find_vma(struct mm *mm, uint64_t addr)
{
	struct vm_area *vma = mm->cache, *found = NULL;
	struct rb_node *node = mm->vma_tree.rb_node;

	if (vma && vma->start <= addr && addr < vma->end)
		return vma;
	while (node) {
		vma = rb_entry(node, struct vm_area, rb);
		if (vma->end > addr) {
			found = vma;
			if (vma->start <= addr)
				break;
			node = node->left;
		} else {
			node = node->right;
		}
	}
	if (found)
		mm->cache = found;
	return found;
}

/* vma_lookup: the VMA containing @addr, or NULL. */
struct vm_area *vma_lookup(struct mm *mm, uint64_t addr)
{
	struct vm_area *vma = find_vma(mm, addr);

	return vma && vma->start <= addr ? vma : NULL;
}

/* vma_check_free: 0 if [start, start+len) is aligned, in user space and free; -EINVAL, -EEXIST. */
int vma_check_free(struct mm *mm, uint64_t start, uint64_t len)
{
	struct vm_area *vma;

	if (!len || ((start | len) & ~PAGE_MASK))
		return -EINVAL;
	if (start < USER_VA_START || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	vma = find_vma(mm, start);
	return vma && vma->start < start + len ? -EEXIST : 0;
}

/* vma_range_covered: no hole in [start, end) outside every VMA. */
bool vma_range_covered(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vm_area *vma = find_vma(mm, start);

	while (start < end) {
		if (!vma || vma->start > start)
			return false;
		start = vma->end;
		vma = vma_next(mm, vma);
	}
	return true;
}

/* vma_free: unlink @vma from @mm's list and tree and free it; the cache must
 * not keep it; the next VMA's gap grew. */
static void vma_free(struct mm *mm, struct vm_area *vma)
{
	struct vm_area *next = vma_next(mm, vma);

	if (mm->cache == vma)
		mm->cache = NULL;
	rb_erase(&vma->rb, &mm->vma_tree, &vma_gap_aug);
	list_del(&vma->link);
	mm->map_count--;
	if (vma->vm_file)
		vma_file_put(vma->vm_file);
	kfree(vma);
	vma_gap_update(next);
}

/* mergeable: @a and @b touch (@a first) and nothing tells them apart. A file VMA
 * without bytes (vma_map) never merges: its caller may still fill them in; nor
 * does a VMA_SHM. */
static bool mergeable(const struct vm_area *a, const struct vm_area *b)
{
	if (a->end != b->start || a->prot != b->prot || a->flags != b->flags || a->kind != b->kind)
		return false;
	if (a->kind == VMA_SHM)
		return false; /* each holds its own file reference: kept apart (Linux would merge) */
	if (a->kind != VMA_FILE)
		return true;
	return a->file_data && a->file_data == b->file_data && a->file_size == b->file_size &&
	       a->file_offset + (a->end - a->start) == b->file_offset;
}

/* vma_merge_range: join mergeable neighbours from the VMA that reaches @start to the one starting at @end. */
void vma_merge_range(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vm_area *vma = start ? find_vma(mm, start - 1) : vma_first(mm);

	while (vma) {
		struct vm_area *next = vma_next(mm, vma);

		if (!next || next->start > end)
			return;
		if (mergeable(vma, next)) {
			vma->end = next->end; /* the VMA after next keeps its gap: vma_free recomputes it */
			vma_free(mm, next);
		} else {
			vma = next;
		}
	}
}

/* vma_expand: fold @tmpl (a free range touching exactly one of @prev and
 * @next, and mergeable with it) into that neighbour in place, as Linux's
 * vma_merge does when only one side merges: no new VMA, no tree insert and
 * erase (brk growth, and mmap below or above a like mapping). The gaps that
 * changed are repaired. The VMA now covering @tmpl, or NULL when neither
 * neighbour alone can take it. */
static struct vm_area *vma_expand(struct vm_area *prev, struct vm_area *next, const struct vm_area *tmpl)
{
	bool with_prev = prev && mergeable(prev, tmpl), with_next = next && mergeable(tmpl, next);

	if (with_prev == with_next)
		return NULL; /* neither, or both (then the general path joins all three) */
	if (with_prev) {
		prev->end = tmpl->end;
		vma_gap_update(next); /* its gap shrank; prev's is the same */
		return prev;
	}
	next->file_offset = tmpl->file_offset;
	next->start = tmpl->start; /* the tree's order holds: nothing lies between */
	vma_gap_update(next);
	return next;
}

/* vma_insert: @tmpl (a free user range) as a VMA, merged with its neighbours
 * when nothing tells them apart; the VMA covering its start, or NULL. */
static struct vm_area *vma_insert(struct mm *mm, const struct vm_area *tmpl)
{
	struct vm_area *vma, *next, *prev;

	if (tmpl->end <= tmpl->start || vma_check_free(mm, tmpl->start, tmpl->end - tmpl->start))
		panic("vma_insert: [%#lx, %#lx) is not a free user range", tmpl->start, tmpl->end);
	next = find_vma(mm, tmpl->start);
	prev = next ? vma_prev(mm, next) : vma_last(mm);
	vma = vma_expand(prev, next, tmpl);
	if (vma)
		return vma;
	vma = kmalloc(sizeof(*vma));
	if (!vma)
		return NULL;
	*vma = *tmpl;
	list_add_tail(&vma->link, next ? &next->link : &mm->vmas);
	vma_link(mm, vma);
	vma_merge_range(mm, tmpl->start, tmpl->end);
	return vma_lookup(mm, tmpl->start);
}

/* vma_map: a VMA of @kind over [start, start+len); see mm/mm.h. */
struct vm_area *vma_map(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot,
			uint32_t flags, enum vma_kind kind)
{
	struct vm_area tmpl = { .start = start, .end = start + len, .prot = prot,
				.flags = flags | mm->def_flags, .kind = kind };

	return vma_insert(mm, &tmpl);
}

/* vma_map_file: a VMA_FILE over [start, start+len) backed by @data from @offset; see mm/mm.h. */
struct vm_area *vma_map_file(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot,
			     uint32_t flags, const uint8_t *data, uint64_t size, uint64_t offset)
{
	struct vm_area tmpl = { .start = start, .end = start + len, .prot = prot,
				.flags = flags | mm->def_flags, .kind = VMA_FILE, .file_data = data,
				.file_size = size, .file_offset = offset };

	return vma_insert(mm, &tmpl);
}

/* vma_map_shm: a VMA_SHM over [start, start+len) of @file from @offset; see mm/mm.h. */
struct vm_area *vma_map_shm(struct mm *mm, uint64_t start, uint64_t len, uint32_t prot, uint32_t flags,
			    struct file *file, uint64_t offset)
{
	struct vm_area tmpl = { .start = start, .end = start + len, .prot = prot,
				.flags = flags | mm->def_flags, .kind = VMA_SHM, .file_offset = offset,
				.vm_file = file };
	struct vm_area *vma;

	vma_file_get(file);
	vma = vma_insert(mm, &tmpl);
	if (!vma)
		vma_file_put(file);
	return vma;
}

/* straddler: the VMA with start < @addr < end (it must be split at @addr), or NULL. */
static struct vm_area *straddler(struct mm *mm, uint64_t addr)
{
	struct vm_area *vma = vma_lookup(mm, addr);

	return vma && vma->start < addr ? vma : NULL;
}

/* split_at: cut @vma at @addr: @vma keeps [start, addr), the unlinked @tail takes [addr, end). */
static void split_at(struct mm *mm, struct vm_area *vma, uint64_t addr, struct vm_area *tail)
{
	*tail = *vma;
	tail->start = addr;
	tail->file_offset += addr - vma->start; /* the tail's first page is further into the file */
	if (tail->vm_file)
		vma_file_get(tail->vm_file);
	vma->end = addr;
	list_add(&tail->link, &vma->link);
	vma_link(mm, tail);
}

/* vma_split_range: take the (up to two) VMAs the splits need first, so a failure changes nothing. */
int vma_split_range(struct mm *mm, uint64_t start, uint64_t end)
{
	/* LAB split BEGIN: cut the VMA that straddles @start and the one that straddles @end (split_at), taking the memory for both first so that a failure changes nothing */
	struct vm_area *spare[2] = { NULL, NULL }, *vma;
	int need = !!straddler(mm, start) + !!straddler(mm, end), used = 0, i;

	for (i = 0; i < need; i++) {
		spare[i] = kmalloc(sizeof(struct vm_area));
		if (!spare[i]) {
			kfree(spare[0]);
			return -ENOMEM;
		}
	}
	vma = straddler(mm, start);
	if (vma)
		split_at(mm, vma, start, spare[used++]);
	vma = straddler(mm, end); /* after a middle split: the tail just made */
	if (vma)
		split_at(mm, vma, end, spare[used++]);
	return 0;
	/* LAB split END: (void)split_at; return straddler(mm, start) || straddler(mm, end) ? -ENOMEM : 0; */
}

struct vm_area *vma_trim_target(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vm_area *vma = find_vma(mm, start);

	if (!vma || vma->start >= end)
		return NULL;
	if ((vma->start < start && vma->end == end) || (vma->start == start && end < vma->end))
		return vma;
	return NULL;
}

void vma_trim(struct vm_area *vma, uint64_t start, uint64_t end)
{
	if (vma->end == end) {
		vma->end = start;
		vma_gap_update(vma_next(vma->mm, vma)); /* the next VMA's gap grew */
	} else {
		vma->file_offset += end - start;
		vma->start = end;
		vma_gap_update(vma); /* its own gap grew; the tree's order holds */
	}
}

/* vma_remove_range: free every VMA inside [start, end); panics on one that straddles an end. */
void vma_remove_range(struct mm *mm, uint64_t start, uint64_t end)
{
	struct vm_area *vma = find_vma(mm, start);

	while (vma && vma->start < end) {
		struct vm_area *next = vma_next(mm, vma);

		if (vma->start < start || vma->end > end)
			panic("vma_remove_range: VMA [%#lx, %#lx) straddles [%#lx, %#lx)",
			      vma->start, vma->end, start, end);
		vma_free(mm, vma);
		vma = next;
	}
}

/* vma_change_range: covered? split, change each VMA, merge; see mm/vma.h. */
int vma_change_range(struct mm *mm, uint64_t start, uint64_t end,
		     void (*change)(struct mm *mm, struct vm_area *vma, void *arg), void *arg)
{
	struct vm_area *vma;
	int err, splits;

	if (!vma_range_covered(mm, start, end))
		return -ENOMEM;
	splits = !!straddler(mm, start) + !!straddler(mm, end);
	if (splits && mm->map_count + splits - 1 >= sysctl_max_map_count)
		return -ENOMEM; /* Linux's split_vma: each split needs map_count below the limit */
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	for (vma = vma_lookup(mm, start); vma && vma->start < end; vma = vma_next(mm, vma))
		change(mm, vma, arg);
	vma_merge_range(mm, start, end);
	return 0;
}

/* vma_copy_all: @dst gets a copy of each VMA of @src, in order. */
int vma_copy_all(struct mm *dst, struct mm *src)
{
	struct vm_area *vma, *copy;

	for_each_vma(src, vma) {
		copy = kmalloc(sizeof(*copy));
		if (!copy)
			return -ENOMEM;
		*copy = *vma;
		if (copy->vm_file)
			vma_file_get(copy->vm_file);
		list_add_tail(&copy->link, &dst->vmas);
		vma_link(dst, copy);
	}
	return 0;
}

/* vma_expand_down: the stack @vma grows down to @start (above the previous
 * VMA's end: the caller checked the guard gap); its gap shrinks (Linux:
 * expand_downwards, then vma_gap_update). */
void vma_expand_down(struct vm_area *vma, uint64_t start)
{
	vma->start = start;
	vma_gap_update(vma);
}

/* clipped_gap: the size of the part of @vma's gap inside [low, high); its
 * end in *@gap_end. */
static uint64_t clipped_gap(struct vm_area *vma, uint64_t low, uint64_t high, uint64_t *gap_end)
{
	uint64_t prev_end = vma->start - vma_gap(vma);
	uint64_t end = vma->start < high ? vma->start : high, start = prev_end > low ? prev_end : low;

	*gap_end = end;
	return end > start ? end - start : 0;
}

/* highest_fit: the highest VMA under @node whose gap, clipped to [low, high),
 * holds @len; NULL when none. Subtrees whose largest gap is smaller are not
 * entered, nor those wholly above @high or below @low: O(log n) (recursion
 * depth at most the tree's height, 2 log2(n + 1)). */
static struct vm_area *highest_fit(struct rb_node *node, uint64_t len, uint64_t low, uint64_t high,
				   uint64_t *gap_end)
{
	struct vm_area *vma, *found;

	if (!node || rb_entry(node, struct vm_area, rb)->subtree_gap < len)
		return NULL;
	vma = rb_entry(node, struct vm_area, rb);
	if (vma->start < high && (found = highest_fit(node->right, len, low, high, gap_end)))
		return found; /* a VMA to the right starts above this one's end */
	if (clipped_gap(vma, low, high, gap_end) >= len)
		return vma;
	if (vma->start <= low)
		return NULL; /* everything to the left lies below low */
	return highest_fit(node->left, len, low, high, gap_end);
}

/*
 * get_unmapped_area: the highest free range of @len bytes below mmap_base and
 * above USER_VA_START (Linux: arch_get_unmapped_area_topdown): above the last
 * VMA if it fits, else the highest gap below a VMA, found in the tree.
 */
uint64_t get_unmapped_area(struct mm *mm, uint64_t len)
{
	uint64_t high = mm->mmap_base, low = USER_VA_START, gap_end;
	struct rb_node *last = rb_last(&mm->vma_tree);

	if (!len || (len & ~PAGE_MASK) || high < low || high - low < len)
		return 0;
	if (!last || rb_entry(last, struct vm_area, rb)->end <= high - len)
		return high - len;
	return highest_fit(mm->vma_tree.rb_node, len, low, high, &gap_end) ? gap_end - len : 0;
}
