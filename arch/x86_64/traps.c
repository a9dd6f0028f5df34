/*
 * arch/x86_64/traps.c - where every exception and interrupt lands (from isr.asm).
 *
 * Today every CPU exception is fatal except a fault covered by an exception
 * fixup (extable.h). A fatal one prints an "oops" in the spirit of Linux's:
 * vector, name, error code decoded, RIP with its symbol, CR0/2/3/4, all
 * general registers and a symbolised backtrace, then stops the kernel.
 */
#include "arch/x86_64/trap_frame.h"
#include "arch/x86_64/extable.h"
#include "arch/x86_64/cpu.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "kernel/backtrace.h"
#include "kernel/errno.h"
#include "kernel/entry.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/exit.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "mm/fault.h"

#define VEC_PAGE_FAULT 14

static const char *const exception_names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
	"#BR bound range exceeded", "#UD invalid opcode", "#NM device not available",
	"#DF double fault", "coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack-segment fault", "#GP general protection",
	"#PF page fault", "reserved (15)", "#MF x87 floating-point error",
	"#AC alignment check", "#MC machine check", "#XM SIMD floating-point",
	"#VE virtualization", "#CP control protection", "reserved (22)", "reserved (23)",
	"reserved (24)", "reserved (25)", "reserved (26)", "reserved (27)",
	"#HV hypervisor injection", "#VC VMM communication", "#SX security", "reserved (31)",
};

/* pf_error_string: decode a #PF error code (SDM Vol. 3A 4.7) into @buf, e.g. "P W K". */
static const char *pf_error_string(uint64_t e, char buf[32])
{
	char *p = buf;
	*p++ = (e & 1) ? 'P' : '-';                  /* present (protection) vs not-present */
	*p++ = ' '; *p++ = (e & 2) ? 'W' : 'R';      /* write vs read */
	*p++ = ' '; *p++ = (e & 4) ? 'U' : 'K';      /* user vs supervisor mode */
	if (e & 8)  { *p++ = ' '; *p++ = 'R'; *p++ = 'S'; *p++ = 'V'; } /* reserved bit set */
	if (e & 16) { *p++ = ' '; *p++ = 'I'; }      /* instruction fetch */
	*p = 0;
	return buf;
}

/* show_trap: print the oops body for frame @f: what, where, and every register. */
static void show_trap(const struct trap_frame *f)
{
	char pf[32];
	pr_emerg("!!! %s (vector %lu), error code 0x%lx%s%s%s\n", exception_names[f->vector],
		 f->vector, f->error_code, f->vector == VEC_PAGE_FAULT ? " [" : "",
		 f->vector == VEC_PAGE_FAULT ? pf_error_string(f->error_code, pf) : "",
		 f->vector == VEC_PAGE_FAULT ? "]" : "");
	backtrace_print_address("RIP", f->rip);
	pr_emerg("CS: %04lx SS: %04lx RFLAGS: %016lx RSP: %016lx\n", f->cs, f->ss, f->rflags, f->rsp);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
		 read_cr0(), read_cr2(), read_cr3(), read_cr4());
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", f->rax, f->rbx, f->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", f->rdx, f->rsi, f->rdi);
	pr_emerg("RBP: %016lx R8:  %016lx R9:  %016lx\n", f->rbp, f->r8, f->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", f->r10, f->r11, f->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", f->r13, f->r14, f->r15);
	pr_emerg("Call Trace:\n");
	backtrace_print(f->rip, f->rbp);
}

/* fixup_kernel_fault: resume at the extable fixup for @f's RIP, if any; true when done. */
static int fixup_kernel_fault(struct trap_frame *f)
{
	uint64_t fixup = trap_from_user(f) ? 0 : extable_lookup(f->rip);
	if (!fixup)
		return 0;
	last_fixup = (struct fixup_record){ f->rip, read_cr2(), f->error_code, f->vector };
	f->rip = fixup;
	f->rax = (uint64_t)-EFAULT;
	return 1;
}

/* die: print the oops for an unrecoverable exception and stop the kernel. */
__attribute__((noreturn)) static void die(const struct trap_frame *f)
{
	static int dying;
	if (dying++) /* a fault while printing the oops: stop without recursing */
		panic("die: fault inside the exception dump");
	show_trap(f);
	pr_emerg("Kernel panic - not syncing: Fatal exception: %s\n", exception_names[f->vector]);
	panic_stop();
}

/* kernel_fault: a fault in kernel mode: resume at its exception fixup (RAX =
 * -EFAULT) if the faulting instruction has one, else print an oops and panic. */
static void kernel_fault(struct trap_frame *f)
{
	if (!fixup_kernel_fault(f))
		die(f);
}

/* exception_signal: the signal a user-mode CPU exception sends (Linux: arch/x86/kernel/traps.c). */
static int exception_signal(uint64_t vector)
{
	switch (vector) {
	case 0: case 16: case 19: return SIGFPE;   /* #DE, #MF, #XM */
	case 1: case 3:           return SIGTRAP;  /* #DB, #BP */
	case 6:                   return SIGILL;   /* #UD */
	case 17:                  return SIGBUS;   /* #AC */
	default:                  return SIGSEGV;  /* #GP, #SS, #NP, #OF, #BR, ... */
	}
}

/* user_exception: a CPU exception in user mode kills (or signals) only that process. */
static void user_exception(struct trap_frame *f)
{
	int sig = exception_signal(f->vector);
	pr_info("pid %d (%s): %s at ip %lx sp %lx error %lx, signal %d\n", current->pid, current->comm,
		exception_names[f->vector], f->rip, f->rsp, f->error_code, sig);
	force_signal(sig);
}

/* fault_signal: the signal for a user page fault that failed with @ret
 * (Linux: mm_fault_error): no memory kills, lost data is SIGBUS, a bad
 * access SIGSEGV. */
static int fault_signal(vm_fault_t ret)
{
	if (ret & VM_FAULT_SIGBUS)
		return SIGBUS;
	return (ret & VM_FAULT_OOM) ? SIGKILL : SIGSEGV;
}

/* page_fault: #PF: mm handles it (and logs a user fault's failure); a
 * failure is then the kernel's -EFAULT fixup or an oops, or the user
 * process's signal. */
static void page_fault(struct trap_frame *f)
{
	vm_fault_t ret = handle_page_fault(f);

	if (!(ret & VM_FAULT_ERROR))
		return;
	if (!trap_from_user(f))
		kernel_fault(f); /* a kernel access to user memory: -EFAULT through the fixup table, or an oops */
	else
		force_signal(fault_signal(ret));
}

/* trap_dispatch: entry from isr_common for every vector; called with IF=0. */
void trap_dispatch(struct trap_frame *f)
{
	if (f->vector == VEC_PAGE_FAULT)
		page_fault(f);
	else if (f->vector < 32 && trap_from_user(f))
		user_exception(f);
	else if (f->vector < 32)
		kernel_fault(f);
	else if (f->vector >= IRQ_BASE_VECTOR && f->vector < IRQ_BASE_VECTOR + 16)
		irq_dispatch(f);
	else
		pr_warn("trap: unexpected interrupt vector %lu\n", f->vector);
	if (trap_from_user(f))
		exit_to_user(f);
}

/* iret_fault: iretq refused @frame (rip cs rflags rsp ss), reached from
 * bad_iret.asm through the exception table. Current's own trap frame: only
 * current dies, with SIGSEGV as Linux's fixup_bad_iret gives; anything else
 * is a kernel bug (panic). Never returns. */
__attribute__((noreturn)) void iret_fault(const uint64_t *frame);
void iret_fault(const uint64_t *frame)
{
	if (!current->mm || frame != &current->tf->rip || (frame[1] & 3) != 3)
		panic("iret_fault: iretq refused a kernel frame at %p (ip %lx cs %lx)", (void *)frame,
		      frame[0], frame[1]);
	pr_info("pid %d (%s): return to user mode refused (ip %lx cs %lx ss %lx), signal %d\n", current->pid,
		current->comm, frame[0], frame[1], frame[4], SIGSEGV);
	do_exit(W_SIGNALED(SIGSEGV));
}
