/*
 * arch/x86_64/qemu_exit.h - leave QEMU with a status, through QEMU's
 * isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04).
 * QEMU exits with (code << 1) | 1; without the device the write is ignored.
 */
#ifndef ARCH_X86_64_QEMU_EXIT_H
#define ARCH_X86_64_QEMU_EXIT_H

#include <stdint.h>
#include "arch/x86_64/cpu.h"

#define QEMU_EXIT_PORT 0xf4

/* Codes the harness (tests/boot_tests.py) and scripts/qemu.sh decode: both read them from here. */
#define QEMU_EXIT_OK    0   /* QEMU status 1 */
#define QEMU_EXIT_FAIL  1   /* QEMU status 3: self-tests failed */
#define QEMU_EXIT_PANIC 112 /* QEMU status 225: kernel panic */

/* qemu_exit: ask QEMU to exit with @code; returns only if the device is absent. */
static inline void qemu_exit(uint32_t code)
{
	outl(QEMU_EXIT_PORT, code);
}

#endif
