/*
 * drivers/pci.c - finding PCI devices at boot (see pci.h).
 *
 * The scan starts at bus 0 and follows each PCI-to-PCI bridge to its secondary
 * bus (Linux: pci_scan_child_bus). A slot whose function 0 answers vendor
 * 0xffff is empty; functions 1..7 exist only when function 0's header has the
 * multi-function bit (PCI 3.0, 6.2.1). Each function is logged as Linux does:
 *     pci 0000:00:02.0: [1af4:1042] type 00 class 0x010000
 * followed by its BARs. Nothing is enabled here: a driver enables what it uses.
 */
#include "drivers/pci.h"
#include "arch/x86_64/pic.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/lib/vsnprintf.h"
#include "mm/kmalloc.h"

#define PCI_SLOTS      32
#define PCI_FUNCTIONS  8
#define PCI_BUSES      256
#define BRIDGE_BARS    2    /* a type 1 header has two BARs, a type 0 six */
#define CAP_FIRST      0x40 /* capabilities live after the standard header */
#define CAP_MAX        48   /* (256 - 64) / 4: more means the list loops */

static LIST_HEAD_DEF(pci_devices);
static bool bus_scanned[PCI_BUSES];

static void scan_bus(unsigned bus);

/* make_bdf: the configuration address of function @fn of @slot on @bus. */
static uint16_t make_bdf(unsigned bus, unsigned slot, unsigned fn)
{
	return (uint16_t)(bus << 8 | slot << 3 | fn);
}

/* add_function: record, log and size the function at @bdf; follow it if it is a bridge. */
static void add_function(uint16_t bdf)
{
	struct pci_dev *d = kzalloc(sizeof(*d));

	if (!d) {
		pr_err("pci: no memory for the device at %02x:%02x.%u, ignored\n",
		       bdf >> 8, (bdf >> 3) & 31, bdf & 7);
		return;
	}
	d->bdf = bdf;
	d->vendor = pci_read16(bdf, PCI_VENDOR_ID);
	d->device = pci_read16(bdf, PCI_DEVICE_ID);
	d->class = pci_read32(bdf, PCI_CLASS_REVISION) >> 8;
	d->header_type = pci_read8(bdf, PCI_HEADER_TYPE) & ~PCI_HEADER_MULTI_FUNCTION;
	d->irq_line = pci_read8(bdf, PCI_INTERRUPT_LINE);
	d->irq_pin = pci_read8(bdf, PCI_INTERRUPT_PIN);
	snprintf(d->name, sizeof(d->name), "0000:%02x:%02x.%u", bdf >> 8, (bdf >> 3) & 31, bdf & 7);
	list_add_tail(&d->link, &pci_devices);
	pr_info("pci %s: [%04x:%04x] type %02x class %#08x\n", d->name, d->vendor, d->device,
		d->header_type, d->class);
	if (d->header_type == 0)
		pci_read_bars(d, PCI_MAX_BARS);
	if (d->header_type == PCI_HEADER_BRIDGE) {
		pci_read_bars(d, BRIDGE_BARS);
		scan_bus(pci_read8(bdf, PCI_SECONDARY_BUS));
	}
}

/* scan_slot: add every function present in @slot of @bus. */
static void scan_slot(unsigned bus, unsigned slot)
{
	uint16_t fn0 = make_bdf(bus, slot, 0);
	unsigned fns = pci_read8(fn0, PCI_HEADER_TYPE) & PCI_HEADER_MULTI_FUNCTION ? PCI_FUNCTIONS : 1;

	for (unsigned fn = 0; fn < fns; fn++)
		if (pci_read16(make_bdf(bus, slot, fn), PCI_VENDOR_ID) != PCI_VENDOR_NONE)
			add_function(make_bdf(bus, slot, fn));
}

/* scan_bus: add every function on @bus, once: a bridge naming a bus already
 * scanned (firmware gone wrong) must not make the walk loop. */
static void scan_bus(unsigned bus)
{
	if (bus_scanned[bus])
		return;
	bus_scanned[bus] = true;
	for (unsigned slot = 0; slot < PCI_SLOTS; slot++)
		if (pci_read16(make_bdf(bus, slot, 0), PCI_VENDOR_ID) != PCI_VENDOR_NONE)
			scan_slot(bus, slot);
}

void pci_init(void)
{
	scan_bus(0);
	if (list_empty(&pci_devices))
		pr_warn("pci: no device answered on bus 0\n");
}

struct pci_dev *pci_find_device(uint16_t vendor, uint16_t device, const struct pci_dev *from)
{
	struct list_head *it = from ? from->link.next : pci_devices.next;

	for (; it != &pci_devices; it = it->next) {
		struct pci_dev *d = list_entry(it, struct pci_dev, link);
		if (d->vendor == vendor && d->device == device)
			return d;
	}
	return NULL;
}

/*
 * pci_find_capability: walk the capability list (PCI 3.0, 6.7): a byte pointer
 * at 0x34 when the status register says there is a list, then in each entry an
 * ID byte and a next pointer byte. The low two bits of a pointer are reserved.
 */
unsigned pci_find_capability(const struct pci_dev *d, uint8_t id, unsigned after)
{
	unsigned pos;

	if (!(pci_read16(d->bdf, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return 0;
	pos = pci_read8(d->bdf, after ? after + 1 : PCI_CAPABILITY_LIST) & 0xfc;
	for (unsigned n = 0; n < CAP_MAX && pos >= CAP_FIRST; n++) {
		if (pci_read8(d->bdf, pos) == id)
			return pos;
		pos = pci_read8(d->bdf, pos + 1) & 0xfc;
	}
	return 0;
}

void pci_enable_device(struct pci_dev *d)
{
	uint16_t cmd = pci_read16(d->bdf, PCI_COMMAND);

	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	cmd &= (uint16_t)~PCI_COMMAND_INTX_DISABLE;
	pci_write16(d->bdf, PCI_COMMAND, cmd);
}

int pci_request_irq(struct pci_dev *d, irq_handler_t fn)
{
	int err;

	/* 0xff: "unknown or no connection" (PCI 3.0, 6.2.4); the timer's and COM1's
	 * lines would make their later irq_register fail */
	if (!d->irq_pin || d->irq_line >= 16 || (PIC_KERNEL_LINES & 1u << d->irq_line))
		return -ENODEV;
	err = irq_register(d->irq_line, fn);
	if (err)
		return err;
	pic_set_level_triggered(d->irq_line);
	return d->irq_line;
}
