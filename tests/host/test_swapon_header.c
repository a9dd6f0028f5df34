/*
 * tests/host/test_swapon_header.c - recognising Linux swap headers: one laid
 * out in memory the way util-linux mkswap writes it, then broken one way at a
 * time; each refusal must name its reason, and the bad-page list must come
 * back sorted, without repeats, and be found by the lookup.
 */
/* host-test-sources: mm/swapon_header.c */
#include <string.h>
#include "tests/host/shim.h"
#include "mm/swapon_header.h"

#define DISK_PAGES 256 /* a 1 MiB disk, as `truncate -s 1M; mkswap` */
#define DISK_BYTES ((uint64_t)DISK_PAGES * SWAP_PAGE_SIZE)

static uint8_t disk[SWAP_HEADER_SCAN];
static struct swap_header_info info;
static uint32_t bad[SWAP_MAX_BADPAGES];

/* put32: store the little-endian @v at byte @off of the disk. */
static void put32(size_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		disk[off + i] = (uint8_t)(v >> (8 * i));
}

/* make_header: what mkswap -L swaptest writes on a disk of @pages pages of @page_size bytes. */
static void make_header(uint32_t page_size, uint32_t pages)
{
	memset(disk, 0, sizeof(disk));
	put32(1024, 1);             /* version */
	put32(1028, pages - 1);     /* last_page */
	put32(1032, 0);             /* nr_badpages */
	memset(disk + 1036, 0xab, 16);
	memcpy(disk + 1052, "swaptest", 8);
	memcpy(disk + page_size - 10, "SWAPSPACE2", 10);
}

/* set_bad: a bad-page list of @n entries. */
static void set_bad(const uint32_t *pages, uint32_t n)
{
	put32(1032, n);
	for (uint32_t i = 0; i < n; i++)
		put32(1536 + 4 * i, pages[i]);
}

/* parse: the verdict on the first @len bytes of the disk, of @disk_bytes in all. */
static enum swap_header_error parse(size_t len, uint64_t disk_bytes)
{
	return swap_header_parse(disk, len, disk_bytes, &info, bad);
}

static void test_mkswap_header_is_accepted(void **state)
{
	(void)state;
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_OK);
	assert_int_equal(info.version, 1);
	assert_int_equal(info.last_page, DISK_PAGES - 1);
	assert_int_equal(info.nr_bad, 0);
	assert_int_equal(info.nr_good, DISK_PAGES - 1); /* page 0 is the header */
	assert_string_equal(info.label, "swaptest");
	assert_int_equal(info.uuid[15], 0xab);
	/* one page is all the parser needs for a header of our page size */
	assert_int_equal(parse(SWAP_PAGE_SIZE, DISK_BYTES), SWAP_HEADER_OK);
}

static void test_missing_signature(void **state)
{
	(void)state;
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	memcpy(disk + SWAP_PAGE_SIZE - 10, "SWAPSPACE3", 10);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_NO_SIGNATURE);
	memset(disk, 0, sizeof(disk)); /* a blank disk */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_NO_SIGNATURE);
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	memcpy(disk + SWAP_PAGE_SIZE - 10, "SWAP-SPACE", 10);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_OLD_FORMAT);
}

static void test_wrong_version(void **state)
{
	(void)state;
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	put32(1024, 2);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_VERSION);
	assert_int_equal(info.version, 2);
	put32(1024, 0);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_VERSION);
	put32(1024, 0x01000000); /* version 1 from a big-endian mkswap */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_BYTE_SWAPPED);
}

static void test_page_size_mismatch(void **state)
{
	(void)state;
	static const uint32_t sizes[] = { 8192, 16384, 65536 };
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		make_header(sizes[i], 16);
		assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_PAGE_SIZE);
		assert_int_equal(info.page_size, sizes[i]);
		/* read only one page, the other page size's signature is out of sight */
		assert_int_equal(parse(SWAP_PAGE_SIZE, DISK_BYTES), SWAP_HEADER_NO_SIGNATURE);
	}
}

static void test_area_against_the_disk(void **state)
{
	(void)state;
	make_header(SWAP_PAGE_SIZE, DISK_PAGES + 1); /* one page longer than the disk */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_BEYOND_DISK);
	assert_int_equal(info.last_page, DISK_PAGES);
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);      /* shorter than the disk is fine */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES + 3 * SWAP_PAGE_SIZE), SWAP_HEADER_OK);
	make_header(SWAP_PAGE_SIZE, 0xffffffffu);     /* last_page + 1 must not wrap */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_BEYOND_DISK);
	make_header(SWAP_PAGE_SIZE, 1);               /* last_page 0 */
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_EMPTY);
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	assert_int_equal(parse(sizeof(disk), SWAP_PAGE_SIZE - 512), SWAP_HEADER_SHORT);
	assert_int_equal(parse(SWAP_PAGE_SIZE - 512, DISK_BYTES), SWAP_HEADER_SHORT);
}

static void test_bad_page_list(void **state)
{
	(void)state;
	static const uint32_t list[] = { 200, 5, 3, 5, 255 };
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	set_bad(list, 5);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_OK);
	assert_int_equal(info.nr_badpages, 5);
	assert_int_equal(info.nr_bad, 4); /* 5 listed twice counts once */
	assert_int_equal(info.nr_good, DISK_PAGES - 1 - 4);
	assert_int_equal(bad[0], 3);
	assert_int_equal(bad[1], 5);
	assert_int_equal(bad[2], 200);
	assert_int_equal(bad[3], 255);
	for (uint64_t page = 0; page < DISK_PAGES + 2; page++)
		assert_int_equal(swap_bad_lookup(bad, info.nr_bad, page),
				 page == 3 || page == 5 || page == 200 || page == 255);
	assert_false(swap_bad_lookup(bad, 0, 3));
}

static void test_bad_page_out_of_range(void **state)
{
	(void)state;
	static const uint32_t zero[] = { 7, 0 }, past[] = { 7, DISK_PAGES };
	make_header(SWAP_PAGE_SIZE, DISK_PAGES);
	set_bad(zero, 2);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_BAD_PAGE);
	assert_int_equal(info.bad_entry, 0);
	set_bad(past, 2);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_BAD_PAGE);
	assert_int_equal(info.bad_entry, DISK_PAGES);
}

static void test_bad_page_count(void **state)
{
	(void)state;
	static uint32_t many[SWAP_MAX_BADPAGES];
	for (uint32_t i = 0; i < SWAP_MAX_BADPAGES; i++)
		many[i] = SWAP_MAX_BADPAGES - i; /* descending: the sort has work to do */
	make_header(SWAP_PAGE_SIZE, 1000);
	set_bad(many, SWAP_MAX_BADPAGES);     /* exactly as many as fit */
	assert_int_equal(parse(sizeof(disk), 1000 * SWAP_PAGE_SIZE), SWAP_HEADER_OK);
	assert_int_equal(info.nr_bad, SWAP_MAX_BADPAGES);
	assert_int_equal(bad[0], 1);
	assert_int_equal(bad[SWAP_MAX_BADPAGES - 1], SWAP_MAX_BADPAGES);
	put32(1032, SWAP_MAX_BADPAGES + 1);   /* one more would overlap the signature */
	assert_int_equal(parse(sizeof(disk), 1000 * SWAP_PAGE_SIZE), SWAP_HEADER_TOO_MANY_BAD);
	make_header(SWAP_PAGE_SIZE, 3);       /* pages 1 and 2, both bad */
	set_bad((const uint32_t[]){ 2, 1 }, 2);
	assert_int_equal(parse(sizeof(disk), DISK_BYTES), SWAP_HEADER_ALL_BAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mkswap_header_is_accepted),
		cmocka_unit_test(test_missing_signature),
		cmocka_unit_test(test_wrong_version),
		cmocka_unit_test(test_page_size_mismatch),
		cmocka_unit_test(test_area_against_the_disk),
		cmocka_unit_test(test_bad_page_list),
		cmocka_unit_test(test_bad_page_out_of_range),
		cmocka_unit_test(test_bad_page_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
