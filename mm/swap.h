/*
 * mm/swap.h - swap entries and swap slots (Linux: include/linux/swapops.h,
 * mm/swapfile.c's swap_map).
 *
 * A page written out to the swap area leaves in every PTE that mapped it a
 * swap entry: P=0, so the CPU faults on any access (SDM Vol. 3A 4.7) and
 * ignores every other bit, which then hold the slot number and a marker:
 *
 *   63         59 58          51                       12 11  10 9   1  0
 *  +-------------+--+-----------+------------------------+------+--+---+--+
 *  |      0      |0 |     0     |     slot number        |  0   |1 | 0 |0 |
 *  +-------------+--+-----------+------------------------+------+--+---+--+
 *                 PTE_PROTNONE (never set)         PTE_SWAP (bit 9) P=0
 *
 * A slot is one page of the swap area; slot 0 holds the header and is never
 * handed out. Each slot has a count (Linux: swap_map[]): the swap entries
 * that name it plus one while a page of the swap cache holds it. The slot is
 * free when the count drops to 0.
 * Lock: single CPU; callers do not sleep between a lookup and its use.
 */
#ifndef MM_SWAP_H
#define MM_SWAP_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/pgtable.h"

#define PTE_SWAP (1ull << 9) /* a non-present PTE that holds a swap entry */

/* swp_pte: the PTE that names swap @slot. */
static inline pte_t swp_pte(uint64_t slot) { return (slot << 12) | PTE_SWAP; }

/* is_swap_pte: does @pte hold a swap entry (not present, marked)? */
static inline bool is_swap_pte(pte_t pte) { return !(pte & PTE_P) && (pte & PTE_SWAP); }

/* swp_slot: the slot a swap PTE names. */
static inline uint64_t swp_slot(pte_t pte) { return (pte & PTE_ADDR) >> 12; }

/* swap_slots_init: manage slots 1..@nr_slots-1, skipping those @bad says are bad;
 * the counts come from @map (@nr_slots entries, owned by the caller), zeroed here.
 * Boot, once per swap area. */
void swap_slots_init(uint16_t *map, uint64_t nr_slots, bool (*bad)(uint64_t slot));

/* swap_slot_alloc: a free slot with count 1, or 0 when the area is full (or absent). */
uint64_t swap_slot_alloc(void);

/* swap_dup: one more reference to the in-use @slot. */
void swap_dup(uint64_t slot);

/* swap_free: one reference fewer to @slot; returns true when that freed it. */
bool swap_free(uint64_t slot);

/* swap_count: the references to @slot (0: free). */
unsigned swap_count(uint64_t slot);

/* nr_swap_slots, nr_free_swap_slots: usable slots in all, and free now (SwapTotal, SwapFree). */
uint64_t nr_swap_slots(void);
uint64_t nr_free_swap_slots(void);

#endif
