/*
 * mm/swapon_header.c - checking a swap header (see swapon_header.h). The
 * checks and their order follow Linux's read_swap_header: the signature,
 * the version, the bad-page count, the area against the disk, then each bad
 * page. Unlike Linux, a byte-swapped header is refused rather than swapped,
 * and the signature of another page size is recognised, to say why.
 */
#include "mm/swapon_header.h"
#include "kernel/lib/string.h"

#define OFF_VERSION     1024
#define OFF_LAST_PAGE   1028
#define OFF_NR_BADPAGES 1032
#define OFF_UUID        1036
#define OFF_LABEL       1052
#define LABEL_LEN       16
#define MIN_PAGE_SIZE   1024

static const char signature[SWAP_SIG_LEN] = "SWAPSPACE2";
static const char old_signature[SWAP_SIG_LEN] = "SWAP-SPACE";

/* le32: the little-endian 32-bit value at @p (any alignment). */
static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* signature_at: whether the @len-byte @buf holds @sig as the last bytes of a page of @page_size. */
static bool signature_at(const uint8_t *buf, size_t len, uint32_t page_size, const char *sig)
{
	return page_size <= len && memcmp(buf + page_size - SWAP_SIG_LEN, sig, SWAP_SIG_LEN) == 0;
}

/* other_page_size: the page size other than ours whose signature @buf holds, or 0. */
static uint32_t other_page_size(const uint8_t *buf, size_t len)
{
	for (uint32_t size = MIN_PAGE_SIZE; size <= SWAP_HEADER_SCAN; size <<= 1)
		if (size != SWAP_PAGE_SIZE && signature_at(buf, len, size, signature))
			return size;
	return 0;
}

/* check_signature: the verdict on the signature alone (SWAP_HEADER_OK: ours, at our page size). */
static enum swap_header_error check_signature(const uint8_t *buf, size_t len, struct swap_header_info *info)
{
	if (signature_at(buf, len, SWAP_PAGE_SIZE, signature))
		return SWAP_HEADER_OK;
	if (signature_at(buf, len, SWAP_PAGE_SIZE, old_signature))
		return SWAP_HEADER_OLD_FORMAT;
	info->page_size = other_page_size(buf, len);
	return info->page_size ? SWAP_HEADER_PAGE_SIZE : SWAP_HEADER_NO_SIGNATURE;
}

/* sort_unique: sort @v[0..@n) ascending in place, drop repeats; returns how many remain. */
static uint32_t sort_unique(uint32_t *v, uint32_t n)
{
	uint32_t kept = 0;

	for (uint32_t i = 1; i < n; i++) { /* insertion sort: at most 637 entries */
		uint32_t x = v[i], j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	for (uint32_t i = 0; i < n; i++)
		if (kept == 0 || v[kept - 1] != v[i])
			v[kept++] = v[i];
	return kept;
}

/* read_bad_pages: copy, check and sort the bad-page list into @bad. */
static enum swap_header_error read_bad_pages(const uint8_t *buf, struct swap_header_info *info, uint32_t *bad)
{
	for (uint32_t i = 0; i < info->nr_badpages; i++) {
		bad[i] = le32(buf + SWAP_BADPAGES_OFF + 4 * i);
		if (bad[i] == 0 || bad[i] > info->last_page) {
			info->bad_entry = bad[i];
			return SWAP_HEADER_BAD_PAGE;
		}
	}
	info->nr_bad = sort_unique(bad, info->nr_badpages);
	info->nr_good = info->last_page - info->nr_bad;
	return info->nr_good ? SWAP_HEADER_OK : SWAP_HEADER_ALL_BAD;
}

enum swap_header_error swap_header_parse(const uint8_t *buf, size_t len, uint64_t disk_bytes,
					 struct swap_header_info *info, uint32_t *bad)
{
	enum swap_header_error err;

	memset(info, 0, sizeof(*info));
	if (disk_bytes < SWAP_PAGE_SIZE || len < SWAP_PAGE_SIZE)
		return SWAP_HEADER_SHORT;
	if ((err = check_signature(buf, len, info)))
		return err;
	info->version = le32(buf + OFF_VERSION);
	info->last_page = le32(buf + OFF_LAST_PAGE);
	info->nr_badpages = le32(buf + OFF_NR_BADPAGES);
	memcpy(info->uuid, buf + OFF_UUID, sizeof(info->uuid));
	memcpy(info->label, buf + OFF_LABEL, LABEL_LEN);
	if (info->version == 0x01000000)
		return SWAP_HEADER_BYTE_SWAPPED;
	if (info->version != 1)
		return SWAP_HEADER_VERSION;
	if (info->nr_badpages > SWAP_MAX_BADPAGES)
		return SWAP_HEADER_TOO_MANY_BAD;
	if (info->last_page == 0)
		return SWAP_HEADER_EMPTY;
	if (((uint64_t)info->last_page + 1) * SWAP_PAGE_SIZE > disk_bytes)
		return SWAP_HEADER_BEYOND_DISK;
	return read_bad_pages(buf, info, bad);
}

bool swap_bad_lookup(const uint32_t *bad, uint32_t n, uint64_t page)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (bad[mid] == page)
			return true;
		if (bad[mid] < page)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
