/*
 * arch/x86_64/pic.h - the legacy 8259A interrupt controllers (master + slave),
 * remapped so IRQ 0..15 arrive as vectors 0x20..0x2f, clear of the CPU's
 * exceptions 0..31: the PIT timer (IRQ 0), COM1 (IRQ 4) and the PCI
 * interrupt lines the firmware routed (PIIX: IRQ 5, 9, 10, 11).
 */
#ifndef ARCH_X86_64_PIC_H
#define ARCH_X86_64_PIC_H

#include <stdint.h>

#define IRQ_BASE_VECTOR 0x20
#define IRQ_TIMER 0
#define IRQ_COM1  4
#define PIC_CASCADE_IRQ 2 /* the master's input from the slave: never a device */
/* The lines above: the kernel's own, so never a PCI device's (firmware that
 * routed one there is wrong, and the device is refused). */
#define PIC_KERNEL_LINES (1u << IRQ_TIMER | 1u << IRQ_COM1 | 1u << PIC_CASCADE_IRQ)

/* pic_init: remap both PICs to IRQ_BASE_VECTOR with every line masked. Boot, once. */
void pic_init(void);

/* pic_unmask: let @irq through. */
void pic_unmask(unsigned irq);

/*
 * pic_set_level_triggered: make @irq level-sensitive in the ELCR. PCI interrupt
 * lines are level-triggered and shared (PCI Local Bus Spec 3.0, 2.2.6); an edge
 * PIC input would miss a device that raises its line again before the last
 * interrupt was acknowledged.
 */
void pic_set_level_triggered(unsigned irq);

/* pic_eoi: acknowledge @irq so the PIC delivers the next one. */
void pic_eoi(unsigned irq);

#endif
