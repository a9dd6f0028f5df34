/*
 * mm/swap_slots.c - the slot map of the swap area (see swap.h; Linux:
 * mm/swapfile.c, swap_map and scan_swap_map_slots).
 *
 * A count per slot; a bad page of the area (listed in its header) is marked
 * SLOT_BAD and never handed out. Allocation scans forward from where the last
 * one ended (Linux's cluster_next), so pages reclaimed together land next to
 * each other on disk and a full area is noticed from the free count at once.
 */
#include "mm/swap.h"
#include "kernel/panic.h"

#define SLOT_BAD  0xffff /* a bad page: never free, never allocated */
#define COUNT_MAX 0xfffe /* more sharers than this is a bug here (a few hundred processes at most) */

static uint16_t *swap_map;
static uint64_t nr_slots, nr_usable, nr_free, next_slot;

void swap_slots_init(uint16_t *map, uint64_t nr, bool (*bad)(uint64_t slot))
{
	swap_map = map;
	nr_slots = nr;
	nr_free = 0;
	next_slot = 1;
	for (uint64_t s = 0; s < nr; s++) {
		swap_map[s] = (s == 0 || bad(s)) ? SLOT_BAD : 0;
		nr_free += swap_map[s] == 0;
	}
	nr_usable = nr_free;
}

uint64_t swap_slot_alloc(void)
{
	if (!nr_free)
		return 0;
	for (uint64_t i = 0; i < nr_slots; i++) {
		uint64_t s = next_slot;

		next_slot = next_slot + 1 < nr_slots ? next_slot + 1 : 1;
		if (swap_map[s] == 0) {
			swap_map[s] = 1;
			nr_free--;
			return s;
		}
	}
	panic("swap_slot_alloc: %lu slots counted free, none found", nr_free);
}

/* check_slot: panic unless @slot is an in-use slot; @fn names the caller. */
static void check_slot(uint64_t slot, const char *fn)
{
	if (slot == 0 || slot >= nr_slots || swap_map[slot] == 0 || swap_map[slot] == SLOT_BAD)
		panic("%s: slot %lu is not in use", fn, slot);
}

void swap_dup(uint64_t slot)
{
	check_slot(slot, "swap_dup");
	if (swap_map[slot] >= COUNT_MAX)
		panic("swap_dup: slot %lu has %u references", slot, swap_map[slot]);
	swap_map[slot]++;
}

bool swap_free(uint64_t slot)
{
	check_slot(slot, "swap_free");
	if (--swap_map[slot])
		return false;
	nr_free++;
	return true;
}

unsigned swap_count(uint64_t slot)
{
	if (slot >= nr_slots || swap_map[slot] == SLOT_BAD)
		return 0;
	return swap_map[slot];
}

uint64_t nr_swap_slots(void)
{
	return nr_usable;
}

uint64_t nr_free_swap_slots(void)
{
	return nr_free;
}
