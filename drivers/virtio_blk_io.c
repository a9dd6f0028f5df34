/*
 * drivers/virtio_blk_io.c - virtio-blk requests and their completion (see
 * virtio_blk.h; virtio 1.1, 5.2.6 "Device Operation").
 *
 * A request is a chain of three descriptors: the 16-byte header (type,
 * sector) the device reads, the data (read by the device for a write, written
 * for a read), and one status byte the device writes last. Request slot i owns
 * descriptors 3i..3i+2 and header i for its whole life, so no descriptor free
 * list is needed and a used-ring entry's head id names its slot: id / 3.
 *
 * Completion: the device puts the head in the used ring, sets bit 0 of its
 * ISR status and raises its INTx line. The handler reads the ISR (which
 * lowers the line: the PIC input is level-triggered, so it must be low again
 * before the EOI or the interrupt repeats), collects every used entry, puts
 * each result in its caller's struct virtio_blk_io, frees the slot and wakes
 * the callers. Results go to the caller's memory rather than staying in the
 * slot until collected: a caller with several requests started and not yet
 * waited for would otherwise hold slots that another caller sleeps for, and
 * two such callers could wait for each other forever.
 *
 * Lock: the slots, the available ring and the counters change with interrupts
 * off; the handler runs with interrupts off too. A caller sleeps with them off,
 * as kernel/wait.h's loop does: the check and the sleep cannot be split by the
 * very interrupt that would end the wait.
 */
#include "drivers/virtio_blk.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pic.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/sched.h"

#define VIRTIO_BLK_T_IN  0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_S_OK  0
#define STATUS_UNSET     0xff /* no status the device writes: a request it dropped reads as an error */
#define ISR_QUEUE        1
#define ISR_CONFIG       2

static void finish(struct virtio_blk *d, unsigned s);

/* service: acknowledge @d's interrupt and finish every request the device returned.
 * Returns the ISR status (0: the interrupt was not @d's). Interrupts off. */
static uint8_t service(struct virtio_blk *d)
{
	uint8_t isr = virtio_pci_isr(&d->vp);
	uint32_t id, len;
	bool finished = false;

	while (vq_pop_used(&d->vq, &id, &len)) {
		unsigned s = id / VIRTIO_BLK_DESC_PER_REQ;
		if (id % VIRTIO_BLK_DESC_PER_REQ || s >= d->nr_slots || !d->slot[s].busy) {
			pr_err("virtio_blk %s: device returned descriptor %u, no request in flight; ignored\n",
			       d->name, id);
			continue;
		}
		finish(d, s);
		finished = true;
	}
	if (finished)
		wake_up(&d->done_wq);
	return isr;
}

void virtio_blk_irq(struct trap_frame *f)
{
	unsigned irq = (unsigned)(f->vector - IRQ_BASE_VECTOR);
	struct virtio_blk *d;

	for (unsigned i = 0; (d = virtio_blk_get(i)); i++) {
		if (d->irq != irq)
			continue;
		uint8_t isr = service(d);
		if (isr & ISR_QUEUE)
			d->stats.irqs++;
		if (isr & ISR_CONFIG) /* a resize (QEMU's block_resize): the size stays the one read at boot */
			pr_warn("virtio_blk %s: configuration changed, ignored (capacity stays %lu sectors)\n",
				d->name, d->capacity);
	}
}

/*
 * wait_step: wait a little for @d. Interrupts off, as on entry. A process
 * sleeps on @wq until the interrupt handler wakes it. The idle process (pid 0:
 * the boot context, e.g. reading the swap header) cannot sleep, since nothing
 * would be left to run: it halts with interrupts on until the next interrupt,
 * the device's completion among them (sti's one-instruction shadow keeps it
 * from arriving between the caller's check and the hlt, SDM Vol. 2B "STI").
 */
static void wait_step(struct virtio_blk *d, struct wait_queue *wq)
{
	if (current->pid == 0) {
		safe_halt();
		cli();
		return;
	}
	d->stats.sleeps++;
	sleep_on(wq);
}

/* slot_get: a free request slot of @d, waiting for one if all are busy; now the caller's. Interrupts off. */
static unsigned slot_get(struct virtio_blk *d)
{
	for (;;) {
		for (unsigned s = 0; s < d->nr_slots; s++) {
			if (!d->slot[s].busy) {
				d->slot[s].busy = true;
				return s;
			}
		}
		wait_step(d, &d->slot_wq);
	}
}

/* submit: fill slot @s's header and chain for @io, hand it to the device and ring the doorbell. Interrupts off. */
static void submit(struct virtio_blk *d, unsigned s, uint64_t sector, uint64_t pa, uint32_t len, bool write,
		   struct virtio_blk_io *io)
{
	struct virtio_blk_req *r = &d->req[s];
	uint64_t r_pa = d->req_pa + s * sizeof(*r);
	const struct vq_buf bufs[VIRTIO_BLK_DESC_PER_REQ] = {
		{ r_pa, __builtin_offsetof(struct virtio_blk_req, status), false },
		{ pa, len, !write },
		{ r_pa + __builtin_offsetof(struct virtio_blk_req, status), 1, true },
	};

	d->slot[s] = (struct virtio_blk_slot){ .busy = true, .io = io, .write = write, .len = len, .sector = sector };
	io->done = false;
	r->type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
	r->reserved = 0;
	r->sector = sector;
	r->status = STATUS_UNSET;
	vq_post(&d->vq, (uint16_t)(s * VIRTIO_BLK_DESC_PER_REQ), bufs, VIRTIO_BLK_DESC_PER_REQ);
	virtio_pci_notify(&d->vp);
	if (++d->stats.in_flight > d->stats.max_in_flight)
		d->stats.max_in_flight = d->stats.in_flight;
}

/* finish: the device returned slot @s: its result goes to the caller's io, counted;
 * the slot goes back and a waiter for one is woken. Interrupts off (the handler). */
static void finish(struct virtio_blk *d, unsigned s)
{
	struct virtio_blk_slot *slot = &d->slot[s];
	uint8_t status = d->req[s].status;

	d->stats.in_flight--;
	if (slot->write)
		d->stats.writes++;
	else
		d->stats.reads++;
	slot->io->err = 0;
	if (status != VIRTIO_BLK_S_OK) {
		d->stats.errors++;
		slot->io->err = -EIO;
		pr_err("%s: I/O error, dev %s, sector %lu op 0x%x:(%s) len %u, status %u\n", d->name, d->name,
		       slot->sector, slot->write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN,
		       slot->write ? "WRITE" : "READ", slot->len, status);
	}
	slot->io->done = true;
	slot->busy = false;
	wake_up(&d->slot_wq);
}

/* start: virtio_blk_start with interrupts off (its checks, a slot, the submission). */
static int start(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write,
		 struct virtio_blk_io *io)
{
	if (!len || len % VIRTIO_BLK_SECTOR)
		panic("virtio_blk_start: %u bytes is not a whole number of sectors", len);
	if (sector >= d->capacity || len / VIRTIO_BLK_SECTOR > d->capacity - sector) {
		pr_err("%s: access beyond end of device: sector %lu, %u bytes, disk of %lu sectors\n",
		       d->name, sector, len, d->capacity);
		*io = (struct virtio_blk_io){ .done = true, .err = -EIO };
		return -EIO;
	}
	submit(d, slot_get(d), sector, pa, len, write, io);
	return 0;
}

/* wait: virtio_blk_wait with interrupts off. */
static int wait(struct virtio_blk *d, struct virtio_blk_io *io)
{
	while (!io->done)
		wait_step(d, &d->done_wq);
	return io->err;
}

int virtio_blk_start(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write,
		     struct virtio_blk_io *io)
{
	uint64_t irq = irq_save();
	int err = start(d, sector, pa, len, write, io);

	irq_restore(irq);
	return err;
}

int virtio_blk_wait(struct virtio_blk *d, struct virtio_blk_io *io)
{
	uint64_t irq = irq_save();
	int err = wait(d, io);

	irq_restore(irq);
	return err;
}

/* virtio_blk_rw: one request, started and waited for with interrupts off throughout,
 * so the caller always sleeps for it (its completion cannot come in between). */
int virtio_blk_rw(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write)
{
	struct virtio_blk_io io;
	uint64_t irq = irq_save();
	int err = start(d, sector, pa, len, write, &io);

	if (!err)
		err = wait(d, &io);
	irq_restore(irq);
	return err;
}
