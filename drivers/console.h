/*
 * drivers/console.h - the console as a file: /dev/console on COM1, with a
 * canonical-mode line discipline (Linux: the tty layer's N_TTY, in miniature).
 * Output goes to the serial port; input arrives by the UART's interrupt and
 * is edited a line at a time (echo, backspace, Enter, Ctrl-D, Ctrl-C) before
 * read() sees it.
 */
#ifndef DRIVERS_CONSOLE_H
#define DRIVERS_CONSOLE_H

#include "kernel/fs/fs.h"

#define CONSOLE_DEV MKDEV(5, 1) /* /dev/console, as Linux's */
#define TTY_DEV     MKDEV(5, 0) /* /dev/tty: the controlling terminal, which is always the console here */

struct file;

/* console_init: take COM1's receive interrupt (IRQ 4) and become the driver of
 * CONSOLE_DEV. Boot, once, after the PIC is set up. */
void console_init(void);

/* console_open: a new open file of the console (O_RDWR), one reference; NULL on no memory. */
struct file *console_open(void);

#endif
