/*
 * arch/x86_64/probe.h - touch a kernel address that may fault, safely: the
 * access is covered by an exception fixup, so a fault returns -EFAULT instead
 * of an oops. Used by self-tests (write to kernel text must fault) and by
 * the backtracer (a corrupt frame pointer must not fault again in a panic).
 */
#ifndef ARCH_X86_64_PROBE_H
#define ARCH_X86_64_PROBE_H

#include <stdint.h>

/* probe_read_u64: *@out = *@addr; 0, or -EFAULT if the read faulted. */
int probe_read_u64(const void *addr, uint64_t *out);

/* probe_write_u8: *@addr = @v; 0, or -EFAULT if the write faulted. */
int probe_write_u8(void *addr, uint8_t v);

#endif
