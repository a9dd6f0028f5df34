/* arch/x86_64/extable.c - look up exception fixups (see extable.h). */
#include "arch/x86_64/extable.h"

extern const struct extable_entry __ex_table_start[], __ex_table_end[];

struct fixup_record last_fixup;

uint64_t extable_lookup(uint64_t rip)
{
	/* Linear: the table holds a handful of entries (user-copy helpers, probes). */
	for (const struct extable_entry *e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == rip)
			return e->fixup;
	return 0;
}
