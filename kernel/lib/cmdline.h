/*
 * kernel/lib/cmdline.h - the kernel command line (from cmdline.txt on the boot
 * partition), parsed once at boot into options, Linux style:
 *
 *   console=ttyS0 loglevel=7 quiet init="/bin/prog arg"
 *
 * Options are separated by spaces, tabs or newlines; each is `key=value` or a
 * bare `flag`. Double quotes let a value (or a whole option) hold spaces and
 * are removed. A later option with the same key overrides the earlier one.
 *
 * Limits, since this runs before the allocator: the line is copied into a
 * static buffer of CMDLINE_MAX bytes (a longer line is cut, and the option the
 * cut falls in is dropped rather than used half-read), and at most
 * CMDLINE_MAX_OPTIONS distinct keys are kept (further ones are ignored and
 * counted).
 *
 * Not locked: cmdline_parse runs once on the boot CPU before anything reads
 * the options; afterwards they are read-only.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <stdbool.h>
#include "boot/boot_info.h"

#define CMDLINE_MAX         BOOT_CMDLINE_MAX /* bytes, with the terminating NUL: the loader's limit */
#define CMDLINE_MAX_OPTIONS 64

/* cmdline_parse: replace the options with those of @line (NULL: none); keeps its own copy. */
void cmdline_parse(const char *line);

/* cmdline_get: the value of option @key, "" for a bare flag, NULL when absent. */
const char *cmdline_get(const char *key);

/* cmdline_has: whether option @key was given, as a flag or with a value. */
bool cmdline_has(const char *key);

/*
 * cmdline_get_long: option @key as a number: decimal or 0x hex, optionally
 * negative, optionally followed by K, M or G (KiB, MiB, GiB; either case).
 * Returns @fallback when the option is absent, malformed or out of range.
 */
long cmdline_get_long(const char *key, long fallback);

/* cmdline_raw: the line as given (cut to CMDLINE_MAX - 1 bytes), without trailing whitespace. */
const char *cmdline_raw(void);

/* cmdline_truncated: whether the line was longer than CMDLINE_MAX - 1 bytes. */
bool cmdline_truncated(void);

/* cmdline_ignored: how many options were ignored because CMDLINE_MAX_OPTIONS keys were taken. */
unsigned int cmdline_ignored(void);

#endif
