/* mm/vmstat.c - the system-wide memory event counters (see vmstat.h). */
#include "mm/vmstat.h"

uint64_t vm_events[NR_VM_EVENTS];
