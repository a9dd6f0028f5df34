/*
 * arch/x86_64/pic.c - 8259A programming: ICW1..ICW4 (Intel 8259A data sheet),
 * the sequence every PC operating system sends at boot.
 */
#include "arch/x86_64/pic.h"
#include "arch/x86_64/cpu.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI   0x20
/* Edge/Level Control Registers of the PIIX south bridge, one bit per IRQ
 * (Intel 82371SB PIIX3 datasheet, "ELCR1/ELCR2 Edge/Level Control"): 1 = level. */
#define ELCR1     0x4d0
#define ELCR2     0x4d1

void pic_init(void)
{
	outb(PIC1_CMD, 0x11);                 /* ICW1: edge triggered, cascade, ICW4 follows */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE_VECTOR);     /* ICW2: vector offsets */
	outb(PIC2_DATA, IRQ_BASE_VECTOR + 8);
	outb(PIC1_DATA, 0x04);                /* ICW3: slave on master's line 2 */
	outb(PIC2_DATA, 0x02);                /*       slave's cascade identity */
	outb(PIC1_DATA, 0x01);                /* ICW4: 8086 mode */
	outb(PIC2_DATA, 0x01);
	outb(PIC1_DATA, 0xff & ~(1 << 2));    /* all masked but the cascade line */
	outb(PIC2_DATA, 0xff);
}

void pic_unmask(unsigned irq)
{
	uint16_t port = irq < 8 ? PIC1_DATA : PIC2_DATA;
	outb(port, inb(port) & ~(1 << (irq & 7)));
}

void pic_set_level_triggered(unsigned irq)
{
	uint16_t port = irq < 8 ? ELCR1 : ELCR2;
	outb(port, inb(port) | (1 << (irq & 7)));
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
