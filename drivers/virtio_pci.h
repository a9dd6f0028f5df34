/*
 * drivers/virtio_pci.h - the virtio 1.x "modern" PCI transport (virtio 1.1,
 * 4.1 "Virtio Over PCI Bus"): how a driver finds a virtio device's registers
 * (vendor capabilities pointing into memory BARs), brings its status through
 * initialization, negotiates features, hands it a virtqueue and rings its
 * doorbell. Device-independent: the block driver sits on top.
 *
 * Every failure is a log line naming the device and the reason, and an error
 * return: a device is input, and bad input never panics the kernel.
 * Lock: set-up runs at boot; afterwards notify and isr are the only calls,
 * from process context with interrupts off and from the interrupt handler.
 */
#ifndef DRIVERS_VIRTIO_PCI_H
#define DRIVERS_VIRTIO_PCI_H

#include <stdint.h>
#include "drivers/pci.h"
#include "drivers/virtqueue.h"

#define VIRTIO_PCI_VENDOR 0x1af4
#define VIRTIO_PCI_MODERN_BASE 0x1040 /* + device type (2: block) for non-transitional devices */

#define VIRTIO_F_VERSION_1 (1ull << 32) /* virtio 1.1, 6 "Reserved Feature Bits" */

/* The four regions the vendor capabilities describe (virtio 1.1, 4.1.4). */
enum virtio_region_type { VIRTIO_COMMON, VIRTIO_NOTIFY, VIRTIO_ISR, VIRTIO_DEVICE, VIRTIO_REGIONS };

struct virtio_region {
	uint64_t pa;           /* bus address: BAR base + the capability's offset */
	uint32_t len;          /* as the capability says */
	volatile uint8_t *va;  /* the part mapped (NULL: none yet) ... */
	uint32_t mapped;       /* ... and its bytes */
};

struct virtio_pci {
	struct pci_dev *pdev;
	struct virtio_region r[VIRTIO_REGIONS];
	uint32_t notify_mult;  /* notify_off_multiplier: bytes between queues' doorbells */
	uint16_t queue;        /* the queue set up: the value a notify writes */
};

/* virtio_pci_probe: find and map the common, ISR and device regions of @pdev, which
 * must hold at least @device_cfg_len bytes of device configuration. 0 or -ENODEV. */
int virtio_pci_probe(struct virtio_pci *vp, struct pci_dev *pdev, uint32_t device_cfg_len);

/* virtio_pci_start: reset, ACKNOWLEDGE, DRIVER, then accept exactly @wanted (which must
 * include VIRTIO_F_VERSION_1) if the device offers it all, and FEATURES_OK. 0 or -ENODEV. */
int virtio_pci_start(struct virtio_pci *vp, uint64_t wanted);

/* virtio_pci_setup_queue: give queue @index a ring @vq of the largest power-of-2 size
 * the device allows up to VQ_MAX_SIZE; at least @min descriptors. 0, -ENODEV or -ENOMEM. */
int virtio_pci_setup_queue(struct virtio_pci *vp, uint16_t index, struct virtqueue *vq, uint16_t min);

/* virtio_pci_driver_ok: the driver is ready: the device may start processing. */
void virtio_pci_driver_ok(struct virtio_pci *vp);

/* virtio_pci_fail: give the device up: FAILED, then reset so it stops all DMA, and unmap. */
void virtio_pci_fail(struct virtio_pci *vp);

/* virtio_pci_notify: tell the device the queue has new available buffers. */
void virtio_pci_notify(struct virtio_pci *vp);

/* virtio_pci_isr: read (and so clear) the ISR status: bit 0 a queue interrupt, bit 1 a
 * configuration change; reading it deasserts the INTx line (virtio 1.1, 4.1.4.5). */
uint8_t virtio_pci_isr(struct virtio_pci *vp);

/* virtio_pci_config64: the 64-bit device-configuration field at @off, read consistently. */
uint64_t virtio_pci_config64(struct virtio_pci *vp, uint32_t off);

#endif
