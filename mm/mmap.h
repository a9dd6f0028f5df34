/*
 * mm/mmap.h - the memory system calls over an explicit mm, with Linux's
 * semantics and errnos (mm/mmap.c, mm/mprotect.c, mm/madvise.c). The sys_*
 * entry points (mm/sys_mman.c) pass current->mm; the host tests pass their own.
 * Each returns what the syscall returns: a value, or -errno.
 * Lock: as mm/mm.h.
 */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/mm.h"

#define PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC) /* every prot bit known here */

/* The bytes of a file being mapped: an initrd file lies in memory whole. */
struct mmap_file {
	const uint8_t *data; /* a file whose bytes are in memory (the initrd's): private mappings copy them */
	uint64_t size;
	struct file *shm;    /* or a file with pages of its own (tmpfs): shared or private, VMA_SHM */
};

/* do_mmap: map @len bytes (Linux: do_mmap); @file NULL for MAP_ANONYMOUS, else the
 * file's bytes from offset @off. The address, or -EINVAL, -ENOMEM, -EPERM,
 * -EEXIST, -ENODEV (shared file mappings). Unknown @prot bits are ignored, as Linux does. */
long do_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags,
	     const struct mmap_file *file, uint64_t off);

/* do_munmap: unmap [addr, addr+len) (Linux: __vm_munmap). 0, -EINVAL, -ENOMEM. */
long do_munmap(struct mm *mm, uint64_t addr, uint64_t len);

/* do_brk: move the break to @brk (Linux: sys_brk). The new break, or the old one
 * when @brk is out of range or the heap cannot move there. */
long do_brk(struct mm *mm, uint64_t brk);

/* do_mprotect: change the protection of [addr, addr+len) (Linux: do_mprotect_pkey).
 * 0, -EINVAL, -ENOMEM. */
long do_mprotect(struct mm *mm, uint64_t addr, uint64_t len, int prot);

/* do_mlock: lock (@lock) or unlock the pages of [addr, addr+len) in memory,
 * making them present (Linux: do_mlock, munlock). 0, -EINVAL, -ENOMEM. */
long do_mlock(struct mm *mm, uint64_t addr, uint64_t len, bool lock);

/* do_mlockall: MCL_CURRENT locks every VMA now, MCL_FUTURE every VMA made later
 * (Linux: mlockall); 0 or -EINVAL. do_munlockall undoes both; 0. */
long do_mlockall(struct mm *mm, int flags);
long do_munlockall(struct mm *mm);

/* do_madvise: act on @advice for [addr, addr+len) (Linux: do_madvise). 0, -EINVAL, -ENOMEM. */
long do_madvise(struct mm *mm, uint64_t addr, uint64_t len, int advice);

#endif
