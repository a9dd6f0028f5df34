#include "mm/swapon.h"
#include "kernel/errno.h"
int swap_read_page(uint64_t slot, uint64_t pa) { (void)slot; (void)pa; return -EIO; }
int swap_write_page(uint64_t slot, uint64_t pa) { (void)slot; (void)pa; return -EIO; }
