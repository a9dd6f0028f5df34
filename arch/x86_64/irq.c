/* arch/x86_64/irq.c - hardware interrupt dispatch over the 8259 PICs (see irq.h). */
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "kernel/errno.h"
#include "kernel/printk.h"

static irq_handler_t handlers[16];

int irq_register(unsigned irq, irq_handler_t fn)
{
	if (irq >= 16 || irq == PIC_CASCADE_IRQ)
		return -EINVAL;
	if (handlers[irq] && handlers[irq] != fn)
		return -EBUSY;
	handlers[irq] = fn;
	pic_unmask(irq);
	return 0;
}

void irq_dispatch(struct trap_frame *f)
{
	unsigned irq = (unsigned)(f->vector - IRQ_BASE_VECTOR);
	if (handlers[irq])
		handlers[irq](f);
	else
		pr_warn("irq: unexpected IRQ %u\n", irq);
	pic_eoi(irq);
}
