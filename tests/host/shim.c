/* tests/host/shim.c - the host side of tests/host/shim.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/page.h"
#include "mm/tlb.h"

uintptr_t host_page_offset;
struct page *mem_map;
uint64_t max_pfn;

unsigned long host_tlb_page_flushes, host_tlb_all_flushes;
uint64_t host_tlb_last_va;
char host_last_panic[256];

static void *fake_ram;

void host_fake_ram(uint64_t frames)
{
	fake_ram = aligned_alloc(PAGE_SIZE, frames * PAGE_SIZE);
	assert_non_null(fake_ram);
	memset(fake_ram, 0xa5, frames * PAGE_SIZE); /* garbage, like real RAM */
	mem_map = calloc(frames, sizeof(struct page));
	assert_non_null(mem_map);
	host_page_offset = (uintptr_t)fake_ram;
	max_pfn = frames;
}

void host_fake_ram_free(void)
{
	free(fake_ram);
	free(mem_map);
	fake_ram = NULL;
	mem_map = NULL;
	max_pfn = 0;
}

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(host_last_panic, sizeof(host_last_panic), fmt, ap);
	va_end(ap);
	if (getenv("HOST_VERBOSE"))
		fprintf(stderr, "panic: %s\n", host_last_panic);
	mock_assert(0, host_last_panic, __FILE__, __LINE__);
	abort(); /* not reached when the test expected the panic */
}

void vprintk(int level, const char *fmt, va_list ap)
{
	if (getenv("HOST_VERBOSE")) {
		fprintf(stderr, "<%d>", level);
		vfprintf(stderr, fmt, ap);
	}
}

void printk(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintk(level, fmt, ap);
	va_end(ap);
}

void flush_tlb_page(uint64_t va)
{
	host_tlb_page_flushes++;
	host_tlb_last_va = va;
}

void flush_tlb_all(void)
{
	host_tlb_all_flushes++;
}

/* strlcpy: the kernel's (kernel/lib/string.h), which Debian 12's glibc does not have yet. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
