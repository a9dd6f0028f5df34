/*
 * drivers/pci.h - PCI devices, found once at boot by walking the buses through
 * configuration space (PCI Local Bus Specification 3.0, chapter 6), with their
 * BARs decoded and their capability lists readable. Drivers look devices up
 * by vendor and device ID, map the BARs they need (mm/ioremap.h), and enable
 * memory decoding, bus mastering and their interrupt line here.
 * Lock: devices are added at boot only; afterwards the list is read-only.
 */
#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

#include <stdint.h>
#include <stdbool.h>
#include "kernel/lib/list.h"
#include "arch/x86_64/irq.h"

/* Type 0 and type 1 header registers (PCI 3.0, 6.1, Figure 6-1 and PCI-PCI Bridge 1.2, 3.2). */
#define PCI_VENDOR_ID      0x00
#define PCI_DEVICE_ID      0x02
#define PCI_COMMAND        0x04
#define PCI_STATUS         0x06
#define PCI_CLASS_REVISION 0x08 /* class code in bits 31:8, revision in 7:0 */
#define PCI_HEADER_TYPE    0x0e
#define PCI_BAR0           0x10
#define PCI_SECONDARY_BUS  0x19 /* type 1 only */
#define PCI_CAPABILITY_LIST 0x34
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN  0x3d

#define PCI_COMMAND_IO           (1u << 0)
#define PCI_COMMAND_MEMORY       (1u << 1)
#define PCI_COMMAND_MASTER       (1u << 2)
#define PCI_COMMAND_INTX_DISABLE (1u << 10)
#define PCI_STATUS_CAP_LIST      (1u << 4)

#define PCI_HEADER_MULTI_FUNCTION 0x80
#define PCI_HEADER_BRIDGE         0x01
#define PCI_VENDOR_NONE           0xffff /* what an empty slot answers */

#define PCI_MAX_BARS 6

/* One base address register, decoded. */
struct pci_bar {
	uint64_t base;    /* bus address the firmware assigned (0: unassigned) */
	uint64_t size;    /* bytes; 0: no BAR here (or the upper half of a 64-bit one) */
	bool io;          /* I/O space, else memory space */
	bool mem64;       /* a 64-bit memory BAR: may lie above 4 GiB */
	bool prefetch;
};

struct pci_dev {
	struct list_head link; /* in the list of every device, in scan order */
	uint16_t bdf;          /* bus << 8 | slot << 3 | function */
	uint16_t vendor, device;
	uint32_t class;        /* base class << 16 | subclass << 8 | programming interface */
	uint8_t header_type;   /* 0 device, 1 PCI-PCI bridge (the multi-function bit masked) */
	uint8_t irq_line;      /* the PIC input the firmware routed INTx to; 0xff: none */
	uint8_t irq_pin;       /* 1..4 for INTA#..INTD#, 0: no INTx */
	struct pci_bar bar[PCI_MAX_BARS];
	char name[16];         /* "0000:00:02.0", as Linux names it */
};

/* Configuration space of the function @bdf (drivers/pci_cfg.c, mechanism #1). */
uint8_t pci_read8(uint16_t bdf, unsigned off);
uint16_t pci_read16(uint16_t bdf, unsigned off);
uint32_t pci_read32(uint16_t bdf, unsigned off);
void pci_write16(uint16_t bdf, unsigned off, uint16_t v);
void pci_write32(uint16_t bdf, unsigned off, uint32_t v);

/* pci_init: find every device on every bus reachable from bus 0, log each. Boot, once, after mm_init. */
void pci_init(void);

/* pci_read_bars: size and decode the first @n BARs of @d into d->bar[], logging each (drivers/pci_bar.c). */
void pci_read_bars(struct pci_dev *d, unsigned n);

/* pci_find_device: the next device after @from (NULL: the first) with these IDs, or NULL. */
struct pci_dev *pci_find_device(uint16_t vendor, uint16_t device, const struct pci_dev *from);

/* pci_find_capability: config offset of the next capability with ID @id after offset @after
 * (0: from the start of the list), or 0 when there is none. */
unsigned pci_find_capability(const struct pci_dev *d, uint8_t id, unsigned after);

/* pci_enable_device: turn on memory decoding and bus mastering (DMA), leave INTx enabled. */
void pci_enable_device(struct pci_dev *d);

/*
 * pci_request_irq: have @fn called for @d's INTx line (level-triggered, shared
 * with other devices that @fn must also serve). Returns the IRQ number, or
 * -ENODEV when the device has no interrupt pin or the firmware routed it to
 * none or to one of the kernel's own lines (timer, COM1, cascade), -EBUSY when
 * another driver owns the line.
 */
int pci_request_irq(struct pci_dev *d, irq_handler_t fn);

#endif
