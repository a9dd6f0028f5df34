/* drivers/rtc.h - the CMOS real-time clock (MC146818), read once at boot for the wall clock. */
#ifndef DRIVERS_RTC_H
#define DRIVERS_RTC_H

#include <stdint.h>

/* rtc_read_epoch: the RTC's date and time as seconds since 1970-01-01 UTC. */
uint64_t rtc_read_epoch(void);

#endif
