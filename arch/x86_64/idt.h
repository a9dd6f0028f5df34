/* arch/x86_64/idt.h - the Interrupt Descriptor Table (Intel SDM Vol. 3A 6.10-6.14). */
#ifndef ARCH_X86_64_IDT_H
#define ARCH_X86_64_IDT_H

/* idt_init: point all 256 vectors at their stubs in isr.asm and load the IDT. Boot, once. */
void idt_init(void);

#endif
