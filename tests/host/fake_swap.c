/* tests/host/fake_swap.c - a swap disk in host memory behind mm/swapon.h (see fake_kernel.h). */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/fake_kernel.h"
#include "mm/swapon.h"
#include "mm/swap_state.h"
#include "mm/page.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

static uint8_t *disk;
static uint16_t *slot_map;
static struct page **cache;
static uint64_t disk_slots;
static const uint64_t *bad_slots;
unsigned long host_swap_reads, host_swap_writes;
int host_swap_fail;

/* fake_bad: is @slot in the bad list? */
static bool fake_bad(uint64_t slot)
{
	for (const uint64_t *b = bad_slots; b && *b; b++)
		if (*b == slot)
			return true;
	return false;
}

void host_fake_swap(uint64_t slots, const uint64_t *bad)
{
	disk = calloc(slots + 1, PAGE_SIZE);
	slot_map = calloc(slots + 1, sizeof(*slot_map));
	cache = calloc(slots + 1, sizeof(*cache));
	disk_slots = slots;
	bad_slots = bad;
	host_swap_reads = host_swap_writes = 0;
	host_swap_fail = 0;
	if (!disk || !slot_map || !cache)
		panic("host_fake_swap: no memory");
	swap_setup(slots, fake_bad, slot_map, cache);
}

void host_fake_swap_free(void)
{
	free(disk);
	free(slot_map);
	free(cache);
	disk = NULL;
}

/* slot_bytes: the disk bytes of @slot, which must be usable. */
static uint8_t *slot_bytes(uint64_t slot)
{
	if (!slot || slot >= disk_slots || fake_bad(slot))
		panic("fake swap: I/O to slot %lu", slot);
	return disk + slot * PAGE_SIZE;
}

/* fake_io: count one I/O in *@counter; -EIO while host_swap_fail lasts, else 0. */
static int fake_io(unsigned long *counter)
{
	++*counter;
	if (host_swap_fail) {
		host_swap_fail--;
		return -EIO;
	}
	return 0;
}

int swap_read_page(uint64_t slot, uint64_t pa)
{
	int err = fake_io(&host_swap_reads);

	if (!err)
		memcpy(phys_to_virt(pa), slot_bytes(slot), PAGE_SIZE);
	return err;
}

int swap_write_page(uint64_t slot, uint64_t pa)
{
	int err = fake_io(&host_swap_writes);

	if (!err)
		memcpy(slot_bytes(slot), phys_to_virt(pa), PAGE_SIZE);
	return err;
}
