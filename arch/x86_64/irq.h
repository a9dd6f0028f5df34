/* arch/x86_64/irq.h - hardware interrupt lines (PIC IRQs 0..15) and their handlers. */
#ifndef ARCH_X86_64_IRQ_H
#define ARCH_X86_64_IRQ_H

#include "arch/x86_64/trap_frame.h"

typedef void (*irq_handler_t)(struct trap_frame *f);

/* irq_register: run @fn for every interrupt on @irq, and unmask the line. Boot time;
 * for the kernel's own fixed lines (timer, COM1): a taken line is a bug and panics. */
void irq_register(unsigned irq, irq_handler_t fn);

/*
 * irq_request: the same for a line a device reported (PCI Interrupt Line): 0 once
 * @fn handles @irq (also when it already did: a driver with several devices on one
 * shared line registers one handler that serves them all), -EINVAL for a line that
 * does not exist or is the cascade, -EBUSY when another handler owns it. Boot time.
 */
int irq_request(unsigned irq, irq_handler_t fn);

/* irq_dispatch: from trap_dispatch for vectors IRQ_BASE_VECTOR..+15: handler, then EOI. */
void irq_dispatch(struct trap_frame *f);

#endif
