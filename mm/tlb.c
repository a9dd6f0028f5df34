/*
 * mm/tlb.c - TLB invalidation (Intel SDM Vol. 3A 4.10.4.1). invlpg drops one
 * page's translation (also a global one); a CR3 write drops every non-global
 * translation. Kernel mappings are global (CR4.PGE), so a CR3 reload keeps them.
 */
#include "mm/tlb.h"
#include "arch/x86_64/cpu.h"

void flush_tlb_page(uint64_t va)
{
	invlpg(va);
}

void flush_tlb_all(void)
{
	write_cr3(read_cr3());
}
