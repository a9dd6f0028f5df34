/*
 * mm/swapon.c - activating the swap area at boot (see swapon.h; page I/O to
 * it is mm/page_io.c). Linux does this in sys_swapon (mm/swapfile.c) when user space
 * runs `swapon /dev/vda`; here the kernel does it itself at boot for the first
 * virtio disk, logging as Linux does:
 *     Adding 262140k swap on /dev/vda.  Priority:-2 extents:1 across:262140k
 * (-2: the priority Linux gives the first area activated without one; one
 * extent: a whole disk is contiguous). A disk that is not a valid swap area is
 * refused with the reason, and the kernel runs without swap.
 */
#include "mm/swapon.h"
#include "mm/swapon_header.h"
#include "mm/page.h"
#include "mm/page_alloc.h"
#include "mm/kmalloc.h"
#include "mm/swap_state.h"
#include "kernel/lib/cmdline.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"

#define SCAN_ORDER       4 /* 2^4 frames: the SWAP_HEADER_SCAN bytes read at activation */
/* The swap cache's index is one kmalloc block of a pointer per slot, at most
 * 4 MiB (the buddy's largest): 512 Ki slots, 2 GiB of swap. */
#define SWAP_MAX_SLOTS   (4ul * 1024 * 1024 / sizeof(struct page *))

struct swap_area *swap_area;
static struct swap_area the_area;
static uint32_t bad_slots[SWAP_MAX_BADPAGES];

/* log_refusal: the one line saying why @path is not used as swap, for @err with @info. */
static void log_refusal(const char *path, enum swap_header_error err, const struct swap_header_info *info,
			uint64_t disk_bytes)
{
	char why[160];

	switch (err) {
	case SWAP_HEADER_OK:
		panic("log_refusal: %s has a valid header", path);
	case SWAP_HEADER_SHORT:
		snprintf(why, sizeof(why), "disk of %lu bytes is smaller than one %u-byte page", disk_bytes, SWAP_PAGE_SIZE);
		break;
	case SWAP_HEADER_NO_SIGNATURE:
		snprintf(why, sizeof(why), "no swap signature \"SWAPSPACE2\" at offset %u (not made by mkswap?)",
			 SWAP_PAGE_SIZE - SWAP_SIG_LEN);
		break;
	case SWAP_HEADER_OLD_FORMAT:
		snprintf(why, sizeof(why), "old \"SWAP-SPACE\" signature (swap version 0), only SWAPSPACE2 is supported");
		break;
	case SWAP_HEADER_PAGE_SIZE:
		snprintf(why, sizeof(why), "made for %u-byte pages (signature at offset %u), this kernel uses %u-byte pages",
			 info->page_size, info->page_size - SWAP_SIG_LEN, SWAP_PAGE_SIZE);
		break;
	case SWAP_HEADER_BYTE_SWAPPED:
		snprintf(why, sizeof(why), "header made on a machine of the other byte order");
		break;
	case SWAP_HEADER_VERSION:
		snprintf(why, sizeof(why), "swap header version %u, only version 1 is supported", info->version);
		break;
	case SWAP_HEADER_TOO_MANY_BAD:
		snprintf(why, sizeof(why), "%u bad pages listed, at most %u fit in the header", info->nr_badpages,
			 SWAP_MAX_BADPAGES);
		break;
	case SWAP_HEADER_EMPTY:
		snprintf(why, sizeof(why), "last_page is 0: no page to swap to");
		break;
	case SWAP_HEADER_BEYOND_DISK:
		snprintf(why, sizeof(why), "last_page %u lies beyond the disk's %lu pages (swap area longer than the disk)",
			 info->last_page, disk_bytes / SWAP_PAGE_SIZE);
		break;
	case SWAP_HEADER_BAD_PAGE:
		snprintf(why, sizeof(why), "bad page entry %u outside 1..last_page %u", info->bad_entry, info->last_page);
		break;
	case SWAP_HEADER_ALL_BAD:
		snprintf(why, sizeof(why), "all %u pages are listed bad", info->last_page);
		break;
	}
	pr_err("swap: %s: invalid swap header, refusing: %s\n", path, why);
}

/* read_header: read the first SWAP_HEADER_SCAN bytes of @d (fewer on a smaller disk) into a
 * new block of frames; returns the block (caller frees, order SCAN_ORDER) or NULL. */
static struct page *read_header(struct virtio_blk *d, uint64_t disk_bytes, uint32_t *len)
{
	struct page *p = alloc_pages(SCAN_ORDER, NR_KERNEL_MISC);

	*len = (uint32_t)(disk_bytes < SWAP_HEADER_SCAN ? disk_bytes : SWAP_HEADER_SCAN);
	if (!p)
		return NULL;
	if (virtio_blk_rw(d, 0, page_to_phys(p), *len, false)) {
		free_pages(p, SCAN_ORDER, NR_KERNEL_MISC);
		return NULL;
	}
	return p;
}

/* bad_beyond: how many of the @n ascending bad slots @bad lie at SWAP_MAX_SLOTS or above. */
static uint32_t bad_beyond(const uint32_t *bad, uint32_t n)
{
	uint32_t k = 0;

	while (k < n && bad[n - 1 - k] >= SWAP_MAX_SLOTS)
		k++;
	return k;
}

/* alloc_slot_tables: the slot map and the swap cache's index for @nr_slots slots
 * (mm/swap_state.h), handed to swap_setup; false when out of memory. */
static bool alloc_slot_tables(uint64_t nr_slots)
{
	uint16_t *map = kzalloc(nr_slots * sizeof(*map));
	struct page **cache = kzalloc(nr_slots * sizeof(*cache));

	if (!map || !cache) {
		kfree(map);
		kfree(cache);
		return false;
	}
	swap_setup(nr_slots, swap_slot_bad, map, cache);
	return true;
}

/* activate: check @d's header and make it the swap area; logs the outcome either way. */
static void activate(struct virtio_blk *d, const char *path)
{
	uint64_t disk_bytes = virtio_blk_capacity(d) * VIRTIO_BLK_SECTOR;
	struct swap_header_info info;
	enum swap_header_error err;
	uint32_t len;
	struct page *p = read_header(d, disk_bytes, &len);

	if (!p) {
		pr_err("swap: %s: cannot read the swap header (I/O error or no memory), refusing it\n", path);
		return;
	}
	err = swap_header_parse(page_address(p), len, disk_bytes, &info, bad_slots);
	free_pages(p, SCAN_ORDER, NR_KERNEL_MISC);
	if (err) {
		log_refusal(path, err, &info, disk_bytes);
		return;
	}
	if (info.last_page >= SWAP_MAX_SLOTS) {
		pr_warn("swap: %s: using the first %lu MiB of the area\n", path, SWAP_MAX_SLOTS >> 8);
		info.nr_good -= info.last_page - (SWAP_MAX_SLOTS - 1) - bad_beyond(bad_slots, info.nr_bad);
		info.last_page = SWAP_MAX_SLOTS - 1;
	}
	the_area = (struct swap_area){ .dev = d, .nr_slots = (uint64_t)info.last_page + 1,
				       .nr_good = info.nr_good, .nr_bad = info.nr_bad, .bad = bad_slots };
	strlcpy(the_area.path, path, sizeof(the_area.path));
	swap_area = &the_area; /* before alloc_slot_tables: swap_slot_bad reads it */
	if (!alloc_slot_tables(the_area.nr_slots)) {
		swap_area = NULL;
		pr_err("swap: %s: no memory for the slot map, refusing it\n", path);
		return;
	}
	pr_info("Adding %luk swap on %s.  Priority:%d extents:1 across:%luk\n", info.nr_good * (SWAP_PAGE_SIZE / 1024),
		path, SWAP_PRIORITY, info.nr_good * (SWAP_PAGE_SIZE / 1024));
	if (info.nr_bad)
		pr_info("swap: %s: %u bad pages skipped\n", path, info.nr_bad);
}

void swap_init(void)
{
	struct virtio_blk *d = virtio_blk_get(0);
	char path[16];

	if (cmdline_has("swap") && strcmp(cmdline_get("swap"), "off") == 0) {
		pr_info("swap: disabled on the command line (swap=off)\n");
		return;
	}
	if (!d) {
		pr_info("swap: no virtio disk, running without swap\n");
		return;
	}
	snprintf(path, sizeof(path), "/dev/%s", d->name);
	activate(d, path);
	if (!swap_area)
		pr_warn("swap: running without swap\n");
}

bool swap_slot_bad(uint64_t slot)
{
	return swap_area && swap_bad_lookup(swap_area->bad, swap_area->nr_bad, slot);
}
