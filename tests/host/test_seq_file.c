/*
 * tests/host/test_seq_file.c - seq_read (kernel/fs/seq_file.c) over a file of
 * numbered records of varying length: reads of every size from 1 byte give
 * exactly the whole text, across record and buffer boundaries; a read costs
 * only the records it needs; an lseek (a position other than the last one)
 * regenerates and skips to it; a record bigger than a page grows the buffer,
 * one past SEQ_BUF_MAX fails with -ENOMEM; a show's error and start's
 * SEQ_ERR reach the reader; every buffer goes back to the allocator.
 */
/* host-test-sources: kernel/fs/seq_file.c kernel/mutex.c kernel/lib/vsnprintf.c kernel/lib/string.c mm/kmalloc.c mm/page_alloc.c mm/buddy.c tests/host/fake_zone.c tests/host/fake_kernel.c kernel/proc.c */
#include <stdio.h>
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/mm_test.h"
#include "kernel/fs/seq_file.h"
#include "kernel/errno.h"
#include "mm/page_alloc.h"

#define RAM_FRAMES 256
#define RECORDS    500

static uint64_t free_at_start;
static int shows;          /* show() calls: what a read cost */
static size_t big_record;  /* a record of this many bytes at index 7 (0: none) */
static int fail_at = -1;   /* show() of this index returns -EIO */
static int start_error;    /* start returns SEQ_ERR(this) when non-zero */
static char expect[64 * 1024];
static size_t expect_len;

/* copy_to_user: on the host "user" memory is ours. */
int copy_to_user(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
	return 0;
}

static void *rec_start(struct seq_file *m, uint64_t *pos)
{
	(void)m;
	if (start_error)
		return SEQ_ERR(start_error);
	return *pos < RECORDS ? (void *)(uintptr_t)(*pos + 1) : NULL;
}

static void *rec_next(struct seq_file *m, void *v, uint64_t *pos)
{
	(void)m, (void)v;
	++*pos;
	return *pos < RECORDS ? (void *)(uintptr_t)(*pos + 1) : NULL;
}

static void rec_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}

/* record: the text of record @i into @out (its length): a line whose length varies. */
static size_t record(unsigned i, char *out, size_t size)
{
	if (big_record && i == 7) {
		memset(out, 'B', big_record);
		return big_record;
	}
	return (size_t)snprintf(out, size, "record %u %.*s\n", i, (int)(i % 37), "abcdefghijklmnopqrstuvwxyz0123456789");
}

static int rec_show(struct seq_file *m, void *v)
{
	unsigned i = (unsigned)(uintptr_t)v - 1;
	char line[SEQ_BUF_MAX + 8];
	size_t n = record(i, line, sizeof(line));

	shows++;
	if ((int)i == fail_at)
		return -EIO;
	if (big_record && i == 7)
		seq_write(m, line, n);
	else
		seq_printf(m, "record %u %.*s\n", i, (int)(i % 37), "abcdefghijklmnopqrstuvwxyz0123456789");
	return 0;
}

static const struct seq_operations rec_ops = { rec_start, rec_next, rec_stop, rec_show };

/* make_expect: the whole file's text, for comparison. */
static void make_expect(void)
{
	expect_len = 0;
	for (unsigned i = 0; i < RECORDS; i++)
		expect_len += record(i, expect + expect_len, sizeof(expect) - expect_len);
}

static int setup(void **state)
{
	(void)state;
	free_at_start = host_fake_zone(RAM_FRAMES);
	shows = 0;
	big_record = 0;
	fail_at = -1;
	start_error = 0;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(page_zone.nr_free, free_at_start);
	host_fake_ram_free();
	return 0;
}

/* read_all: the file through reads of @chunk bytes; its length. */
static size_t read_all(struct seq_file *m, uint64_t *pos, char *out, size_t chunk)
{
	size_t total = 0;
	long n;

	while ((n = seq_read(m, out + total, chunk, pos)) > 0)
		total += (size_t)n;
	assert_int_equal(n, 0);
	return total;
}

/* Every read size from 1 to 300 bytes, and 64 KiB at once, gives the text. */
static void test_every_read_size(void **state)
{
	static char got[64 * 1024];

	(void)state;
	make_expect();
	for (size_t chunk = 1; chunk <= 300; chunk++) {
		struct seq_file m;
		uint64_t pos = 0;

		seq_open(&m, &rec_ops, NULL);
		assert_int_equal(read_all(&m, &pos, got, chunk), expect_len);
		assert_memory_equal(got, expect, expect_len);
		assert_int_equal(pos, expect_len);
		assert_int_equal(m.size, 4096); /* no record needed more than a page */
		seq_release(&m);
	}
	struct seq_file m;
	uint64_t pos = 0;
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(read_all(&m, &pos, got, sizeof(got)), expect_len);
	seq_release(&m);
}

/* A small read generates about a buffer's worth of records, not the file. */
static void test_read_costs_its_records(void **state)
{
	struct seq_file m;
	uint64_t pos = 0;
	char got[16];

	(void)state;
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(seq_read(&m, got, sizeof(got), &pos), 16);
	assert_true(shows <= 2); /* the records that fill 16 bytes */
	assert_int_equal(seq_read(&m, got, 5, &pos), 5);
	assert_true(shows <= 2); /* the rest of what the first read made */
	seq_release(&m);
}

/* A position other than the last read's end: regenerated from record 0, skipped to. */
static void test_lseek_regenerates(void **state)
{
	static char got[64 * 1024];
	struct seq_file m;
	uint64_t pos = 0;
	long n;

	(void)state;
	make_expect();
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(seq_read(&m, got, 100, &pos), 100);
	pos = 0; /* lseek(fd, 0, SEEK_SET) */
	assert_int_equal(seq_read(&m, got, 50, &pos), 50);
	assert_memory_equal(got, expect, 50);
	pos = 1234; /* anywhere */
	n = seq_read(&m, got, 1000, &pos);
	assert_int_equal(n, 1000);
	assert_memory_equal(got, expect + 1234, 1000);
	assert_int_equal(pos, 2234);
	pos = expect_len + 10; /* past the end */
	assert_int_equal(seq_read(&m, got, 10, &pos), 0);
	seq_release(&m);
}

/* A record of 5000 bytes grows the buffer to two pages and reads whole; one
 * of more than SEQ_BUF_MAX fails the read with -ENOMEM, after the records
 * before it were read. */
static void test_big_record(void **state)
{
	static char got[64 * 1024];
	struct seq_file m;
	uint64_t pos = 0;

	(void)state;
	big_record = 5000;
	make_expect();
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(read_all(&m, &pos, got, 777), expect_len);
	assert_memory_equal(got, expect, expect_len);
	assert_int_equal(m.size, 8192);
	seq_release(&m);

	big_record = SEQ_BUF_MAX + 1;
	seq_open(&m, &rec_ops, NULL);
	pos = 0;
	long n = seq_read(&m, got, sizeof(got), &pos);
	assert_true(n > 0); /* records 0..6 */
	assert_int_equal(seq_read(&m, got, sizeof(got), &pos), -ENOMEM);
	seq_release(&m);
}

/* A show's error, and start's SEQ_ERR, are the read's result. */
static void test_errors_reach_the_reader(void **state)
{
	struct seq_file m;
	uint64_t pos = 0;
	char got[4096];

	(void)state;
	fail_at = 0;
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(seq_read(&m, got, sizeof(got), &pos), -EIO);
	seq_release(&m);
	fail_at = -1;
	start_error = -ESRCH;
	seq_open(&m, &rec_ops, NULL);
	assert_int_equal(seq_read(&m, got, sizeof(got), &pos), -ESRCH);
	seq_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_read_size, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_costs_its_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lseek_regenerates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_big_record, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_reach_the_reader, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
