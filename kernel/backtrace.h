/*
 * kernel/backtrace.h - symbolised stack traces for oopses and panics.
 * The kernel is built with frame pointers: each frame starts with
 * {saved RBP, return address}, so the chain is walked from RBP upward.
 */
#ifndef KERNEL_BACKTRACE_H
#define KERNEL_BACKTRACE_H

#include <stdint.h>

/* backtrace_print: print the frame at @rip (skipped when 0), then every return
 * address on the frame-pointer chain starting at @rbp. */
void backtrace_print(uint64_t rip, uint64_t rbp);

/* backtrace_print_address: one line "@label: <addr> symbol+off/size". */
void backtrace_print_address(const char *label, uint64_t addr);

#endif
