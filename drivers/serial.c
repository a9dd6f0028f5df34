/*
 * drivers/serial.c - COM1: polled output, and input read by the console's IRQ
 * handler (16550 UART register map: THR/RBR at +0, IER +1, FCR +2, LCR +3,
 * MCR +4, LSR +5; divisor latch when LCR.DLAB=1).
 */
#include "drivers/serial.h"
#include "arch/x86_64/cpu.h"

#define COM1 0x3f8
#define UART_THR 0
#define UART_RBR 0
#define UART_IER 1
#define UART_DLL 0
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR   0x01 /* data ready: RBR holds a received byte */
#define LSR_THRE 0x20 /* transmit holding register empty */
#define IER_RDI  0x01 /* interrupt on received data available (and FIFO timeout) */
#define MCR_DTR  0x01
#define MCR_RTS  0x02
#define MCR_OUT2 0x08 /* on PCs, gates the UART's interrupt line to the PIC */

void serial_init(void)
{
	outb(COM1 + UART_IER, 0x00);  /* no interrupts */
	outb(COM1 + UART_LCR, 0x80);  /* DLAB: next two bytes set the divisor */
	outb(COM1 + UART_DLL, 1);     /* 115200 / 1 */
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, 0x03);  /* 8 data bits, no parity, 1 stop bit */
	outb(COM1 + UART_FCR, 0xc7);  /* enable and clear FIFOs, 14-byte threshold */
	outb(COM1 + UART_MCR, MCR_DTR | MCR_RTS);
}

/* serial_putc: wait for room in the transmitter, then send @c. */
static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THRE))
		cpu_relax();
	outb(COM1 + UART_THR, (uint8_t)c);
}

void serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

void serial_enable_rx_irq(void)
{
	outb(COM1 + UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	outb(COM1 + UART_IER, IER_RDI);
}

int serial_getc_nowait(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}
