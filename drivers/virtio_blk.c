/*
 * drivers/virtio_blk.c - finding and setting up virtio block devices (see
 * virtio_blk.h); the requests themselves are in virtio_blk_io.c.
 *
 * Set-up follows virtio 1.1, 3.1.1: reset, ACKNOWLEDGE, DRIVER, features
 * (VIRTIO_F_VERSION_1 only: no block feature is implemented, so none is
 * accepted; the capacity field exists without any), FEATURES_OK, the one
 * request queue, the capacity (5.2.4: the first field of the device
 * configuration, in 512-byte sectors), the interrupt line, DRIVER_OK.
 * A device that fails any step is logged, given up (FAILED, reset, unmapped)
 * and skipped; the kernel runs on without it.
 */
#include "drivers/virtio_blk.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/kmalloc.h"
#include "mm/page.h"
#include "mm/page_alloc.h"

#define VIRTIO_ID_BLOCK      2
#define BLK_CFG_CAPACITY     0x00
#define BLK_CFG_NEEDED       8 /* bytes of device configuration read: the capacity */

static struct virtio_blk *disks[VIRTIO_BLK_MAX_DISKS];
static unsigned nr_disks;

struct virtio_blk *virtio_blk_get(unsigned index)
{
	return index < nr_disks ? disks[index] : NULL;
}

/* slots_init: one request slot per three descriptors, their headers in a new frame. 0 or -ENOMEM. */
static int slots_init(struct virtio_blk *d)
{
	d->req_pa = alloc_zeroed_page(NR_KERNEL_MISC);
	if (!d->req_pa)
		return -ENOMEM;
	d->req = phys_to_virt(d->req_pa);
	d->nr_slots = d->vq.size / VIRTIO_BLK_DESC_PER_REQ;
	wait_queue_init(&d->slot_wq);
	wait_queue_init(&d->done_wq);
	return 0;
}

/* log_disk: Linux's line for a new disk, with its size in decimal and binary units. */
static void log_disk(const struct virtio_blk *d)
{
	uint64_t bytes = d->capacity * VIRTIO_BLK_SECTOR;

	pr_info("virtio_blk %s: [%s] %lu 512-byte logical blocks (%lu MB/%lu MiB), IRQ %u, %u requests in flight\n",
		d->vp.pdev->name, d->name, d->capacity, bytes / 1000000, bytes >> 20, d->irq, d->nr_slots);
}

/* setup: bring @d's device from reset to DRIVER_OK (steps above). 0, or an error already
 * logged, with the device given up and everything taken for it given back. */
static int setup(struct virtio_blk *d, struct pci_dev *pdev)
{
	int err = virtio_pci_probe(&d->vp, pdev, BLK_CFG_NEEDED);

	if (err)
		return err;
	if ((err = virtio_pci_start(&d->vp, VIRTIO_F_VERSION_1)) ||
	    (err = virtio_pci_setup_queue(&d->vp, 0, &d->vq, VIRTIO_BLK_DESC_PER_REQ)))
		goto fail;
	d->capacity = virtio_pci_config64(&d->vp, BLK_CFG_CAPACITY);
	if (!d->capacity) {
		pr_err("virtio_blk %s: [%s] capacity 0, refusing the device\n", pdev->name, d->name);
		err = -ENODEV;
		goto fail;
	}
	if ((err = slots_init(d))) {
		pr_err("virtio_blk %s: no memory for requests\n", pdev->name);
		goto fail;
	}
	err = pci_request_irq(pdev, virtio_blk_irq);
	if (err < 0) {
		pr_err("virtio_blk %s: no usable interrupt (pin %u, line %u: error %d), refusing the device\n",
		       pdev->name, pdev->irq_pin, pdev->irq_line, err);
		goto fail;
	}
	d->irq = (unsigned)err;
	return 0;
fail:
	virtio_pci_fail(&d->vp); /* reset first: no DMA into the memory freed next */
	if (d->req_pa)
		free_page_phys(d->req_pa, NR_KERNEL_MISC);
	if (d->vq.desc)
		vq_free(&d->vq);
	return err;
}

/* probe: set up the virtio-blk device @pdev as the next disk, or log why not. */
static void probe(struct pci_dev *pdev)
{
	struct virtio_blk *d;

	if (nr_disks == VIRTIO_BLK_MAX_DISKS) {
		pr_warn("virtio_blk %s: more than %u disks, ignored\n", pdev->name, VIRTIO_BLK_MAX_DISKS);
		return;
	}
	d = kzalloc(sizeof(*d));
	if (!d) {
		pr_err("virtio_blk %s: no memory, ignored\n", pdev->name);
		return;
	}
	snprintf(d->name, sizeof(d->name), "vd%c", 'a' + nr_disks);
	if (setup(d, pdev)) {
		kfree(d);
		return;
	}
	disks[nr_disks++] = d; /* before DRIVER_OK: the handler must find the disk from its first interrupt */
	virtio_pci_driver_ok(&d->vp);
	log_disk(d);
}

void virtio_blk_init(void)
{
	for (struct pci_dev *p = NULL; (p = pci_find_device(VIRTIO_PCI_VENDOR, VIRTIO_PCI_MODERN_BASE + VIRTIO_ID_BLOCK, p));)
		probe(p);
}
