/*
 * tests/host/mm_test.h - helpers shared by the address-space host tests
 * (test_vma, test_mm, test_mmap): running memory out on purpose, a fake kernel
 * PML4, and reading user memory of an mm. Lives in tests/host/mm_test.c; list
 * it in host-test-sources together with mm/pgtable.c and the allocators.
 */
#ifndef TESTS_HOST_MM_TEST_H
#define TESTS_HOST_MM_TEST_H

#include <stddef.h>
#include <stdint.h>
#include "mm/mm.h"
#include "mm/page.h"

#define P(n) ((uint64_t)(n) * PAGE_SIZE) /* n pages, in bytes */
#define A(n) (BASE + P(n))               /* page n of the test's area: each test defines BASE */
#define RW   (PROT_READ | PROT_WRITE)

/* hog_all: take every free frame, then every kmalloc object of @size the slabs
 * still have, so the next frame or @size allocation fails. */
void hog_all(size_t size);

/* hog_return_frames: give @n of the hogged frames back to the buddy. */
void hog_return_frames(uint64_t n);

/* hog_return_objects: give @n of the hogged kmalloc objects back. */
void hog_return_objects(size_t n);

/* hog_release: give back everything hog_all took. */
void hog_release(void);

/* fake_kernel_pml4: kernel_pml4 = a new root with one kernel-half mapping (not sealed yet). */
void fake_kernel_pml4(void);

/* user_byte: the byte @va of @mm through its page tables, or NULL if not present. */
uint8_t *user_byte(struct mm *mm, uint64_t va);

#endif
