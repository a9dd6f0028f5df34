/*
 * drivers/virtio_blk.h - virtio block devices (virtio 1.1, 5.2 "Block Device")
 * on the modern PCI transport: QEMU's `-device virtio-blk-pci,disable-legacy=on`.
 * Disks are named vda, vdb, ... in PCI scan order, as Linux names them.
 *
 * I/O moves whole 512-byte sectors between the disk and a physically contiguous
 * buffer. A caller starts requests and sleeps until the interrupt handler
 * sees the device finish them; the idle process (the boot context, before anything else runs,
 * e.g. reading the swap header), which cannot sleep, halts until that
 * interrupt instead. Up to nr_slots requests are in flight at once, from any number of
 * processes and kernel threads; a caller that finds every slot busy sleeps
 * until one is free.
 * Lock: interrupts off around the slots and the rings (single CPU).
 */
#ifndef DRIVERS_VIRTIO_BLK_H
#define DRIVERS_VIRTIO_BLK_H

#include <stdint.h>
#include <stdbool.h>
#include "drivers/virtio_pci.h"
#include "drivers/virtqueue.h"
#include "kernel/wait.h"

#define VIRTIO_BLK_SECTOR    512
#define VIRTIO_BLK_MAX_DISKS 4
#define VIRTIO_BLK_DESC_PER_REQ 3 /* header, data, status */
#define VIRTIO_BLK_MAX_SLOTS (VQ_MAX_SIZE / VIRTIO_BLK_DESC_PER_REQ)

/* What the device reads and writes besides the data, in DMA-able memory (virtio 1.1, 5.2.6). */
struct virtio_blk_req {
	uint32_t type;     /* VIRTIO_BLK_T_IN (read) or _OUT (write) */
	uint32_t reserved;
	uint64_t sector;   /* in 512-byte units, whatever the device's block size */
	uint8_t status;    /* written by the device: VIRTIO_BLK_S_OK, _IOERR, _UNSUPP */
};

/* A request as its caller sees it: the caller's memory, filled in when the
 * device has finished it (Linux: a bio and its bi_status). */
struct virtio_blk_io {
	volatile bool done; /* set by the completion interrupt */
	int err;            /* then: 0, or -EIO */
};

/* One request slot: descriptors 3*i .. 3*i+2 and req[i], busy from the
 * request's start to its completion (the interrupt frees it, so a caller
 * holding unwaited requests never keeps a slot another caller waits for). */
struct virtio_blk_slot {
	bool busy;
	struct virtio_blk_io *io; /* whose request it is */
	bool write;               /* what it asked, for the error message */
	uint32_t len;
	uint64_t sector;
};

struct virtio_blk_stats {
	uint64_t reads, writes, errors; /* requests finished */
	uint64_t irqs;                  /* interrupts that found this disk's ISR set */
	uint64_t sleeps;                /* sleep_on calls, waiting for a slot or a request */
	unsigned in_flight, max_in_flight;
};

struct virtio_blk {
	char name[8];                   /* "vda" */
	struct virtio_pci vp;
	struct virtqueue vq;
	uint64_t capacity;              /* in 512-byte sectors */
	unsigned irq;
	unsigned nr_slots;              /* requests in flight at most: vq.size / 3 */
	struct virtio_blk_req *req;     /* nr_slots of them, in one zeroed frame ... */
	uint64_t req_pa;                /* ... at this physical address */
	struct virtio_blk_slot slot[VIRTIO_BLK_MAX_SLOTS];
	struct wait_queue slot_wq;      /* callers waiting for a free slot */
	struct wait_queue done_wq;      /* callers waiting for their requests to finish */
	struct virtio_blk_stats stats;
};

/* virtio_blk_init: probe every virtio-blk PCI device (pci_init and sched_init first). Boot, once. */
void virtio_blk_init(void);

/* virtio_blk_get: disk number @index (0 is vda), or NULL when there are fewer disks. */
struct virtio_blk *virtio_blk_get(unsigned index);

/* virtio_blk_capacity: the size of @d in 512-byte sectors. */
static inline uint64_t virtio_blk_capacity(const struct virtio_blk *d) { return d->capacity; }

/*
 * virtio_blk_start: hand @d a read (with @write, a write) of @len bytes, a
 * multiple of 512, at @sector into (from) the physically contiguous buffer at
 * @pa, and return without waiting for it; @io (the caller's, kept until the
 * request is done) tells when it is done and how it went. 0, or -EIO for a
 * range beyond the disk (@io is then done with that error). Sleeps only
 * while every slot is busy. A caller may start several requests and then
 * wait for each, so the disk has them all at once (Linux plugs a batch of
 * bios the same way). Process context (or the idle process at boot).
 */
int virtio_blk_start(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write,
		     struct virtio_blk_io *io);

/* virtio_blk_wait: sleep until the request of @io is done: 0, or -EIO on a device error. */
int virtio_blk_wait(struct virtio_blk *d, struct virtio_blk_io *io);

/* virtio_blk_rw: virtio_blk_start then virtio_blk_wait: one request, synchronously. */
int virtio_blk_rw(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write);

/* virtio_blk_irq: the INTx handler, for every disk on the line that fired (drivers/virtio_blk_io.c). */
void virtio_blk_irq(struct trap_frame *f);

#endif
