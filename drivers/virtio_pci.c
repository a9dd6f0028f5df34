/*
 * drivers/virtio_pci.c - the virtio 1.x modern PCI transport (see virtio_pci.h).
 *
 * Capabilities (virtio 1.1, 4.1.4 "Virtio Structure PCI Capabilities"): vendor
 * capabilities (ID 0x09) laid out as
 *   +0 cap_vndr  +1 cap_next  +2 cap_len  +3 cfg_type  +4 bar  +8 offset  +12 length
 * with cfg_type 1 common, 2 notify (followed by a 32-bit notify_off_multiplier),
 * 3 ISR, 4 device-specific, 5 PCI config access (unused here). The first
 * usable capability of each type wins; a reserved BAR number is skipped.
 */
#include "drivers/virtio_pci.h"
#include "arch/x86_64/mmio.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/ioremap.h"

#define PCI_CAP_ID_VNDR  0x09
#define CAP_CFG_TYPE     3
#define CAP_BAR          4
#define CAP_OFFSET       8
#define CAP_LENGTH       12
#define CAP_NOTIFY_MULT  16
#define CAP_MIN_LEN      16
#define CAP_NOTIFY_LEN   20

/* struct virtio_pci_common_cfg (virtio 1.1, 4.1.4.3): offsets of its fields. */
#define COMMON_DEVICE_FEATURE_SELECT 0x00
#define COMMON_DEVICE_FEATURE        0x04
#define COMMON_DRIVER_FEATURE_SELECT 0x08
#define COMMON_DRIVER_FEATURE        0x0c
#define COMMON_DEVICE_STATUS         0x14
#define COMMON_CONFIG_GENERATION     0x15
#define COMMON_QUEUE_SELECT          0x16
#define COMMON_QUEUE_SIZE            0x18
#define COMMON_QUEUE_ENABLE          0x1c
#define COMMON_QUEUE_NOTIFY_OFF      0x1e
#define COMMON_QUEUE_DESC            0x20
#define COMMON_QUEUE_DRIVER          0x28
#define COMMON_QUEUE_DEVICE          0x30
#define COMMON_CFG_LEN               0x38

/* Device status bits (virtio 1.1, 2.1 "Device Status Field"). */
#define STATUS_ACKNOWLEDGE 1
#define STATUS_DRIVER      2
#define STATUS_DRIVER_OK   4
#define STATUS_FEATURES_OK 8
#define STATUS_FAILED      128

#define RESET_POLLS      1000000 /* reads of device_status before a reset counts as stuck */
#define GENERATION_TRIES 100     /* config reads before a changing generation counts as broken */

/* Per region: the cfg_type of its capability, and its name for log lines. */
static const struct { uint8_t cfg_type; const char *name; } regions[VIRTIO_REGIONS] = {
	[VIRTIO_COMMON] = { 1, "common" },
	[VIRTIO_NOTIFY] = { 2, "notify" },
	[VIRTIO_ISR]    = { 3, "ISR" },
	[VIRTIO_DEVICE] = { 4, "device" },
};

/* region_of: which region capability type @cfg_type describes, or VIRTIO_REGIONS for none. */
static enum virtio_region_type region_of(uint8_t cfg_type)
{
	for (int r = 0; r < VIRTIO_REGIONS; r++)
		if (regions[r].cfg_type == cfg_type)
			return (enum virtio_region_type)r;
	return VIRTIO_REGIONS;
}

/* take_cap: record the vendor capability at config offset @pos if it is the first
 * usable one of its type (memory BAR, assigned, the range inside the BAR). */
static void take_cap(struct virtio_pci *vp, unsigned pos)
{
	uint16_t bdf = vp->pdev->bdf;
	enum virtio_region_type r = region_of(pci_read8(bdf, pos + CAP_CFG_TYPE));
	uint8_t bar = pci_read8(bdf, pos + CAP_BAR);
	uint32_t offset = pci_read32(bdf, pos + CAP_OFFSET), length = pci_read32(bdf, pos + CAP_LENGTH);
	uint8_t cap_len = pci_read8(bdf, pos + 2);

	if (r == VIRTIO_REGIONS || vp->r[r].pa || bar >= PCI_MAX_BARS)
		return; /* not a region we use, one we have, or a reserved BAR number: ignore */
	const struct pci_bar *b = &vp->pdev->bar[bar];
	if (cap_len < (r == VIRTIO_NOTIFY ? CAP_NOTIFY_LEN : CAP_MIN_LEN) || b->io || !b->base ||
	    (uint64_t)offset + length > b->size) {
		pr_warn("virtio_pci %s: %s capability at %#x unusable (BAR %u, offset %#x, length %#x)\n",
			vp->pdev->name, regions[r].name, pos, bar, offset, length);
		return;
	}
	vp->r[r].pa = b->base + offset;
	vp->r[r].len = length;
	if (r == VIRTIO_NOTIFY)
		vp->notify_mult = pci_read32(bdf, pos + CAP_NOTIFY_MULT);
}

/* map_region: ioremap @bytes at offset @off of region @r (checked against its length). 0 or -ENODEV. */
static int map_region(struct virtio_pci *vp, enum virtio_region_type r, uint64_t off, uint32_t bytes)
{
	struct virtio_region *reg = &vp->r[r];

	if (!reg->pa || off + bytes > reg->len) {
		pr_err("virtio_pci %s: no %s region of %lu bytes, refusing the device\n", vp->pdev->name,
		       regions[r].name, off + bytes);
		return -ENODEV;
	}
	reg->va = ioremap(reg->pa + off, bytes);
	if (!reg->va) {
		pr_err("virtio_pci %s: cannot map the %s region, refusing the device\n", vp->pdev->name,
		       regions[r].name);
		return -ENODEV;
	}
	reg->mapped = bytes;
	return 0;
}

int virtio_pci_probe(struct virtio_pci *vp, struct pci_dev *pdev, uint32_t device_cfg_len)
{
	vp->pdev = pdev;
	for (unsigned pos = 0; (pos = pci_find_capability(pdev, PCI_CAP_ID_VNDR, pos));)
		take_cap(vp, pos);
	if (map_region(vp, VIRTIO_COMMON, 0, COMMON_CFG_LEN) || map_region(vp, VIRTIO_ISR, 0, 1) ||
	    map_region(vp, VIRTIO_DEVICE, 0, device_cfg_len)) {
		virtio_pci_fail(vp);
		return -ENODEV;
	}
	pci_enable_device(pdev);
	return 0;
}

/* common8/16/32: read a common configuration field; set_common8/16/32: write one. */
static uint8_t common8(struct virtio_pci *vp, unsigned off) { return mmio_read8(vp->r[VIRTIO_COMMON].va + off); }
static uint16_t common16(struct virtio_pci *vp, unsigned off) { return mmio_read16(vp->r[VIRTIO_COMMON].va + off); }
static uint32_t common32(struct virtio_pci *vp, unsigned off) { return mmio_read32(vp->r[VIRTIO_COMMON].va + off); }
static void set_common8(struct virtio_pci *vp, unsigned off, uint8_t v) { mmio_write8(vp->r[VIRTIO_COMMON].va + off, v); }
static void set_common16(struct virtio_pci *vp, unsigned off, uint16_t v) { mmio_write16(vp->r[VIRTIO_COMMON].va + off, v); }
static void set_common32(struct virtio_pci *vp, unsigned off, uint32_t v) { mmio_write32(vp->r[VIRTIO_COMMON].va + off, v); }

/* set_common64: a 64-bit field as two 32-bit halves, allowed by virtio 1.1, 4.1.3.1. */
static void set_common64(struct virtio_pci *vp, unsigned off, uint64_t v)
{
	set_common32(vp, off, (uint32_t)v);
	set_common32(vp, off + 4, (uint32_t)(v >> 32));
}

/* add_status: set device status bits @bits on top of those already set. */
static void add_status(struct virtio_pci *vp, uint8_t bits)
{
	set_common8(vp, COMMON_DEVICE_STATUS, common8(vp, COMMON_DEVICE_STATUS) | bits);
}

/* reset: write 0 to device_status and wait until it reads 0 (virtio 1.1, 4.1.4.3.2). 0 or -ENODEV. */
static int reset(struct virtio_pci *vp)
{
	set_common8(vp, COMMON_DEVICE_STATUS, 0);
	for (unsigned i = 0; i < RESET_POLLS; i++)
		if (common8(vp, COMMON_DEVICE_STATUS) == 0)
			return 0;
	pr_err("virtio_pci %s: device does not finish its reset\n", vp->pdev->name);
	return -ENODEV;
}

/* device_features: all 64 feature bits the device offers, 32 at a time through the select register. */
static uint64_t device_features(struct virtio_pci *vp)
{
	set_common32(vp, COMMON_DEVICE_FEATURE_SELECT, 0);
	uint64_t lo = common32(vp, COMMON_DEVICE_FEATURE);
	set_common32(vp, COMMON_DEVICE_FEATURE_SELECT, 1);
	return (uint64_t)common32(vp, COMMON_DEVICE_FEATURE) << 32 | lo;
}

/* set_driver_features: tell the device which features the driver accepts. */
static void set_driver_features(struct virtio_pci *vp, uint64_t features)
{
	set_common32(vp, COMMON_DRIVER_FEATURE_SELECT, 0);
	set_common32(vp, COMMON_DRIVER_FEATURE, (uint32_t)features);
	set_common32(vp, COMMON_DRIVER_FEATURE_SELECT, 1);
	set_common32(vp, COMMON_DRIVER_FEATURE, (uint32_t)(features >> 32));
}

/*
 * virtio_pci_start: virtio 1.1, 3.1.1 "Driver Requirements: Device
 * Initialization", steps 1-6. A driver accepts only features it implements;
 * without VIRTIO_F_VERSION_1 the device speaks only the legacy interface.
 */
int virtio_pci_start(struct virtio_pci *vp, uint64_t wanted)
{
	const char *name = vp->pdev->name;

	if (reset(vp))
		return -ENODEV;
	add_status(vp, STATUS_ACKNOWLEDGE);
	add_status(vp, STATUS_DRIVER);
	uint64_t offered = device_features(vp);
	if ((offered & wanted) != wanted) {
		pr_err("virtio_pci %s: device offers features %#lx, lacking %#lx%s; refusing it\n", name,
		       offered, wanted & ~offered, (wanted & ~offered & VIRTIO_F_VERSION_1) ? " (VIRTIO_F_VERSION_1: legacy only)" : "");
		return -ENODEV;
	}
	set_driver_features(vp, wanted);
	add_status(vp, STATUS_FEATURES_OK);
	if (!(common8(vp, COMMON_DEVICE_STATUS) & STATUS_FEATURES_OK)) {
		pr_err("virtio_pci %s: device refused features %#lx (FEATURES_OK cleared); refusing it\n",
		       name, wanted);
		return -ENODEV;
	}
	pr_info("virtio_pci %s: features offered %#lx, accepted %#lx\n", name, offered, wanted);
	return 0;
}

/* pick_size: the largest power of 2 <= both @device_max and VQ_MAX_SIZE (split rings need a power of 2). */
static uint16_t pick_size(uint16_t device_max)
{
	uint16_t size = VQ_MAX_SIZE;

	while (size > device_max)
		size >>= 1;
	return size;
}

/* virtio_pci_setup_queue: virtio 1.1, 4.1.5.1.3 "Virtqueue Configuration". */
int virtio_pci_setup_queue(struct virtio_pci *vp, uint16_t index, struct virtqueue *vq, uint16_t min)
{
	const char *name = vp->pdev->name;

	set_common16(vp, COMMON_QUEUE_SELECT, index);
	uint16_t max = common16(vp, COMMON_QUEUE_SIZE), size = pick_size(max);
	if (size < min) {
		pr_err("virtio_pci %s: queue %u too small (%u descriptors, need %u); refusing the device\n",
		       name, index, max, min);
		return -ENODEV;
	}
	uint64_t notify_off = (uint64_t)common16(vp, COMMON_QUEUE_NOTIFY_OFF) * vp->notify_mult;
	if (map_region(vp, VIRTIO_NOTIFY, notify_off, 2))
		return -ENODEV;
	if (vq_init(vq, size)) {
		pr_err("virtio_pci %s: no memory for queue %u\n", name, index);
		return -ENOMEM;
	}
	set_common16(vp, COMMON_QUEUE_SIZE, size);
	set_common64(vp, COMMON_QUEUE_DESC, vq->desc_pa);
	set_common64(vp, COMMON_QUEUE_DRIVER, vq->avail_pa);
	set_common64(vp, COMMON_QUEUE_DEVICE, vq->used_pa);
	set_common16(vp, COMMON_QUEUE_ENABLE, 1);
	vp->queue = index;
	return 0;
}

void virtio_pci_driver_ok(struct virtio_pci *vp)
{
	add_status(vp, STATUS_DRIVER_OK);
}

void virtio_pci_fail(struct virtio_pci *vp)
{
	if (vp->r[VIRTIO_COMMON].va) {
		add_status(vp, STATUS_FAILED);
		reset(vp);
	}
	for (int r = 0; r < VIRTIO_REGIONS; r++) {
		if (vp->r[r].va)
			iounmap((void *)vp->r[r].va, vp->r[r].mapped);
		vp->r[r].va = NULL;
	}
}

/* virtio_pci_notify: virtio 1.1, 4.1.4.4: the queue's index, 16 bits, at its doorbell. */
void virtio_pci_notify(struct virtio_pci *vp)
{
	mmio_write16(vp->r[VIRTIO_NOTIFY].va, vp->queue);
}

uint8_t virtio_pci_isr(struct virtio_pci *vp)
{
	return mmio_read8(vp->r[VIRTIO_ISR].va);
}

/*
 * virtio_pci_config64: virtio 1.1, 2.4.1 "Driver Requirements: Device
 * Configuration Space": a field wider than 32 bits is read in halves, so read
 * config_generation before and after and retry if the device changed it between.
 */
uint64_t virtio_pci_config64(struct virtio_pci *vp, uint32_t off)
{
	volatile uint8_t *cfg = vp->r[VIRTIO_DEVICE].va;
	uint64_t v = 0;

	if (off + 8 > vp->r[VIRTIO_DEVICE].mapped)
		panic("virtio_pci_config64: offset %u beyond the %u bytes mapped", off, vp->r[VIRTIO_DEVICE].mapped);
	for (unsigned tries = 0; tries < GENERATION_TRIES; tries++) {
		uint8_t before = common8(vp, COMMON_CONFIG_GENERATION);
		v = mmio_read32(cfg + off) | (uint64_t)mmio_read32(cfg + off + 4) << 32;
		if (common8(vp, COMMON_CONFIG_GENERATION) == before)
			return v;
	}
	pr_warn("virtio_pci %s: configuration keeps changing; using the last read\n", vp->pdev->name);
	return v;
}
