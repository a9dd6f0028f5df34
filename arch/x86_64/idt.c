/*
 * arch/x86_64/idt.c - 256 interrupt gates, one per vector, each entering the
 * matching stub of isr.asm. Gates are interrupt gates (IF cleared on entry).
 * #DF, NMI and #MC switch to their own IST stack: they may arrive when the
 * current stack is unusable (a kernel stack overflow ends as #DF).
 */
#include <stdint.h>
#include "arch/x86_64/idt.h"
#include "arch/x86_64/gdt.h"

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr; /* P | DPL | type (0xE: 64-bit interrupt gate) */
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

struct idtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define GATE_INTERRUPT 0x8e      /* present, DPL 0, 64-bit interrupt gate */
#define GATE_INTERRUPT_USER 0xee /* the same with DPL 3: `int3`/`into` may be used from ring 3 */

extern const uint64_t isr_stub_table[256];
static struct idt_gate idt[256];

/* gate_type: #BP (int3) and #OF (into) are instructions user code may execute
 * on purpose (debuggers, abort paths): their gates allow ring 3, as Linux's do.
 * Every other vector raised by `int n` from ring 3 becomes #GP. */
static uint8_t gate_type(int v)
{
	return (v == 3 || v == 4) ? GATE_INTERRUPT_USER : GATE_INTERRUPT;
}

/* ist_for_vector: the IST slot a vector runs on, IST_NONE for the current stack. */
static enum ist_slot ist_for_vector(int v)
{
	switch (v) {
	case 2:  return IST_NMI;
	case 8:  return IST_DOUBLE_FAULT;
	case 18: return IST_MACHINE_CHECK;
	default: return IST_NONE;
	}
}

void idt_init(void)
{
	for (int v = 0; v < 256; v++) {
		uint64_t stub = isr_stub_table[v];
		idt[v] = (struct idt_gate){
			.offset_low = stub & 0xffff,
			.selector = GDT_KERNEL_CODE,
			.ist = ist_for_vector(v),
			.type_attr = gate_type(v),
			.offset_mid = (stub >> 16) & 0xffff,
			.offset_high = stub >> 32,
		};
	}
	struct idtr idtr = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
