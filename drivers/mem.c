/*
 * drivers/mem.c - the memory devices (Linux: drivers/char/mem.c and the
 * /dev/random, /dev/urandom files of drivers/char/random.c), major 1:
 *   /dev/null    (1, 3)  reads end at once, writes vanish
 *   /dev/zero    (1, 5)  reads give zeros, writes vanish; mmap is anonymous memory
 *   /dev/full    (1, 7)  reads give zeros, writes fail with ENOSPC
 *   /dev/random  (1, 8), /dev/urandom (1, 9)  reads give kernel/lib/random.c's bytes
 * All seek to 0 and stay there, as Linux's null_lseek.
 */
#include "drivers/mem.h"
#include "kernel/fs/vfs.h"
#include "kernel/fs/char_dev.h"
#include "kernel/errno.h"
#include "kernel/uaccess.h"
#include "kernel/lib/random.h"

/* read_null: end of file. */
static long read_null(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return 0;
}

/* write_null: every byte accepted and dropped. */
static long write_null(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)pos;
	return (long)n;
}

/* read_zero: zeros (Linux's read_iter_zero). */
static long read_zero(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)pos;
	return clear_user(buf, n) ? -EFAULT : (long)n;
}

/* write_full: no space left (Linux's write_full). */
static long write_full(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -ENOSPC;
}

/* read_random: random bytes, a chunk at a time. */
static long read_random(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	uint8_t chunk[256];
	size_t done = 0;

	(void)f, (void)pos;
	while (done < n) {
		size_t len = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		get_random_bytes(chunk, len);
		if (copy_to_user(buf + done, chunk, len))
			return done ? (long)done : -EFAULT;
		done += len;
	}
	return (long)done;
}

/* lseek_null: every seek lands on 0 (Linux's null_lseek). */
static int64_t lseek_null(struct file *f, int64_t off, int whence)
{
	(void)off, (void)whence;
	f->pos = 0;
	return 0;
}

/* mem_stat: fstat of a memory device opened by the kernel (no inode). */
#define MEM_STAT(name, minor)                                                                   \
	static void name(struct file *f, struct kstat *st)                                     \
	{                                                                                       \
		(void)f;                                                                        \
		*st = (struct kstat){ .nlink = 1, .mode = S_IFCHR | 0666, .rdev = MKDEV(1, minor), \
				      .blksize = 4096 };                                        \
	}
MEM_STAT(null_stat, 3)
MEM_STAT(zero_stat, 5)
MEM_STAT(full_stat, 7)
MEM_STAT(random_stat, 8)
MEM_STAT(urandom_stat, 9)

static const struct file_operations null_fops = {
	.read = read_null, .write = write_null, .lseek = lseek_null, .stat = null_stat,
};
const struct file_operations zero_fops = {
	.read = read_zero, .write = write_null, .lseek = lseek_null, .stat = zero_stat,
};
static const struct file_operations full_fops = {
	.read = read_zero, .write = write_full, .lseek = lseek_null, .stat = full_stat,
};
static const struct file_operations random_fops = {
	.read = read_random, .write = write_null, .lseek = lseek_null, .stat = random_stat,
};
static const struct file_operations urandom_fops = {
	.read = read_random, .write = write_null, .lseek = lseek_null, .stat = urandom_stat,
};

static struct file *open_null(void) { return file_alloc(&null_fops, O_RDWR, NULL); }
static struct file *open_zero(void) { return file_alloc(&zero_fops, O_RDWR, NULL); }
static struct file *open_full(void) { return file_alloc(&full_fops, O_RDWR, NULL); }
static struct file *open_random(void) { return file_alloc(&random_fops, O_RDWR, NULL); }
static struct file *open_urandom(void) { return file_alloc(&urandom_fops, O_RDWR, NULL); }

const struct mem_device mem_devices[] = {
	{ "null", MKDEV(1, 3), open_null },
	{ "zero", MKDEV(1, 5), open_zero },
	{ "full", MKDEV(1, 7), open_full },
	{ "random", MKDEV(1, 8), open_random },
	{ "urandom", MKDEV(1, 9), open_urandom },
	{ NULL, 0, NULL },
};

void mem_devices_init(void)
{
	for (const struct mem_device *m = mem_devices; m->name; m++)
		register_chrdev(m->rdev, m->open);
}
