/* mm/fault_trace.c - the page-fault trace ring (see fault_trace.h). */
#include "mm/fault_trace.h"
#include "kernel/lib/cmdline.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsnprintf.h"

enum fault_trace_mode fault_trace_mode;
static struct fault_record ring[FAULT_TRACE_SIZE];
static uint64_t recorded; /* faults recorded since boot: ring[(n - 1) % SIZE] is the latest */

/* parse_mode: the mode @s names, or -EINVAL. */
static int parse_mode(const char *s)
{
	if (!strcmp(s, "0") || !strcmp(s, "off"))
		return FAULT_TRACE_OFF;
	if (!strcmp(s, "1") || !strcmp(s, "on") || !strcmp(s, ""))
		return FAULT_TRACE_ON;
	if (!strcmp(s, "log"))
		return FAULT_TRACE_LOG;
	return -EINVAL;
}

int fault_trace_set(long mode)
{
	if (mode < FAULT_TRACE_OFF || mode > FAULT_TRACE_LOG)
		return -EINVAL;
	fault_trace_mode = (enum fault_trace_mode)mode;
	return 0;
}

void fault_trace_init(void)
{
	const char *mode = cmdline_get("fault_trace");

	if (mode && fault_trace_set(parse_mode(mode)))
		pr_warn("fault_trace: unknown mode \"%s\" (off, on, log): tracing stays off\n", mode);
}

/* error_bits: the error code as letters: P (protection) or - (not present), W or R, U or K, then I for a fetch. */
static void error_bits(char out[6], uint16_t error)
{
	out[0] = (error & PF_PRESENT) ? 'P' : '-';
	out[1] = (error & PF_WRITE) ? 'W' : 'R';
	out[2] = (error & PF_USER) ? 'U' : 'K';
	out[3] = (error & PF_INSTR) ? 'I' : ' ';
	out[4] = (error & PF_RSVD) ? '!' : ' ';
	out[5] = '\0';
}

/* outcome: how the fault of @r ended: a minor or major fault, a SIGSEGV, a
 * kernel access sent to its -EFAULT fixup (or an oops), or an error. */
static const char *outcome(const struct fault_record *r)
{
	if (r->result & VM_FAULT_SIGSEGV)
		return (r->error & PF_USER) ? "segv" : "fixup";
	if (r->result & VM_FAULT_ERROR)
		return "error";
	return (r->result & VM_FAULT_MAJOR) ? "major" : "minor";
}

/* format_record: one trace line for @r into @buf of @size bytes; its length (as snprintf). */
static size_t format_record(char *buf, size_t size, const struct fault_record *r)
{
	char bits[6];

	error_bits(bits, r->error);
	return (size_t)snprintf(buf, size, "%8lu %6d %-15s %016lx %016lx 0x%02x %s %-32s %-5s %9lu\n", r->seq,
				r->pid, r->comm, r->addr, r->rip, r->error, bits,
				fault_kind_name((enum fault_kind)r->kind), outcome(r), r->cycles);
}

void fault_trace_record(uint64_t addr, uint64_t rip, uint64_t error, enum fault_kind kind, vm_fault_t result,
			uint64_t cycles)
{
	struct fault_record *r = &ring[recorded++ & (FAULT_TRACE_SIZE - 1)];

	*r = (struct fault_record){ .seq = recorded, .addr = addr, .rip = rip, .cycles = cycles,
				    .pid = current->pid, .error = (uint16_t)error, .kind = (uint8_t)kind,
				    .result = (uint8_t)result };
	strlcpy(r->comm, current->comm, sizeof(r->comm));
	if (fault_trace_mode == FAULT_TRACE_LOG) {
		char line[160];

		format_record(line, sizeof(line), r);
		pr_info("fault: %s", line);
	}
}

void fault_trace_show(void (*emit)(void *arg, const char *line), void *arg)
{
	uint64_t first = recorded > FAULT_TRACE_SIZE ? recorded - FAULT_TRACE_SIZE : 0;
	char line[160];

	snprintf(line, sizeof(line), "%8s %6s %-15s %-16s %-16s %-4s %-5s %-32s %-5s %9s\n", "seq", "pid",
		 "comm", "address", "ip", "err", "bits", "resolution", "end", "cycles");
	emit(arg, line);
	for (uint64_t n = first; n < recorded; n++) {
		format_record(line, sizeof(line), &ring[n & (FAULT_TRACE_SIZE - 1)]);
		emit(arg, line);
	}
}
