/*
 * kernel/fs/pipe.c - pipes (Linux: fs/pipe.c, pipe(7)).
 *
 * A pipe is a byte queue between two open files, a read end and a write end:
 * a ring of PIPE_DEF_BUFFERS slots, each part of a page, as Linux's: a
 * write's leading n % PAGE_SIZE bytes join the last slot when they fit, the
 * rest go a page per slot, so the pipe holds 64 KiB of small or page-sized
 * writes and less of odd-sized large ones, exactly as on Linux. A slot's page
 * is freed when a read empties it (one is kept for the next write).
 *
 * Linux's rules (pipe(7)):
 *   - read blocks while the pipe is empty and a writer exists; returns 0
 *     (end of file) once the last writer has closed; returns what is there
 *     without waiting for more.
 *   - a write of at most PIPE_BUF bytes is atomic: it lands in one slot, so
 *     writers never interleave inside it; a larger write may be split and
 *     blocks until the whole of it has gone in.
 *   - writing with no reader left raises SIGPIPE and fails with EPIPE.
 *   - O_NONBLOCK: EAGAIN instead of waiting (a partial count for a large
 *     write that got something in).
 *   - a signal while waiting: the bytes moved so far, or -ERESTARTSYS.
 * Lock: pipe->mutex (a copy to or from user memory may sleep on a fault);
 * rd_wait and wr_wait are the readers' and writers' queues.
 */
#include "kernel/fs/pipe.h"
#include "kernel/fs/poll.h"
#include "kernel/fs/vfs.h"
#include "kernel/mutex.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/uaccess.h"
#include "kernel/time.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "mm/page_alloc.h"

#define PIPE_DEF_BUFFERS 16 /* slots in a pipe's ring (Linux's default; F_SETPIPE_SZ aside) */

/* One slot: bytes [offset, offset + len) of a page (Linux's struct pipe_buffer). */
struct pipe_buffer {
	struct page *page;
	uint32_t offset, len;
	bool can_merge; /* a later small write may append to it (PIPE_BUF_FLAG_CAN_MERGE) */
};

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue rd_wait, wr_wait;
	unsigned head, tail;          /* slots ever filled / emptied: head - tail are in use */
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS]; /* slot i is bufs[i % PIPE_DEF_BUFFERS] */
	struct page *tmp_page;        /* one emptied page kept for the next write (Linux's) */
	int readers, writers;         /* open files of each end */
	unsigned r_counter, w_counter; /* ends ever opened (a FIFO's open waits for the other side's) */
	struct wait_queue open_wait;  /* FIFO opens waiting for the other side */
	struct inode *fifo;           /* the FIFO's inode (its i_pipe is us), or NULL for pipe(2)'s */
	uint64_t ino;                 /* fstat's st_ino (Linux: pipefs inode numbers) */
	int64_t ctime;                /* creation, in seconds (fstat's times) */
	uint32_t uid, gid;            /* the creator's effective ids */
};

static uint64_t next_pipe_ino = 1;

static bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail >= PIPE_DEF_BUFFERS;
}

static struct pipe_buffer *pipe_buf(struct pipe_inode_info *pipe, unsigned slot)
{
	return &pipe->bufs[slot % PIPE_DEF_BUFFERS];
}

/* pipe_len: bytes queued in @pipe (FIONREAD). */
static uint64_t pipe_len(struct pipe_inode_info *pipe)
{
	uint64_t n = 0;

	for (unsigned i = pipe->tail; i != pipe->head; i++)
		n += pipe_buf(pipe, i)->len;
	return n;
}

/* pipe_put_page: an emptied slot's @page goes to tmp_page, or back to the buddy. */
static void pipe_put_page(struct pipe_inode_info *pipe, struct page *page)
{
	if (!pipe->tmp_page)
		pipe->tmp_page = page;
	else
		free_pages(page, 0, NR_KERNEL_MISC);
}

/* pipe_sleep: sleep on @wq with @pipe's mutex let go meanwhile. */
static void pipe_sleep(struct pipe_inode_info *pipe, struct wait_queue *wq)
{
	mutex_unlock(&pipe->mutex);
	sleep_on(wq); /* single CPU, not preemptible: no wake-up is lost between the two */
	mutex_lock(&pipe->mutex);
}

/* pipe_wait: a read or write of @f that must wait: -EAGAIN (O_NONBLOCK) or
 * -ERESTARTSYS (a signal) at once, else sleep on @wq and 0 (look again). */
static long pipe_wait(struct file *f, struct pipe_inode_info *pipe, struct wait_queue *wq)
{
	if (f->flags & O_NONBLOCK)
		return -EAGAIN;
	if (signal_pending(current))
		return -ERESTARTSYS;
	pipe_sleep(pipe, wq);
	return 0;
}

/* read_slots: move queued bytes to user @buf, up to @n, slot by slot; bytes
 * moved, or -EFAULT when none could be. pipe->mutex held; may sleep. */
static long read_slots(struct pipe_inode_info *pipe, char *buf, size_t n)
{
	size_t done = 0;

	while (done < n && !pipe_empty(pipe)) {
		struct pipe_buffer *b = pipe_buf(pipe, pipe->tail);
		size_t chunk = b->len < n - done ? b->len : n - done;
		if (copy_to_user(buf + done, (uint8_t *)page_address(b->page) + b->offset, chunk))
			return done ? (long)done : -EFAULT;
		done += chunk;
		b->offset += (uint32_t)chunk;
		b->len -= (uint32_t)chunk;
		if (!b->len) {
			pipe_put_page(pipe, b->page);
			b->page = NULL;
			pipe->tail++;
		}
	}
	return (long)done;
}

/* pipe_read: read(2) of the read end; bytes read, 0 at end of file, or -errno.
 * Returns what is queued without waiting for more (Linux's pipe_read). */
static long pipe_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	struct pipe_inode_info *pipe = f->priv;
	long ret = 0;
	(void)pos;

	if (!n)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		if (!pipe_empty(pipe)) {
			ret = read_slots(pipe, buf, n);
			wake_up(&pipe->wr_wait);
			break;
		}
		if (!pipe->writers)
			break; /* end of file */
		if ((ret = pipe_wait(f, pipe, &pipe->rd_wait)))
			break;
	}
	mutex_unlock(&pipe->mutex);
	return ret;
}

/* merge_tail: Linux's first step of a write: the @chars = n % PAGE_SIZE
 * leading bytes of a write go into the last slot if it has room for all of
 * them; bytes merged (0: none), or -EFAULT. So small writes share pages and
 * the rest of a large one goes in page-sized slots. pipe->mutex held. */
static long merge_tail(struct pipe_inode_info *pipe, const char *buf, size_t chars)
{
	if (!chars || pipe_empty(pipe))
		return 0;
	struct pipe_buffer *b = pipe_buf(pipe, pipe->head - 1);
	if (!b->can_merge || b->offset + b->len + chars > PAGE_SIZE)
		return 0;
	if (copy_from_user((uint8_t *)page_address(b->page) + b->offset + b->len, buf, chars))
		return -EFAULT;
	b->len += (uint32_t)chars;
	return (long)chars;
}

/* fill_slot: take a free slot and copy up to a page of @buf (@n bytes left)
 * into it; bytes copied, or -ENOMEM / -EFAULT. pipe->mutex held; may sleep. */
static long fill_slot(struct pipe_inode_info *pipe, const char *buf, size_t n)
{
	struct page *page = pipe->tmp_page;
	size_t chunk = n < PAGE_SIZE ? n : PAGE_SIZE;

	if (!page && !(page = alloc_pages(0, NR_KERNEL_MISC)))
		return -ENOMEM;
	pipe->tmp_page = NULL;
	if (copy_from_user(page_address(page), buf, chunk)) {
		pipe_put_page(pipe, page);
		return -EFAULT;
	}
	*pipe_buf(pipe, pipe->head++) = (struct pipe_buffer){ page, 0, (uint32_t)chunk, true };
	return (long)chunk;
}

/* pipe_write: write(2) of the write end; bytes written or -errno (see the top).
 * A write of at most PIPE_BUF bytes lands in one slot (merged or fresh), so it
 * is never split: that is Linux's atomicity. */
static long pipe_write(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	struct pipe_inode_info *pipe = f->priv;
	size_t done = 0;
	long ret = 0;
	(void)pos;

	if (!n)
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		send_signal(current, SIGPIPE);
		mutex_unlock(&pipe->mutex);
		return -EPIPE;
	}
	ret = merge_tail(pipe, buf, n % PAGE_SIZE);
	if (ret > 0) {
		done = (size_t)ret;
		wake_up(&pipe->rd_wait);
	}
	while (ret >= 0 && done < n) {
		if (!pipe->readers) {
			send_signal(current, SIGPIPE);
			ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe)) {
			ret = fill_slot(pipe, buf + done, n - done);
			if (ret > 0) {
				done += (size_t)ret;
				wake_up(&pipe->rd_wait);
			}
			continue;
		}
		if ((ret = pipe_wait(f, pipe, &pipe->wr_wait)))
			break;
	}
	mutex_unlock(&pipe->mutex);
	return done ? (long)done : ret;
}

/* pipe_poll: poll(2) of either end (Linux's pipe_poll): readable when bytes
 * are queued (or no writer is left: POLLHUP), writable when a slot is free
 * (or no reader is left: POLLERR). */
static unsigned pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe_inode_info *pipe = f->priv;
	unsigned mask = 0;
	int mode = f->flags & O_ACCMODE;

	if (mode != O_WRONLY) {
		poll_wait(&pipe->rd_wait, pt);
		if (!pipe_empty(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (mode != O_RDONLY) {
		poll_wait(&pipe->wr_wait, pt);
		if (!pipe_full(pipe))
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

/* pipe_ioctl: FIONREAD, the bytes queued (Linux's pipe_ioctl); -ENOTTY otherwise. */
static long pipe_ioctl(struct file *f, unsigned cmd, uint64_t arg)
{
	struct pipe_inode_info *pipe = f->priv;
	int n = (int)pipe_len(pipe);

	if (cmd != FIONREAD)
		return -ENOTTY;
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

/* pipe_stat: fstat(2): a FIFO of pipefs, as Linux reports it (size 0). */
static void pipe_stat(struct file *f, struct kstat *st)
{
	struct pipe_inode_info *pipe = f->priv;

	*st = (struct kstat){
		.dev = PIPEFS_DEV, .ino = pipe->ino, .nlink = 1, .mode = S_IFIFO | 0600,
		.uid = pipe->uid, .gid = pipe->gid, .blksize = PAGE_SIZE, .mtime = pipe->ctime,
	};
}

/* pipe_release: an end's last file closes: wake the other side (end of file,
 * EPIPE), free the pipe with the last end. */
static void pipe_release(struct file *f)
{
	struct pipe_inode_info *pipe = f->priv;
	int mode = f->flags & O_ACCMODE;

	if (mode != O_WRONLY)
		pipe->readers--;
	if (mode != O_RDONLY)
		pipe->writers--;
	if (pipe->readers || pipe->writers) {
		wake_up(&pipe->rd_wait);
		wake_up(&pipe->wr_wait);
		return;
	}
	if (pipe->fifo)
		pipe->fifo->i_pipe = NULL; /* the next open of the FIFO starts a new pipe, as Linux's */
	for (unsigned i = pipe->tail; i != pipe->head; i++)
		free_pages(pipe_buf(pipe, i)->page, 0, NR_KERNEL_MISC);
	if (pipe->tmp_page)
		free_pages(pipe->tmp_page, 0, NR_KERNEL_MISC);
	kfree(pipe);
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.stat = pipe_stat,
	.release = pipe_release,
};

/* alloc_pipe_info: an empty pipe with no ends (Linux's name); NULL when out of memory. */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe));

	if (!pipe)
		return NULL;
	mutex_init(&pipe->mutex);
	wait_queue_init(&pipe->rd_wait);
	wait_queue_init(&pipe->wr_wait);
	wait_queue_init(&pipe->open_wait);
	pipe->ino = next_pipe_ino++;
	pipe->ctime = (int64_t)(realtime_ns() / NSEC_PER_SEC);
	pipe->uid = current->cred.uid.eff;
	pipe->gid = current->cred.gid.eff;
	return pipe;
}

/* create_pipe_files: a new pipe's read end in @res[0] and write end in
 * @res[1], with O_NONBLOCK from @flags; 0 or -ENOMEM. */
static int create_pipe_files(struct file *res[2], int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();

	if (!pipe)
		return -ENOMEM;
	res[0] = file_alloc(&pipe_fops, O_RDONLY | (flags & O_NONBLOCK), pipe);
	res[1] = file_alloc(&pipe_fops, O_WRONLY | (flags & O_NONBLOCK), pipe);
	if (!res[0] || !res[1]) {
		kfree(res[0]);
		kfree(res[1]);
		kfree(pipe);
		return -ENOMEM;
	}
	pipe->readers = pipe->writers = 1;
	return 0;
}

long sys_pipe2(int *ufds, int flags)
{
	struct file *files[2];
	int fds[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL; /* O_DIRECT (packet mode) and O_NOTIFICATION_PIPE are not supported */
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fds[0] = fd_install_from(files[0], 0, flags & O_CLOEXEC);
	if (fds[0] < 0) {
		file_put(files[0]);
		file_put(files[1]);
		return fds[0];
	}
	fds[1] = fd_install_from(files[1], 0, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		fd_close(fds[0]);
		file_put(files[1]);
		return fds[1];
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}

bool pipe_ino(struct file *f, uint64_t *ino)
{
	if (f->ops != &pipe_fops)
		return false; /* a FIFO has a name of its own */
	*ino = ((struct pipe_inode_info *)f->priv)->ino;
	return true;
}

/* wait_for_partner: a FIFO open sleeps until the other side has opened once
 * since (its counter moved from @seen). 0, or -ERESTARTSYS on a signal. */
static int wait_for_partner(struct pipe_inode_info *pipe, const unsigned *counter, unsigned seen)
{
	while (*counter == seen) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		pipe_sleep(pipe, &pipe->open_wait);
	}
	return 0;
}

/* fifo_open: open(2) of a FIFO (Linux's fifo_open): its pipe, made by the
 * first open; O_RDONLY waits for a writer (not with O_NONBLOCK), O_WRONLY
 * waits for a reader (ENXIO with O_NONBLOCK when there is none), O_RDWR
 * never waits. */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe = inode->i_pipe;
	int mode = f->flags & O_ACCMODE, err = 0;

	if (!pipe) {
		if (!(pipe = alloc_pipe_info()))
			return -ENOMEM;
		pipe->fifo = inode;
		inode->i_pipe = pipe;
	}
	f->priv = pipe;
	mutex_lock(&pipe->mutex);
	if (mode == O_WRONLY && (f->flags & O_NONBLOCK) && !pipe->readers) {
		err = -ENXIO;
	} else {
		if (mode != O_WRONLY)
			pipe->readers++, pipe->r_counter++;
		if (mode != O_RDONLY)
			pipe->writers++, pipe->w_counter++;
		wake_up(&pipe->open_wait);
		if (mode == O_RDONLY && !(f->flags & O_NONBLOCK) && !pipe->writers)
			err = wait_for_partner(pipe, &pipe->w_counter, pipe->w_counter);
		else if (mode == O_WRONLY && !pipe->readers)
			err = wait_for_partner(pipe, &pipe->r_counter, pipe->r_counter);
		if (err) { /* interrupted: this end never opened */
			if (mode != O_WRONLY)
				pipe->readers--;
			if (mode != O_RDONLY)
				pipe->writers--;
		}
	}
	mutex_unlock(&pipe->mutex);
	if (err && !pipe->readers && !pipe->writers) {
		inode->i_pipe = NULL;
		kfree(pipe);
	}
	return err;
}

const struct file_operations fifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.stat = pipe_stat,
	.release = pipe_release,
};
