/* arch/x86_64/irq.h - hardware interrupt lines (PIC IRQs 0..15) and their handlers. */
#ifndef ARCH_X86_64_IRQ_H
#define ARCH_X86_64_IRQ_H

#include "arch/x86_64/trap_frame.h"

typedef void (*irq_handler_t)(struct trap_frame *f);

/* irq_register: run @fn for every interrupt on @irq, and unmask the line. Boot time. */
void irq_register(unsigned irq, irq_handler_t fn);

/* irq_dispatch: from trap_dispatch for vectors IRQ_BASE_VECTOR..+15: handler, then EOI. */
void irq_dispatch(struct trap_frame *f);

#endif
