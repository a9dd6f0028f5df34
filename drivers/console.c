/*
 * drivers/console.c - the console file and its line discipline (see console.h).
 *
 * Input is Linux's canonical mode with the default termios (ICRNL ECHO ECHOE
 * ISIG ICANON): bytes from the UART are edited in a ring buffer in interrupt
 * context; a completed line (Enter, or Ctrl-D) becomes readable, and read()
 * returns at most one line. The ring holds, in order:
 *
 *   tail ......... canon ......... head
 *   completed lines  | the line being edited
 *
 * A Ctrl-D is stored as a mark that ends a line without being delivered, so a
 * Ctrl-D on an empty line reads as end-of-file (0), as on Linux.
 * Lock: the ring changes in the IRQ handler and, with interrupts off, in read().
 */
#include "drivers/console.h"
#include "drivers/serial.h"
#include "kernel/fs/vfs.h"
#include "kernel/fs/char_dev.h"
#include "kernel/fs/poll.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/uaccess.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"

#define TTY_BUF_SIZE 4096 /* power of two: N_TTY_BUF_SIZE */
#define CHUNK 256         /* bytes per copy through the kernel stack */

#define CTRL(c) ((c) & 0x1f)
#define CHAR_INTR  CTRL('C') /* VINTR */
#define CHAR_EOF   CTRL('D') /* VEOF */
#define CHAR_BS    CTRL('H')
#define CHAR_ERASE 0x7f      /* VERASE (DEL); Backspace (^H) erases too */

static char ring[TTY_BUF_SIZE];
static uint32_t tail, canon, head; /* free-running; index with % TTY_BUF_SIZE */
static struct wait_queue readers = WAIT_QUEUE_INIT(readers);

/* echo: show @n bytes of @s on the terminal ("\n" goes out as "\r\n": ONLCR). */
static void echo(const char *s, size_t n)
{
	serial_write(s, n);
}

/* put: append @c to the line being edited, if the ring has more than @reserve
 * free bytes (a line delimiter may use the last one). false when full. */
static bool put(char c, uint32_t reserve)
{
	if (TTY_BUF_SIZE - (head - tail) <= reserve)
		return false;
	ring[head++ % TTY_BUF_SIZE] = c;
	return true;
}

/* end_line: append the delimiter @c ('\n' or the Ctrl-D mark) and make the line readable. */
static void end_line(char c)
{
	if (put(c, 0))
		canon = head;
}

/* interrupt_all: Ctrl-C: SIGINT to every process but init. The shell and init
 * ignore SIGINT themselves, so this reaches the program in the foreground (our
 * stand-in for Linux's foreground process group). IRQ context. */
static void interrupt_all(void)
{
	struct list_head *it;
	list_for_each(it, &process_list) {
		struct process *p = list_entry(it, struct process, all);
		if (p->pid != 1 && !p->kthread)
			send_signal(p, SIGINT);
	}
}

/* receive_char: canonical-mode handling of one received byte @c (IRQ context). */
static void receive_char(char c)
{
	if (c == '\r')
		c = '\n'; /* ICRNL: Enter sends CR */
	switch (c) {
	case CHAR_INTR:
		echo("^C\n", 3);
		tail = canon = head; /* ISIG flushes the input queue */
		interrupt_all();
		break;
	case CHAR_ERASE:
	case CHAR_BS:
		if (head != canon) {
			head--;
			echo("\b \b", 3); /* ECHOE: erase it on the screen too */
		}
		break;
	case '\n':
		echo("\n", 1);
		end_line('\n');
		break;
	case CHAR_EOF:
		end_line(CHAR_EOF);
		break;
	default:
		if (((unsigned char)c >= ' ' || c == '\t') && put(c, 1))
			echo(&c, 1);
		break; /* other control characters are dropped */
	}
}

/* console_irq: COM1 has received data: run each byte through the line discipline,
 * and wake readers when a line is complete. IRQ context, interrupts off. */
static void console_irq(struct trap_frame *f)
{
	int c;
	(void)f;
	while ((c = serial_getc_nowait()) >= 0)
		receive_char((char)c);
	if (canon != tail)
		wake_up(&readers);
}

/* take_line: move up to @max bytes of the first completed line into @out. Stops
 * after its '\n' (delivered) or Ctrl-D mark (consumed, not delivered); *@end tells
 * whether the line (or all completed input) is used up. Interrupts off. */
static size_t take_line(char *out, size_t max, bool *end)
{
	size_t got = 0;
	*end = true;
	while (tail != canon) {
		if (got == max) {
			*end = false;
			break;
		}
		char c = ring[tail++ % TTY_BUF_SIZE];
		if (c == CHAR_EOF)
			break;
		out[got++] = c;
		if (c == '\n')
			break;
	}
	return got;
}

/* wait_for_line: sleep until a completed line is readable. 0, -EAGAIN (O_NONBLOCK)
 * or -ERESTARTSYS (a signal came first). Interrupts off. */
static int wait_for_line(const struct file *f)
{
	while (canon == tail) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (signal_pending(current))
			return -ERESTARTSYS;
		sleep_on(&readers);
	}
	return 0;
}

/* console_read: read(2): block until a line is complete, then return up to @n
 * bytes of it (0 for a Ctrl-D on an empty line: end of file). */
static long console_read(struct file *f, char *buf, size_t n, uint64_t *pos)
{
	char chunk[CHUNK];
	size_t done = 0;
	bool end = false;
	(void)pos;
	while (done < n && !end) {
		uint64_t irq = irq_save();
		int err = done ? 0 : wait_for_line(f);
		size_t got = err ? 0 : take_line(chunk, n - done < CHUNK ? n - done : CHUNK, &end);
		irq_restore(irq);
		if (err)
			return err;
		if (copy_to_user(buf + done, chunk, got))
			return done ? (long)done : -EFAULT;
		done += got;
	}
	return (long)done;
}

/* console_write: write(2): the user's bytes to the serial port. */
static long console_write(struct file *f, const char *buf, size_t n, uint64_t *pos)
{
	char chunk[CHUNK];
	size_t done = 0;
	(void)f, (void)pos;
	while (done < n) {
		size_t len = n - done < CHUNK ? n - done : CHUNK;
		if (copy_from_user(chunk, buf + done, len))
			return done ? (long)done : -EFAULT;
		serial_write(chunk, len);
		done += len;
	}
	return (long)done;
}

/* console_poll: poll(2): readable once a line is complete; always writable. */
static unsigned console_poll(struct file *f, struct poll_table *pt)
{
	(void)f;
	poll_wait(&readers, pt);
	return (canon != tail ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

/* console_stat: fstat(2): a character device, as Linux's /dev/console (5, 1). */
static void console_stat(struct file *f, struct kstat *st)
{
	(void)f;
	*st = (struct kstat){
		.nlink = 1, .mode = S_IFCHR | 0600, .rdev = CONSOLE_DEV, .blksize = 1024,
	};
}

static const struct file_operations console_ops = {
	.read = console_read,
	.write = console_write,
	.poll = console_poll,
	.stat = console_stat,
};

struct file *console_open(void)
{
	return file_alloc(&console_ops, O_RDWR | O_LARGEFILE, NULL);
}

void console_init(void)
{
	while (serial_getc_nowait() >= 0)
		; /* drop whatever arrived before anyone could read it */
	if (irq_register(IRQ_COM1, console_irq))
		panic("console_init: COM1's IRQ %u is taken", IRQ_COM1);
	serial_enable_rx_irq();
	register_chrdev(CONSOLE_DEV, console_open); /* what opening /dev/console gives */
	register_chrdev(TTY_DEV, console_open);     /* and /dev/tty: every process's terminal is the console */
}
