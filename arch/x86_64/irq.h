/* arch/x86_64/irq.h - hardware interrupt lines (PIC IRQs 0..15) and their handlers. */
#ifndef ARCH_X86_64_IRQ_H
#define ARCH_X86_64_IRQ_H

#include "arch/x86_64/trap_frame.h"

typedef void (*irq_handler_t)(struct trap_frame *f);

/*
 * irq_register: run @fn for every interrupt on @irq, and unmask the line. 0;
 * -EINVAL for a line that does not exist or is the cascade; -EBUSY when another
 * handler has it. The same @fn again is 0: a driver with several devices on
 * one shared PCI line registers one handler that serves them all. Boot time.
 */
int irq_register(unsigned irq, irq_handler_t fn);

/* irq_dispatch: from trap_dispatch for vectors IRQ_BASE_VECTOR..+15: handler, then EOI. */
void irq_dispatch(struct trap_frame *f);

#endif
