/* mm/summary.h - the memory summary that ends the boot log, in the spirit of `free`. */
#ifndef MM_SUMMARY_H
#define MM_SUMMARY_H

/* mm_print_summary: where every frame went at boot, and the buddy's free blocks per order. */
void mm_print_summary(void);

#endif
