/*
 * mm/swapon_header.h - Linux's on-disk swap header, version 1, as util-linux
 * mkswap writes it (Linux: union swap_header in include/linux/swap.h, checked
 * by read_swap_header in mm/swapfile.c). Page 0 of the area is the header:
 *
 *   offset  0     bootbits[1024]   left alone (room for a disk label)
 *           1024  u32 version      1
 *           1028  u32 last_page    the last page of the area: pages 1..last_page hold swap
 *           1032  u32 nr_badpages  entries in badpages[]
 *           1036  u8  uuid[16]
 *           1052  char label[16]
 *           1068  u32 padding[117]
 *           1536  u32 badpages[]   page numbers not to use
 *   PAGE_SIZE-10  "SWAPSPACE2"     the signature, in the last 10 bytes of the page
 *
 * The header is laid out for the page size of the machine that made it, so a
 * header for another page size has its signature at that page size minus 10.
 * All fields are in the maker's byte order (little-endian for x86).
 *
 * A pure function of the bytes read (host-tested: tests/host/test_swapon_header.c).
 */
#ifndef MM_SWAPON_HEADER_H
#define MM_SWAPON_HEADER_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define SWAP_PAGE_SIZE      4096  /* the only page size this kernel swaps in */
#define SWAP_SIG_LEN        10
#define SWAP_BADPAGES_OFF   1536
#define SWAP_MAX_BADPAGES   ((SWAP_PAGE_SIZE - SWAP_BADPAGES_OFF - SWAP_SIG_LEN) / 4) /* 637 */
#define SWAP_HEADER_SCAN    65536 /* bytes to read to recognise headers of pages up to 64 KiB */

enum swap_header_error {
	SWAP_HEADER_OK,
	SWAP_HEADER_SHORT,         /* the disk is smaller than one page */
	SWAP_HEADER_NO_SIGNATURE,  /* no SWAPSPACE2 at any page size */
	SWAP_HEADER_OLD_FORMAT,    /* "SWAP-SPACE": version 0, gone from Linux since 2.5 */
	SWAP_HEADER_PAGE_SIZE,     /* made for another page size: info->page_size */
	SWAP_HEADER_BYTE_SWAPPED,  /* made on a machine of the other byte order */
	SWAP_HEADER_VERSION,       /* info->version is not 1 */
	SWAP_HEADER_TOO_MANY_BAD,  /* info->nr_badpages > SWAP_MAX_BADPAGES */
	SWAP_HEADER_EMPTY,         /* last_page 0: no page to swap to */
	SWAP_HEADER_BEYOND_DISK,   /* last_page lies past the end of the disk */
	SWAP_HEADER_BAD_PAGE,      /* info->bad_entry, a bad page outside 1..last_page */
	SWAP_HEADER_ALL_BAD,       /* every page 1..last_page is listed bad */
};

struct swap_header_info {
	uint32_t version, last_page, nr_badpages; /* as the header says */
	uint32_t nr_bad;     /* distinct bad pages, sorted into the caller's array */
	uint64_t nr_good;    /* usable pages: last_page - nr_bad */
	uint32_t page_size;  /* SWAP_HEADER_PAGE_SIZE: the page size the header was made for */
	uint32_t bad_entry;  /* SWAP_HEADER_BAD_PAGE: the offending entry */
	uint8_t uuid[16];
	char label[17];      /* NUL-terminated */
};

/*
 * swap_header_parse: check the first @len bytes of a disk of @disk_bytes
 * (@len >= SWAP_PAGE_SIZE unless the disk is smaller; more, up to
 * SWAP_HEADER_SCAN, lets another page size be recognised). Fills @info; on
 * success @bad[0..info->nr_bad) holds the distinct bad pages in ascending
 * order (@bad has room for SWAP_MAX_BADPAGES). Returns why the area is
 * unusable, or SWAP_HEADER_OK.
 */
enum swap_header_error swap_header_parse(const uint8_t *buf, size_t len, uint64_t disk_bytes,
					 struct swap_header_info *info, uint32_t *bad);

/* swap_bad_lookup: whether @page is among the @n ascending @bad pages (binary search). */
bool swap_bad_lookup(const uint32_t *bad, uint32_t n, uint64_t page);

#endif
