/* kernel/exit.h - process termination (Linux: kernel/exit.c). */
#ifndef KERNEL_EXIT_H
#define KERNEL_EXIT_H

/* do_exit: end current with wait4 status word @status (W_EXITCODE / W_SIGNALED):
 * free its memory and files, hand its children to init, become a zombie for
 * the parent to reap, and switch away for good. When init itself ends, the
 * machine powers off with its exit code (128 + signal for a signal death). */
__attribute__((noreturn)) void do_exit(int status);

#endif
