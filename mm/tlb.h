/*
 * mm/tlb.h - the one place the TLB is invalidated (Intel SDM Vol. 3A 4.10.4).
 * Every page-table change that removes or restricts a translation calls one of
 * these; nothing else in the kernel executes invlpg or reloads CR3 for flushing.
 */
#ifndef MM_TLB_H
#define MM_TLB_H

#include <stdint.h>

/* flush_tlb_page: drop the translation of @va in the current address space (invlpg). */
void flush_tlb_page(uint64_t va);

/* flush_tlb_all: drop all non-global translations (CR3 reload). */
void flush_tlb_all(void);

#endif
