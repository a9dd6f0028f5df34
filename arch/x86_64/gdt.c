/*
 * arch/x86_64/gdt.c - the Global Descriptor Table and the Task State Segment.
 *
 * In long mode segmentation is mostly off (SDM Vol. 3A 3.2.4): code and data
 * descriptors only carry the privilege level and the L (64-bit) bit. The TSS
 * no longer switches tasks; it only holds the stacks the CPU loads on a
 * privilege change (RSP0) and the Interrupt Stack Table (SDM Vol. 3A 7.7).
 */
#include "arch/x86_64/gdt.h"
#include "kernel/lib/string.h"

#define IST_STACK_SIZE 16384

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct gdtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static struct tss tss;
static uint64_t gdt[7];
static uint8_t ist_stacks[3][IST_STACK_SIZE] __attribute__((aligned(16)));

/* Code/data descriptor bits: present, DPL, S (code/data), type, L (64-bit code). */
#define DESC_P       (1ull << 47)
#define DESC_S       (1ull << 44)
#define DESC_CODE    (1ull << 43)
#define DESC_RW      (1ull << 41) /* readable code / writable data */
#define DESC_L       (1ull << 53)
#define DESC_DPL(n)  ((uint64_t)(n) << 45)
#define DESC_TSS64   (9ull << 40) /* available 64-bit TSS */

/* tss_descriptor: the two GDT words of a 64-bit TSS descriptor for @base/@limit. */
static void tss_descriptor(uint64_t *slot, uint64_t base, uint32_t limit)
{
	slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | DESC_TSS64 | DESC_P |
		  ((uint64_t)((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	slot[1] = base >> 32;
}

/* load_segments: lgdt, then far-return into the new CS and reload the data segments. */
static void load_segments(const struct gdtr *gdtr)
{
	__asm__ volatile(
		"lgdt (%0)\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %w2, %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movw %%ax, %%fs\n\t"
		"movw %%ax, %%gs\n\t"
		: : "r"(gdtr), "i"(GDT_KERNEL_CODE), "i"(GDT_KERNEL_DATA) : "rax", "memory");
}

void gdt_init(void)
{
	gdt[0] = 0;
	gdt[GDT_KERNEL_CODE / 8] = DESC_P | DESC_S | DESC_CODE | DESC_RW | DESC_L | DESC_DPL(0);
	gdt[GDT_KERNEL_DATA / 8] = DESC_P | DESC_S | DESC_RW | DESC_DPL(0);
	gdt[GDT_USER_DATA / 8] = DESC_P | DESC_S | DESC_RW | DESC_DPL(3);
	gdt[GDT_USER_CODE / 8] = DESC_P | DESC_S | DESC_CODE | DESC_RW | DESC_L | DESC_DPL(3);

	memset(&tss, 0, sizeof(tss));
	for (int i = 0; i < 3; i++) /* IST1..3: stacks grow down from the top */
		tss.ist[i] = (uint64_t)&ist_stacks[i][IST_STACK_SIZE];
	tss.iomap_base = sizeof(tss); /* no I/O permission bitmap: ring 3 gets no ports */
	tss_descriptor(&gdt[GDT_TSS / 8], (uint64_t)&tss, sizeof(tss) - 1);

	struct gdtr gdtr = { sizeof(gdt) - 1, (uint64_t)gdt };
	load_segments(&gdtr);
	__asm__ volatile("ltr %w0" : : "r"((uint16_t)GDT_TSS));
}

void tss_set_kernel_stack(uint64_t rsp0)
{
	tss.rsp[0] = rsp0;
}
