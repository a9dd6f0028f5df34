/*
 * mm/access_vm.h - reading another process's memory from the kernel, page by
 * page through its page tables (Linux: access_remote_vm, as /proc/PID/cmdline
 * uses it). Only what is present is read: a page that is not (never touched,
 * or swapped out) ends the copy, where Linux would fault it in.
 */
#ifndef MM_ACCESS_VM_H
#define MM_ACCESS_VM_H

#include <stddef.h>
#include <stdint.h>

struct mm;

/* copy_from_mm: copy up to @n bytes at user address @va of @mm into kernel @dst;
 * returns how many were copied (fewer at the first page that is not present). */
size_t copy_from_mm(struct mm *mm, void *dst, uint64_t va, size_t n);

#endif
