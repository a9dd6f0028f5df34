/*
 * drivers/virtio_blk.h - virtio block devices (virtio 1.1, 5.2 "Block Device")
 * on the modern PCI transport: QEMU's `-device virtio-blk-pci,disable-legacy=on`.
 * Disks are named vda, vdb, ... in PCI scan order, as Linux names them.
 *
 * I/O moves whole 512-byte sectors between the disk and a physically contiguous
 * buffer. The caller sleeps until the interrupt handler sees the device finish
 * its request; the idle process (the boot context, before anything else runs,
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

/* One request slot: descriptors 3*i .. 3*i+2 and req[i]. */
struct virtio_blk_slot {
	bool busy;            /* owned by a caller of virtio_blk_rw */
	volatile bool done;   /* the device returned it (set by the interrupt handler) */
	struct wait_queue wq; /* its caller sleeps here */
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
	struct virtio_blk_stats stats;
};

/* virtio_blk_init: probe every virtio-blk PCI device (pci_init and sched_init first). Boot, once. */
void virtio_blk_init(void);

/* virtio_blk_get: disk number @index (0 is vda), or NULL when there are fewer disks. */
struct virtio_blk *virtio_blk_get(unsigned index);

/* virtio_blk_capacity: the size of @d in 512-byte sectors. */
static inline uint64_t virtio_blk_capacity(const struct virtio_blk *d) { return d->capacity; }

/*
 * virtio_blk_rw: read (or with @write, write) @len bytes, a multiple of 512, at
 * @sector of @d into (from) the physically contiguous buffer at @pa. Sleeps until
 * the device is done. 0, or -EIO on a device error or a range beyond the disk.
 * Process context (or the idle process at boot); any number of callers at once.
 */
int virtio_blk_rw(struct virtio_blk *d, uint64_t sector, uint64_t pa, uint32_t len, bool write);

/* virtio_blk_irq: the INTx handler, for every disk on the line that fired (drivers/virtio_blk_io.c). */
void virtio_blk_irq(struct trap_frame *f);

#endif
