/*
 * kernel/fs/proc/procfs_cpuinfo.c - /proc/cpuinfo, Linux's x86 layout
 * (arch/x86/kernel/cpu/proc.c show_cpuinfo) for the one CPU: what CPUID says
 * (vendor, family, model, stepping, the brand string, the feature flags by
 * Linux's names) and the TSC's calibrated speed. Lines that need what this
 * kernel does not probe (microcode, cache size, bugs, power management) are
 * left out.
 */
#include "kernel/fs/proc/procfs_entries.h"
#include "kernel/time.h"
#include "arch/x86_64/cpu.h"

/* One CPUID feature bit and Linux's name for it (arch/x86/include/asm/cpufeatures.h). */
struct cpu_flag {
	uint32_t leaf;  /* 1, 7 or 0x80000001 */
	uint8_t reg;    /* 1: EBX, 2: ECX, 3: EDX */
	uint8_t bit;
	const char *name;
};

/* In Linux's order: leaf 1 EDX, 0x80000001 EDX, leaf 1 ECX, 0x80000001 ECX, leaf 7 EBX. */
static const struct cpu_flag cpu_flags[] = {
	{ 1, 3, 0, "fpu" }, { 1, 3, 1, "vme" }, { 1, 3, 2, "de" }, { 1, 3, 3, "pse" }, { 1, 3, 4, "tsc" },
	{ 1, 3, 5, "msr" }, { 1, 3, 6, "pae" }, { 1, 3, 7, "mce" }, { 1, 3, 8, "cx8" }, { 1, 3, 9, "apic" },
	{ 1, 3, 11, "sep" }, { 1, 3, 12, "mtrr" }, { 1, 3, 13, "pge" }, { 1, 3, 14, "mca" }, { 1, 3, 15, "cmov" },
	{ 1, 3, 16, "pat" }, { 1, 3, 17, "pse36" }, { 1, 3, 19, "clflush" }, { 1, 3, 23, "mmx" },
	{ 1, 3, 24, "fxsr" }, { 1, 3, 25, "sse" }, { 1, 3, 26, "sse2" }, { 1, 3, 27, "ss" }, { 1, 3, 28, "ht" },
	{ 0x80000001, 3, 11, "syscall" }, { 0x80000001, 3, 20, "nx" }, { 0x80000001, 3, 22, "mmxext" },
	{ 0x80000001, 3, 26, "pdpe1gb" }, { 0x80000001, 3, 27, "rdtscp" }, { 0x80000001, 3, 29, "lm" },
	{ 1, 2, 0, "pni" }, { 1, 2, 1, "pclmulqdq" }, { 1, 2, 3, "monitor" }, { 1, 2, 9, "ssse3" },
	{ 1, 2, 12, "fma" }, { 1, 2, 13, "cx16" }, { 1, 2, 17, "pcid" }, { 1, 2, 19, "sse4_1" },
	{ 1, 2, 20, "sse4_2" }, { 1, 2, 21, "x2apic" }, { 1, 2, 22, "movbe" }, { 1, 2, 23, "popcnt" },
	{ 1, 2, 25, "aes" }, { 1, 2, 26, "xsave" }, { 1, 2, 28, "avx" }, { 1, 2, 29, "f16c" },
	{ 1, 2, 30, "rdrand" }, { 1, 2, 31, "hypervisor" },
	{ 0x80000001, 2, 0, "lahf_lm" }, { 0x80000001, 2, 5, "abm" }, { 0x80000001, 2, 8, "3dnowprefetch" },
	{ 7, 1, 0, "fsgsbase" }, { 7, 1, 3, "bmi1" }, { 7, 1, 5, "avx2" }, { 7, 1, 7, "smep" },
	{ 7, 1, 8, "bmi2" }, { 7, 1, 9, "erms" }, { 7, 1, 10, "invpcid" }, { 7, 1, 18, "rdseed" },
	{ 7, 1, 19, "adx" }, { 7, 1, 20, "smap" }, { 7, 1, 23, "clflushopt" }, { 7, 1, 29, "sha_ni" },
};

/* has_flag: whether the CPU reports @f. */
static bool has_flag(const struct cpu_flag *f, uint32_t max_leaf, uint32_t max_ext)
{
	uint32_t r[4];

	if ((f->leaf < 0x80000000 && f->leaf > max_leaf) || (f->leaf >= 0x80000000 && f->leaf > max_ext))
		return false;
	cpuid(f->leaf, 0, r);
	return (r[f->reg] >> f->bit) & 1;
}

int show_cpuinfo(struct seq_file *s, struct process *p)
{
	uint32_t r[4], vendor[4] = { 0 }, brand[13] = { 0 };

	(void)p;
	cpuid(0, 0, r);
	uint32_t max_leaf = r[0];
	vendor[0] = r[1], vendor[1] = r[3], vendor[2] = r[2];
	cpuid(0x80000000, 0, r);
	uint32_t max_ext = r[0];
	for (uint32_t i = 0; i < 3 && max_ext >= 0x80000004; i++)
		cpuid(0x80000002 + i, 0, brand + 4 * i);
	cpuid(1, 0, r);
	uint32_t family = (r[0] >> 8) & 0xf, model = (r[0] >> 4) & 0xf;
	if (family == 0xf)
		family += (r[0] >> 20) & 0xff;
	if (family >= 6)
		model += ((r[0] >> 16) & 0xf) << 4;
	uint32_t clflush = ((r[1] >> 8) & 0xff) * 8;
	const char *name = (const char *)brand;
	while (*name == ' ')
		name++;
	seq_printf(s, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n", (const char *)vendor,
		   family, model);
	seq_printf(s, "model name\t: %s\nstepping\t: %u\n", *name ? name : "unknown", r[0] & 0xf);
	seq_printf(s, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
	seq_printf(s, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\napicid\t\t: 0\n");
	seq_printf(s, "initial apicid\t: 0\nfpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\n",
		   max_leaf);
	seq_puts(s, "flags\t\t:");
	for (unsigned i = 0; i < sizeof(cpu_flags) / sizeof(cpu_flags[0]); i++)
		if (has_flag(&cpu_flags[i], max_leaf, max_ext))
			seq_printf(s, " %s", cpu_flags[i].name);
	seq_printf(s, "\nbogomips\t: %lu.%02lu\n", tsc_khz * 2 / 1000, tsc_khz * 2 / 10 % 100);
	seq_printf(s, "clflush size\t: %u\ncache_alignment\t: %u\n", clflush, clflush);
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, 0, r);
		seq_printf(s, "address sizes\t: %u bits physical, %u bits virtual\n", r[0] & 0xff, (r[0] >> 8) & 0xff);
	}
	seq_puts(s, "power management:\n\n");
	return 0;
}
