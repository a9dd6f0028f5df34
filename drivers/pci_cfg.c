/*
 * drivers/pci_cfg.c - PCI configuration space through configuration mechanism #1
 * (PCI Local Bus Specification 3.0, 3.2.2.3.2): write the function's address and
 * the register's dword to CONFIG_ADDRESS (port 0xcf8), then read or write the
 * register's bytes at CONFIG_DATA (0xcfc + the low two bits of the offset).
 * Enough for the i440FX of QEMU's `pc` machine: 256 bytes per function (PCIe's
 * extended space would need ECAM from ACPI's MCFG table).
 * Lock: the two port accesses are one transaction, so interrupts are off
 * across them (an interrupt handler reading config space would move the address).
 */
#include "drivers/pci.h"
#include "arch/x86_64/cpu.h"

#define CONFIG_ADDRESS 0xcf8
#define CONFIG_DATA    0xcfc
#define CONFIG_ENABLE  (1u << 31)

/* select: point CONFIG_ADDRESS at register @off of @bdf; returns the CONFIG_DATA port for @off. */
static uint16_t select(uint16_t bdf, unsigned off)
{
	outl(CONFIG_ADDRESS, CONFIG_ENABLE | (uint32_t)bdf << 8 | (off & 0xfc));
	return (uint16_t)(CONFIG_DATA + (off & 3));
}

/* cfg_read: the @width-byte (1, 2 or 4) register at @off of @bdf. */
static uint32_t cfg_read(uint16_t bdf, unsigned off, unsigned width)
{
	uint64_t irq = irq_save();
	uint16_t port = select(bdf, off);
	uint32_t v = width == 1 ? inb(port) : width == 2 ? inw(port) : inl(port);
	irq_restore(irq);
	return v;
}

/* cfg_write: store the @width-byte (2 or 4) register at @off of @bdf. A 16-bit
 * register is written alone: widening it would also write its neighbour, and
 * the status register's error bits clear when written with 1 (PCI 3.0, 6.2.3). */
static void cfg_write(uint16_t bdf, unsigned off, unsigned width, uint32_t v)
{
	uint64_t irq = irq_save();
	uint16_t port = select(bdf, off);
	if (width == 2)
		outw(port, (uint16_t)v);
	else
		outl(port, v);
	irq_restore(irq);
}

uint8_t pci_read8(uint16_t bdf, unsigned off) { return (uint8_t)cfg_read(bdf, off, 1); }
uint16_t pci_read16(uint16_t bdf, unsigned off) { return (uint16_t)cfg_read(bdf, off, 2); }
uint32_t pci_read32(uint16_t bdf, unsigned off) { return cfg_read(bdf, off, 4); }
void pci_write16(uint16_t bdf, unsigned off, uint16_t v) { cfg_write(bdf, off, 2, v); }
void pci_write32(uint16_t bdf, unsigned off, uint32_t v) { cfg_write(bdf, off, 4, v); }
