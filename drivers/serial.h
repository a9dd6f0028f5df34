/* drivers/serial.h - COM1, the kernel console (a 16550 UART at I/O port 0x3f8). */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <stddef.h>

/* serial_init: 115200 baud, 8N1, FIFOs on, interrupts off. Boot, once. */
void serial_init(void);

/* serial_write: send @len bytes, turning "\n" into "\r\n"; polls the transmitter. */
void serial_write(const char *s, size_t len);

/* serial_enable_rx_irq: raise IRQ 4 whenever received data is waiting. Once, after
 * the IRQ handler is registered. */
void serial_enable_rx_irq(void);

/* serial_getc_nowait: the next received byte, or -1 when none is waiting. */
int serial_getc_nowait(void);

#endif
