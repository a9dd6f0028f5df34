/*
 * mm/mmap.c - adding and removing address space: mmap, munmap, brk
 * (Linux: mm/mmap.c). Bookkeeping is mm/vma.c's, pages are mm/memory.c's;
 * this file decides, with Linux's argument checks and errnos.
 *
 * Pages come later, on the first touch (mm/fault.c), except where asked
 * for: MAP_POPULATE only; everything else faults in on first touch. Linux ignores
 * a failed populate (the fault path retries), and so does this file.
 * Lock: as mm/mm.h.
 */
#include "mm/mmap.h"
#include "mm/vma.h"
#include "mm/memory.h"
#include "mm/page.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

/* vma_unmap: split at the ends, zap the pages of each VMA inside, then drop those VMAs. */
int vma_unmap(struct mm *mm, uint64_t start, uint64_t len)
{
	uint64_t end = start + len;
	struct vm_area *vma;
	int err;

	if (((start | len) & ~PAGE_MASK) || start > USER_VA_END || len > USER_VA_END - start)
		panic("vma_unmap: bad range %#lx + %#lx", start, len);
	vma = vma_lookup(mm, start);
	if (vma && vma->start < start && end < vma->end && mm->map_count >= sysctl_max_map_count)
		return -ENOMEM; /* one VMA becomes two: Linux lets munmap pass the limit otherwise */
	vma = vma_trim_target(mm, start, end);
	if (vma) { /* the head or tail of one VMA: cut it in place, no split */
		zap_range(mm, start, end);
		vma_trim(vma, start, end);
		return 0;
	}
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	for (vma = find_vma(mm, start); vma && vma->start < end; vma = vma_next(mm, vma))
		zap_range(mm, vma->start, vma->end);
	vma_remove_range(mm, start, end);
	return 0;
}

/* fixed_addr: @addr for MAP_FIXED(_NOREPLACE), checked in Linux's order: -ENOMEM past user
 * space, -EINVAL unaligned, -EPERM below USER_VA_START (mmap_min_addr), -EEXIST for NOREPLACE. */
static long fixed_addr(struct mm *mm, uint64_t addr, uint64_t len, int flags)
{
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (addr < USER_VA_START)
		return -EPERM;
	if ((flags & MAP_FIXED_NOREPLACE) && vma_check_free(mm, addr, len) == -EEXIST)
		return -EEXIST;
	return (long)addr;
}

/* mmap_addr: where a mapping of @len goes: the fixed address, the hint when that
 * range is free (aligned down, raised to USER_VA_START), else top-down; or -errno. */
static long mmap_addr(struct mm *mm, uint64_t addr, uint64_t len, int flags)
{
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
		return fixed_addr(mm, addr, len, flags);
	addr &= PAGE_MASK;
	if (addr && addr < USER_VA_START)
		addr = USER_VA_START;
	if (addr && vma_check_free(mm, addr, len) == 0)
		return (long)addr;
	addr = get_unmapped_area(mm, len);
	return addr ? (long)addr : -ENOMEM;
}

/* do_mmap: check as Linux does, place, replace (MAP_FIXED), record the VMA, populate if asked. */
long do_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags,
	     const struct mmap_file *file, uint64_t off)
{
	int type = flags & MAP_TYPE, shared = type == MAP_SHARED;
	struct vm_area *vma;
	long start;

	if (!len || (type != MAP_SHARED && type != MAP_PRIVATE) || (off & ~PAGE_MASK))
		return -EINVAL;
	prot &= PROT_MASK; /* Linux ignores the bits it does not know here (mprotect does not) */
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE - USER_VA_START)
		return -ENOMEM;
	if (file && off + len < off)
		return -EINVAL; /* Linux: -EOVERFLOW */
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM; /* too many mappings, Linux's test (> : one more may come) */
	if (file && !file->shm && shared)
		return -ENODEV; /* a shared mapping of the initrd would have to write back: not supported */
	start = mmap_addr(mm, addr, len, flags);
	if (start < 0)
		return start;
	if ((flags & MAP_FIXED) && vma_unmap(mm, start, len))
		return -ENOMEM;
	if (file && file->shm)
		vma = vma_map_shm(mm, start, len, prot, shared ? VM_SHARED : 0, file->shm, off);
	else if (file)
		vma = vma_map_file(mm, start, len, prot, 0, file->data, file->size, off);
	else
		vma = vma_map(mm, start, len, prot, shared ? VM_SHARED : 0, VMA_ANON);
	if (!vma)
		return -ENOMEM;
	if (flags & MAP_POPULATE)
		mm_populate(mm, start, len); /* best effort, as Linux: faults fill the rest */
	return start;
}

/* do_munmap: Linux's checks (aligned start, non-empty, in user space), then vma_unmap. */
long do_munmap(struct mm *mm, uint64_t addr, uint64_t len)
{
	if ((addr & ~PAGE_MASK) || !len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	return vma_unmap(mm, addr, len);
}

/* heap_grow: extend [heap] over the free pages [old, new); no frame until touched.
 * As Linux's brk, one free page must stay between the heap and the next mapping
 * (newbrk + PAGE_SIZE <= next->vm_start). 0 or -errno. */
static int heap_grow(struct mm *mm, uint64_t old, uint64_t new)
{
	uint64_t gap = new < TASK_SIZE ? PAGE_SIZE : 0;
	int err = vma_check_free(mm, old, new - old + gap);

	if (err)
		return err;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM; /* Linux's do_brk_flags */
	if (!vma_map(mm, old, new - old, PROT_READ | PROT_WRITE, 0, VMA_HEAP))
		return -ENOMEM;
	return 0;
}

/* do_brk: the break moves in bytes, the [heap] VMA in whole pages up to PAGE_ALIGN(brk). */
long do_brk(struct mm *mm, uint64_t brk)
{
	uint64_t old = PAGE_ALIGN(mm->brk), new = PAGE_ALIGN(brk);

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return (long)mm->brk;
	if (new < old && vma_unmap(mm, new, old - new))
		return (long)mm->brk;
	if (new > old && heap_grow(mm, old, new))
		return (long)mm->brk;
	mm->brk = brk;
	return (long)brk;
}
