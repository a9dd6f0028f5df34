/*
 * drivers/virtqueue.c - the split virtqueue's memory and its two rings (see
 * virtqueue.h). Layout in the one frame, with the alignments the spec requires
 * (virtio 1.1, 2.6 "Split Virtqueues": table 16, available ring 2, used ring 4):
 *   0            descriptor table, 16 * size bytes
 *   16 * size    available ring, 6 + 2 * size bytes
 *   then, 4-aligned, the used ring, 6 + 8 * size bytes
 * For 128 descriptors that ends at byte 3342.
 */
#include "drivers/virtqueue.h"
#include "arch/x86_64/mmio.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "mm/page.h"
#include "mm/page_alloc.h"

#define RING_ALIGN_USED 4

int vq_init(struct virtqueue *vq, uint16_t size)
{
	uint64_t avail_off = 16ull * size;
	uint64_t used_off = (avail_off + 6 + 2ull * size + RING_ALIGN_USED - 1) & ~(uint64_t)(RING_ALIGN_USED - 1);
	uint64_t pa;

	if (!size || (size & (size - 1)) || size > VQ_MAX_SIZE || used_off + 6 + 8ull * size > PAGE_SIZE)
		panic("vq_init: bad queue size %u", size);
	pa = alloc_zeroed_page(NR_KERNEL_MISC);
	if (!pa)
		return -ENOMEM;
	vq->size = size;
	vq->avail_idx = vq->last_used = 0;
	vq->desc_pa = pa;
	vq->avail_pa = pa + avail_off;
	vq->used_pa = pa + used_off;
	vq->desc = phys_to_virt(vq->desc_pa);
	vq->avail = phys_to_virt(vq->avail_pa);
	vq->used = phys_to_virt(vq->used_pa);
	return 0;
}

void vq_free(struct virtqueue *vq)
{
	free_page_phys(vq->desc_pa, NR_KERNEL_MISC);
	vq->desc = NULL;
	vq->avail = NULL;
	vq->used = NULL;
}

/*
 * vq_post: virtio 1.1, 2.6.13 "Supplying Buffers to The Device": fill the
 * descriptors, put the head in the next available-ring slot, and only then
 * advance avail->idx, which is what the device polls. x86 does not reorder
 * stores with other stores (Intel SDM Vol. 3A 8.2.2), so a compiler barrier is
 * the whole write barrier the spec asks for between the two steps.
 */
void vq_post(struct virtqueue *vq, uint16_t head, const struct vq_buf *bufs, unsigned n)
{
	if (!n || head + n > vq->size)
		panic("vq_post: descriptors %u..%u outside a queue of %u", head, head + n, vq->size);
	for (unsigned i = 0; i < n; i++) {
		struct vring_desc *d = &vq->desc[head + i];
		d->addr = bufs[i].pa;
		d->len = bufs[i].len;
		d->flags = (uint16_t)((i + 1 < n ? VRING_DESC_F_NEXT : 0) |
				      (bufs[i].device_writes ? VRING_DESC_F_WRITE : 0));
		d->next = (uint16_t)(i + 1 < n ? head + i + 1 : 0);
	}
	vq->avail->ring[vq->avail_idx & (vq->size - 1)] = head;
	barrier();
	vq->avail->idx = ++vq->avail_idx;
	barrier();
}

/*
 * vq_pop_used: virtio 1.1, 2.6.14 "Receiving Used Buffers From The Device":
 * used->idx counts the entries the device has written; the entry itself must
 * be read after the index (loads are not reordered with other loads on x86,
 * SDM Vol. 3A 8.2.2, so again only the compiler needs holding back).
 */
bool vq_pop_used(struct virtqueue *vq, uint32_t *id, uint32_t *len)
{
	if (vq->used->idx == vq->last_used)
		return false;
	barrier();
	const volatile struct vring_used_elem *e = &vq->used->ring[vq->last_used & (vq->size - 1)];
	*id = e->id;
	*len = e->len;
	vq->last_used++;
	return true;
}
