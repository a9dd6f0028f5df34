/*
 * drivers/pci_bar.c - decoding base address registers (PCI Local Bus
 * Specification 3.0, 6.2.5.1). A BAR's low bits say what it is: bit 0 I/O
 * space; for memory, bits 2:1 the type (0 32-bit, 2 64-bit: the next BAR holds
 * the upper half) and bit 3 prefetchable. Its size is found by writing all ones
 * and reading back which address bits stuck at zero; the firmware (OVMF) has
 * already assigned the addresses, so the original value is written back.
 * Decoding is off while a BAR holds all ones, or the device would answer at
 * that address.
 */
#include "drivers/pci.h"
#include "kernel/printk.h"

#define BAR_IO        (1u << 0)
#define BAR_TYPE_MASK (3u << 1)
#define BAR_TYPE_64   (2u << 1)
#define BAR_PREFETCH  (1u << 3)

/* probe_bar: the mask the BAR at config offset @off reads back after all ones were written; restores it. */
static uint32_t probe_bar(uint16_t bdf, unsigned off)
{
	uint32_t orig = pci_read32(bdf, off), mask;

	pci_write32(bdf, off, 0xffffffff);
	mask = pci_read32(bdf, off);
	pci_write32(bdf, off, orig);
	return mask;
}

/* decode_bar: fill d->bar[@i] from its register; returns how many BARs it used (2 for a 64-bit one). */
static unsigned decode_bar(struct pci_dev *d, unsigned i, unsigned n)
{
	unsigned off = PCI_BAR0 + 4 * i;
	uint32_t lo = pci_read32(d->bdf, off), mask = probe_bar(d->bdf, off);
	struct pci_bar *b = &d->bar[i];

	if (lo & BAR_IO) {
		b->io = true;
		b->base = lo & ~3u;
		b->size = mask & 0xfffc ? (~(mask & ~3u) & 0xffff) + 1 : 0; /* I/O space is 64 KiB */
		return 1;
	}
	b->prefetch = lo & BAR_PREFETCH;
	b->base = lo & ~0xfu;
	uint64_t size_mask = 0xffffffff00000000ull | (mask & ~0xfu);
	if ((lo & BAR_TYPE_MASK) == BAR_TYPE_64) {
		if (i + 1 >= n) {
			pr_warn("pci %s: reg %#x: 64-bit BAR without an upper half, ignored\n", d->name, off);
			return 1;
		}
		b->mem64 = true;
		b->base |= (uint64_t)pci_read32(d->bdf, off + 4) << 32;
		size_mask = (uint64_t)probe_bar(d->bdf, off + 4) << 32 | (mask & ~0xfu);
	}
	b->size = (mask & ~0xfu) || b->mem64 ? ~size_mask + 1 : 0; /* a 64-bit BAR may be all upper half */
	return b->mem64 ? 2 : 1;
}

/* log_bar: one line per BAR, Linux style: "reg 0x20: [mem 0xe000000000-0xe000003fff 64bit pref]". */
static void log_bar(const struct pci_dev *d, unsigned i)
{
	const struct pci_bar *b = &d->bar[i];

	if (!b->size)
		return;
	pr_info("pci %s: reg %#x: [%s %#lx-%#lx%s%s]\n", d->name, PCI_BAR0 + 4 * i, b->io ? "io " : "mem",
		b->base, b->base + b->size - 1, b->mem64 ? " 64bit" : "", b->prefetch ? " pref" : "");
}

void pci_read_bars(struct pci_dev *d, unsigned n)
{
	uint16_t cmd = pci_read16(d->bdf, PCI_COMMAND);

	pci_write16(d->bdf, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	unsigned i = 0;
	while (i < n)
		i += decode_bar(d, i, n);
	pci_write16(d->bdf, PCI_COMMAND, cmd);
	for (i = 0; i < n; i++)
		log_bar(d, i);
}
