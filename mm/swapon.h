/* TEMPORARY stub, replaced by the virtio branch */
#ifndef MM_SWAPON_H
#define MM_SWAPON_H
#include <stdint.h>
#include <stdbool.h>
int swap_read_page(uint64_t slot, uint64_t pa);
int swap_write_page(uint64_t slot, uint64_t pa);
#endif
