/*
 * mm/page_io.c - page I/O to the swap area (see page_io.h; Linux:
 * mm/page_io.c). Slot n is the disk's bytes [n * 4096, (n + 1) * 4096).
 */
#include "mm/page_io.h"
#include "mm/swapon.h"
#include "mm/swapon_header.h"
#include "kernel/panic.h"

#define SECTORS_PER_PAGE (SWAP_PAGE_SIZE / VIRTIO_BLK_SECTOR)

void swap_io_start(uint64_t slot, uint64_t pa, bool write, struct virtio_blk_io *io)
{
	if (!swap_area)
		panic("swap_io_start: no swap area");
	if (slot == 0 || slot >= swap_area->nr_slots || swap_slot_bad(slot))
		panic("swap_io_start: slot %lu is the header, past the area (%lu slots) or bad",
		      slot, swap_area->nr_slots);
	virtio_blk_start(swap_area->dev, slot * SECTORS_PER_PAGE, pa, SWAP_PAGE_SIZE, write, io); /* an error is in @io */
}

int swap_io_wait(struct virtio_blk_io *io)
{
	return virtio_blk_wait(swap_area->dev, io);
}
