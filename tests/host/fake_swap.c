/* tests/host/fake_swap.c - a swap disk in host memory behind mm/page_io.h (see fake_kernel.h). */
#include <stdlib.h>
#include <string.h>
#include "tests/host/shim.h"
#include "tests/host/fake_kernel.h"
#include "mm/page_io.h"
#include "mm/swap_state.h"
#include "mm/page.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

static uint8_t *disk;
#define FAKE_IOS 64
static struct virtio_blk_io *started[FAKE_IOS]; /* I/Os started and not waited for */
unsigned host_swap_in_flight, host_swap_max_in_flight;
static uint16_t *slot_map;
static struct page **cache;
static uint64_t disk_slots;
static const uint64_t *bad_slots;
unsigned long host_swap_reads, host_swap_writes;
int host_swap_fail;
void (*host_on_swap_wait)(void);

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
	host_on_swap_wait = NULL;
	host_swap_in_flight = host_swap_max_in_flight = 0;
	memset(started, 0, sizeof(started));
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

/* The fake disk does each I/O at once, when it is started, and remembers the
 * started ones until they are waited for (none may be left after a test). */

void swap_io_start(uint64_t slot, uint64_t pa, bool write, struct virtio_blk_io *io)
{
	uint8_t *bytes = slot_bytes(slot);
	unsigned i = 0;

	while (i < FAKE_IOS && started[i])
		i++;
	if (i == FAKE_IOS)
		panic("fake swap: %d I/Os started and never waited for", FAKE_IOS);
	started[i] = io;
	++*(write ? &host_swap_writes : &host_swap_reads);
	*io = (struct virtio_blk_io){ .done = true };
	if (host_swap_fail) {
		host_swap_fail--;
		io->err = -EIO;
	} else if (write) {
		memcpy(bytes, phys_to_virt(pa), PAGE_SIZE);
	} else {
		memcpy(phys_to_virt(pa), bytes, PAGE_SIZE);
	}
	if (++host_swap_in_flight > host_swap_max_in_flight)
		host_swap_max_in_flight = host_swap_in_flight;
}

int swap_io_wait(struct virtio_blk_io *io)
{
	void (*meanwhile)(void) = host_on_swap_wait;

	host_on_swap_wait = NULL;
	if (meanwhile)
		meanwhile(); /* the others run while the caller sleeps */
	if (!io->done)
		panic("fake swap: waiting for an I/O nobody started");
	for (unsigned i = 0; i < FAKE_IOS; i++) {
		if (started[i] == io) {
			started[i] = NULL;
			host_swap_in_flight--;
		}
	}
	return io->err;
}
