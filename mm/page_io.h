/*
 * mm/page_io.h - page I/O to the swap area (Linux: mm/page_io.c,
 * swap_readpage/swap_writepage): one page slot read into, or written from,
 * one frame, through the swap disk's virtio queue (mm/swapon.h says which
 * disk and which slots).
 * Lock: any number of processes may have I/O in flight at once (the disk
 * queues them); each waits for its own.
 */
#ifndef MM_PAGE_IO_H
#define MM_PAGE_IO_H

#include <stdint.h>
#include <stdbool.h>
#include "drivers/virtio_blk.h"

/* swap_io_start: start reading slot @slot into the frame at @pa (with @write,
 * writing the frame to the slot) and return at once; @io (the caller's) says
 * when it is done and how it went (virtio_blk_start). May sleep while the
 * disk's queue is full. Slot 0, one past the area or a bad slot is a caller
 * bug and panics. Starting a batch before waiting lets the disk work on all
 * of it at once. */
void swap_io_start(uint64_t slot, uint64_t pa, bool write, struct virtio_blk_io *io);

/* swap_io_wait: sleep until the I/O of @io is done: 0 or -EIO. */
int swap_io_wait(struct virtio_blk_io *io);

#endif
