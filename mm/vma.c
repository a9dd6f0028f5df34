/*
 * mm/vma.c - the VMA set of an mm: a list sorted by address, never
 * overlapping (Linux: the vm_area_struct tree of mm_struct, and mm/mmap.c's
 * find_vma, vma_merge, split_vma, get_unmapped_area).
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

/* find_vma: first VMA with end > @addr, trying mm->cache first; refreshes the cache. */
struct vm_area *find_vma(struct mm *mm, uint64_t addr)
{
	struct vm_area *vma = mm->cache;

	if (vma && vma->start <= addr && addr < vma->end)
		return vma;
	for_each_vma(mm, vma)
		if (vma->end > addr) {
			mm->cache = vma;
			return vma;
		}
	return NULL;
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

/* vma_free: unlink @vma from @mm and free it; the cache must not keep it. */
static void vma_free(struct mm *mm, struct vm_area *vma)
{
	if (mm->cache == vma)
		mm->cache = NULL;
	list_del(&vma->link);
	kfree(vma);
}

/* mergeable: @a and @b touch (@a first) and nothing tells them apart. A file VMA
 * without bytes (vma_map) never merges: its caller may still fill them in. */
static bool mergeable(const struct vm_area *a, const struct vm_area *b)
{
	if (a->end != b->start || a->prot != b->prot || a->flags != b->flags || a->kind != b->kind)
		return false;
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
			vma->end = next->end;
			vma_free(mm, next);
		} else {
			vma = next;
		}
	}
}

/* vma_insert: a copy of @tmpl (a free user range) linked in order and merged; the VMA covering its start, or NULL. */
static struct vm_area *vma_insert(struct mm *mm, const struct vm_area *tmpl)
{
	struct vm_area *vma, *next;

	if (tmpl->end <= tmpl->start || vma_check_free(mm, tmpl->start, tmpl->end - tmpl->start))
		panic("vma_insert: [%#lx, %#lx) is not a free user range", tmpl->start, tmpl->end);
	vma = kmalloc(sizeof(*vma));
	if (!vma)
		return NULL;
	*vma = *tmpl;
	next = find_vma(mm, vma->start);
	list_add_tail(&vma->link, next ? &next->link : &mm->vmas);
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

/* straddler: the VMA with start < @addr < end (it must be split at @addr), or NULL. */
static struct vm_area *straddler(struct mm *mm, uint64_t addr)
{
	struct vm_area *vma = vma_lookup(mm, addr);

	return vma && vma->start < addr ? vma : NULL;
}

/* split_at: cut @vma at @addr: @vma keeps [start, addr), the unlinked @tail takes [addr, end). */
static void split_at(struct vm_area *vma, uint64_t addr, struct vm_area *tail)
{
	*tail = *vma;
	tail->start = addr;
	tail->file_offset += addr - vma->start; /* the tail's first page is further into the file */
	vma->end = addr;
	list_add(&tail->link, &vma->link);
}

/* vma_split_range: take the (up to two) VMAs the splits need first, so a failure changes nothing. */
int vma_split_range(struct mm *mm, uint64_t start, uint64_t end)
{
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
		split_at(vma, start, spare[used++]);
	vma = straddler(mm, end); /* after a middle split: the tail just made */
	if (vma)
		split_at(vma, end, spare[used++]);
	return 0;
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
	int err;

	if (!vma_range_covered(mm, start, end))
		return -ENOMEM;
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
		list_add_tail(&copy->link, &dst->vmas);
	}
	return 0;
}

/*
 * get_unmapped_area: walk the VMAs from the top down, lowering the candidate
 * top below each one, and take the first gap under mmap_base wide enough
 * (Linux: arch_get_unmapped_area_topdown, first fit).
 */
uint64_t get_unmapped_area(struct mm *mm, uint64_t len)
{
	uint64_t top = mm->mmap_base;
	struct list_head *node;

	if (!len || (len & ~PAGE_MASK))
		return 0;
	for (node = mm->vmas.prev; node != &mm->vmas; node = node->prev) {
		struct vm_area *vma = list_entry(node, struct vm_area, link);

		if (vma->end <= top && top - vma->end >= len)
			return top - len;
		if (vma->start < top)
			top = vma->start;
	}
	return top >= USER_VA_START && top - USER_VA_START >= len ? top - len : 0;
}
