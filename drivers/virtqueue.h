/*
 * drivers/virtqueue.h - one split virtqueue, the driver's side (virtio 1.1,
 * 2.6 "Split Virtqueues"). Three parts in guest memory, all little-endian
 * (x86 is too):
 *   descriptor table  size entries {addr, len, flags, next}: the buffers;
 *   available ring    driver -> device: heads of descriptor chains to process;
 *   used ring         device -> driver: heads it finished, with bytes written.
 * The caller owns the descriptors and decides which it uses for a request (the
 * block driver gives each request slot a fixed run of three); this file fills
 * them, publishes chains and collects completions. Telling the device
 * ("notify") belongs to the transport (drivers/virtio_pci.h).
 * Lock: vq_post from process context and vq_pop_used from the interrupt
 * handler touch different rings; callers keep interrupts off around each.
 */
#ifndef DRIVERS_VIRTQUEUE_H
#define DRIVERS_VIRTQUEUE_H

#include <stdint.h>
#include <stdbool.h>

#define VQ_MAX_SIZE 128 /* descriptors: the three parts then fit one 4 KiB page */

struct vring_desc {
	uint64_t addr;  /* guest physical */
	uint32_t len;
	uint16_t flags; /* VRING_DESC_F_* */
	uint16_t next;  /* the chain's next descriptor, with F_NEXT */
};
#define VRING_DESC_F_NEXT  1 /* the chain continues at .next */
#define VRING_DESC_F_WRITE 2 /* the device writes this buffer (else reads it) */

struct vring_avail {
	uint16_t flags;
	uint16_t idx;    /* where the driver puts the next entry (free-running, mod 2^16) */
	uint16_t ring[]; /* then used_event, unused without VIRTIO_F_EVENT_IDX */
};

struct vring_used_elem {
	uint32_t id;  /* head of the finished chain */
	uint32_t len; /* bytes the device wrote into it */
};

struct vring_used {
	uint16_t flags;
	uint16_t idx; /* where the device puts the next entry */
	struct vring_used_elem ring[];
};

struct virtqueue {
	uint16_t size;       /* descriptors: a power of 2, at most VQ_MAX_SIZE */
	uint16_t avail_idx;  /* our copy of avail->idx */
	uint16_t last_used;  /* used entries consumed so far (mod 2^16) */
	struct vring_desc *desc;
	struct vring_avail *avail;
	volatile struct vring_used *used; /* written by the device behind our back */
	uint64_t desc_pa, avail_pa, used_pa; /* what the transport tells the device */
};

/* One buffer of a chain. */
struct vq_buf {
	uint64_t pa;        /* physically contiguous */
	uint32_t len;
	bool device_writes; /* the device fills it (a read from the disk, a status byte) */
};

/* vq_init: lay out a zeroed ring of @size descriptors in one new frame. 0 or -ENOMEM. */
int vq_init(struct virtqueue *vq, uint16_t size);

/* vq_free: give the ring's frame back; the device must no longer use it (reset). */
void vq_free(struct virtqueue *vq);

/* vq_post: chain @bufs[0..@n) into descriptors @head, @head+1, ... and make the
 * chain available to the device. The caller owns those descriptors until the
 * device returns @head through the used ring. */
void vq_post(struct virtqueue *vq, uint16_t head, const struct vq_buf *bufs, unsigned n);

/* vq_pop_used: take the next finished chain: its head in *@id, the bytes the
 * device wrote in *@len; false when the device has finished nothing new. */
bool vq_pop_used(struct virtqueue *vq, uint32_t *id, uint32_t *len);

#endif
