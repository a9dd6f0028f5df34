/*
 * arch/x86_64/extable.h - exception fixups (Linux: arch/x86/mm/extable.c).
 *
 * A kernel instruction that may fault on purpose (a user-memory access, a
 * probe) is listed in the __ex_table section with the address to resume at.
 * When it faults, the trap handler finds it here, sets RAX = -EFAULT and
 * resumes at the fixup instead of declaring the fault a kernel bug.
 */
#ifndef ARCH_X86_64_EXTABLE_H
#define ARCH_X86_64_EXTABLE_H

#include <stdint.h>

struct extable_entry {
	uint64_t insn;  /* address of the instruction allowed to fault */
	uint64_t fixup; /* where execution resumes after it faulted */
};

/* For inline asm: declare that label `from` may fault and resumes at `to`. */
#define EXTABLE(from, to) \
	".pushsection __ex_table, \"a\"\n\t.balign 8\n\t.quad " #from ", " #to "\n\t.popsection\n\t"

/* extable_lookup: the fixup address for a faulting @rip, or 0 when there is none. */
uint64_t extable_lookup(uint64_t rip);

/* The last fault a fixup absorbed, for tests that fault on purpose. */
struct fixup_record {
	uint64_t rip, cr2, error_code, vector;
};
extern struct fixup_record last_fixup;

#endif
