/*
 * tests/kernel/test_pci_irq.c - a PCI device's interrupt line is device input:
 * one the firmware did not route (pin 0, line 0xff or past 15), or routed to a
 * line of the kernel's own (the timer, COM1, the cascade), is refused with
 * -ENODEV rather than taken, which would make the timer's or the console's
 * irq_register fail later. A line a driver already serves can be requested
 * again by that driver's handler (several disks on one shared line), never by
 * another handler.
 */
#include "tests/kernel/selftest.h"
#include "arch/x86_64/pic.h"
#include "drivers/pci.h"
#include "drivers/virtio_blk.h"
#include "kernel/errno.h"

/* other_handler: a handler that must never be installed. */
static void other_handler(struct trap_frame *f)
{
	(void)f;
}

SELFTEST(pci_irq_refuses_kernel_lines)
{
	static const uint8_t refused[] = { IRQ_TIMER, PIC_CASCADE_IRQ, IRQ_COM1, 16, 0xff };
	struct pci_dev dev = { .irq_pin = 1, .name = "selftest" };

	for (unsigned i = 0; i < sizeof(refused); i++) {
		dev.irq_line = refused[i];
		EXPECT(pci_request_irq(&dev, other_handler) == -ENODEV);
	}
	dev.irq_pin = 0; /* no INTx at all, whatever the line register says */
	dev.irq_line = 10;
	EXPECT(pci_request_irq(&dev, other_handler) == -ENODEV);
	return 0;
}

SELFTEST(pci_irq_shared_line)
{
	struct virtio_blk *d = virtio_blk_get(0);
	struct pci_dev dev = { .irq_pin = 1, .name = "selftest" };

	if (!d)
		return 0; /* no disk owns a line; the boots with selftest always have one */
	dev.irq_line = (uint8_t)d->irq;
	EXPECT(pci_request_irq(&dev, virtio_blk_irq) == (int)d->irq);
	EXPECT(pci_request_irq(&dev, other_handler) == -EBUSY);
	return 0;
}
