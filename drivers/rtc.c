/*
 * drivers/rtc.c - read the CMOS RTC (registers 0x00 seconds .. 0x09 year,
 * 0x32 century; status B says BCD or binary, 12 or 24 hours). QEMU keeps it
 * in UTC, and `-rtc base=...` sets it, which is how benchmarks pin the date.
 */
#include "drivers/rtc.h"
#include "arch/x86_64/cpu.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

/* cmos: read CMOS register @reg (NMI stays enabled: bit 7 clear). */
static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

/* bcd: decode @v from BCD unless the RTC is in binary mode. */
static unsigned bcd(uint8_t v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 15);
}

/* days_from_civil: days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

uint64_t rtc_read_epoch(void)
{
	while (cmos(0x0a) & 0x80) /* update in progress: wait for a stable second */
		cpu_relax();
	int binary = cmos(0x0b) & 0x04;
	int h24 = cmos(0x0b) & 0x02;
	unsigned sec = bcd(cmos(0x00), binary), min = bcd(cmos(0x02), binary);
	uint8_t hraw = cmos(0x04);
	unsigned hour = bcd(hraw & 0x7f, binary);
	if (!h24 && (hraw & 0x80))
		hour = (hour % 12) + 12;
	unsigned day = bcd(cmos(0x07), binary), mon = bcd(cmos(0x08), binary);
	unsigned year = bcd(cmos(0x09), binary) + 100 * bcd(cmos(0x32), binary);
	if (year < 1970)
		year += 2000; /* no century register: assume 20xx */
	return (uint64_t)(days_from_civil(year, mon, day) * 86400 + hour * 3600 + min * 60 + sec);
}
