/* tests/host/mm_test.c - the helpers of tests/host/mm_test.h. */
#include <stdlib.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "kernel/panic.h"
#include "mm/kmalloc.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "boot/boot_info.h"


uint64_t kernel_pml4; /* mm/init.c's, which the host tests do not link */

static struct page **frames;
static void **objects;
static size_t nr_frames, nr_objects;

/* push: append @p to the growing array *@v of *@n entries. */
static void push(void ***v, size_t *n, void *p)
{
	*v = realloc(*v, (*n + 1) * sizeof(void *));
	assert_non_null(*v);
	(*v)[(*n)++] = p;
}

void hog_all(size_t size)
{
	struct page *page;
	void *obj;

	while ((page = alloc_pages(0, NR_KERNEL_MISC)))
		push((void ***)&frames, &nr_frames, page);
	while ((obj = kmalloc(size)))
		push(&objects, &nr_objects, obj);
}

void hog_return_frames(uint64_t n)
{
	assert_true(n <= nr_frames);
	while (n--)
		free_pages(frames[--nr_frames], 0, NR_KERNEL_MISC);
}

void hog_return_objects(size_t n)
{
	assert_true(n <= nr_objects);
	while (n--)
		kfree(objects[--nr_objects]);
}

void hog_release(void)
{
	hog_return_frames(nr_frames);
	hog_return_objects(nr_objects);
	free(frames);
	free(objects);
	frames = NULL;
	objects = NULL;
}

void fake_kernel_pml4(void)
{
	uint64_t pa = alloc_zeroed_page(NR_KERNEL_MISC);

	pt_seal_kernel_half(0); /* the last test's sealed root is gone: its frame may come back as ours */
	kernel_pml4 = pt_alloc_root();
	assert_int_not_equal(kernel_pml4, 0);
	assert_int_equal(map_page(kernel_pml4, BOOT_KERNEL_VMA, pa, PTE_RW | PTE_NX), 0);
}

uint8_t *user_byte(struct mm *mm, uint64_t va)
{
	uint64_t pa, flags;

	if (!translate(mm->pml4, va, &pa, &flags))
		return NULL;
	return phys_to_virt(pa);
}

/* The VFS side of file VMAs (mm/vm_file.c): no host test maps a tmpfs file. */
void vma_file_get(struct file *f)
{
	(void)f;
	panic("vma_file_get: no file VMAs on the host");
}

void vma_file_put(struct file *f)
{
	(void)f;
	panic("vma_file_put: no file VMAs on the host");
}

struct page *vma_file_page(const struct vm_area *vma, uint64_t va, int *err)
{
	(void)vma, (void)va, (void)err;
	panic("vma_file_page: no file VMAs on the host");
}

struct inode *vma_file_inode(const struct vm_area *vma)
{
	(void)vma;
	panic("vma_file_inode: no file VMAs on the host");
}
