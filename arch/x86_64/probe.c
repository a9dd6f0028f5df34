/* arch/x86_64/probe.c - fault-tolerant single accesses (see probe.h). */
#include "arch/x86_64/probe.h"
#include "arch/x86_64/extable.h"

int probe_read_u64(const void *addr, uint64_t *out)
{
	long ret = 0;
	uint64_t v = 0;
	__asm__ volatile("1: movq (%[p]), %[v]\n"
			 "2:\n\t" EXTABLE(1b, 2b)
			 : "+a"(ret), [v] "+r"(v) : [p] "r"(addr) : "memory");
	*out = v;
	return (int)ret;
}

int probe_write_u8(void *addr, uint8_t v)
{
	long ret = 0;
	__asm__ volatile("1: movb %[v], (%[p])\n"
			 "2:\n\t" EXTABLE(1b, 2b)
			 : "+a"(ret) : [p] "r"(addr), [v] "q"(v) : "memory");
	return (int)ret;
}
