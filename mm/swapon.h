/*
 * mm/swapon.h - the swap area (Linux: sys_swapon, struct swap_info_struct):
 * at boot the first virtio disk, /dev/vda, becomes the swap area if its page 0
 * is a valid swap header (mm/swapon_header.h) and the command line does not say
 * swap=off. Page slot n of the area is the disk's bytes [n * 4096, (n + 1) * 4096);
 * slot 0 is the header, slots 1..nr_slots-1 hold pages, except the bad ones.
 * Page I/O to the area is mm/page_io.h.
 * Lock: the area is fixed after swap_init.
 */
#ifndef MM_SWAPON_H
#define MM_SWAPON_H

#include <stdint.h>
#include <stdbool.h>
#include "drivers/virtio_blk.h"

struct swap_area {
	struct virtio_blk *dev;
	uint64_t nr_slots;       /* page slots 1..last_page usable, 0 is the header: last_page + 1 */
	uint64_t nr_good;        /* slots that may hold pages: nr_slots - 1 - nr_bad */
	uint32_t nr_bad;         /* distinct bad slots ... */
	const uint32_t *bad;     /* ... ascending; never to be used */
	char path[16];           /* "/dev/vda", for log lines */
};

extern struct swap_area *swap_area; /* NULL: no swap */

/* The area's priority: Linux gives -2 to the first area swapon(2) adds without one. */
#define SWAP_PRIORITY (-2)

/* swap_init: activate /dev/vda as swap if it is valid and swap=off is absent; else log why not.
 * Boot, once, after virtio_blk_init, before anything else runs. */
void swap_init(void);

/* swap_slot_bad: whether @slot (1..nr_slots-1) is listed bad in the header. */
bool swap_slot_bad(uint64_t slot);

#endif
