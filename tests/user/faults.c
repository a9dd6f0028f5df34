/*
 * tests/user/faults.c - a CPU exception in user mode kills only the process,
 * with the signal Linux maps it to: bad memory accesses (including the
 * kernel's half and the program's own read-only text) and NX stacks give
 * SIGSEGV, privileged instructions SIGSEGV (#GP), ud2 SIGILL, int3 SIGTRAP,
 * division by zero SIGFPE; abort() is SIGABRT (musl raises it with tkill).
 * user-test: diff
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

/* volatile: the compiler may not fold the faults away (nor turn 1 / x into a compare) */
static volatile int zero, seven = 7;

static void write_null(void) { *(volatile int *)0 = 1; }
static void read_kernel(void) { (void)*(volatile long *)0xffff800000000000ul; }
static void write_text(void) { *(volatile char *)(uintptr_t)write_text = 0; }
static void divide_by_zero(void) { zero = seven / zero; }
static void undefined_opcode(void) { __builtin_trap(); /* ud2 */ }
static void breakpoint(void) { __asm__ volatile("int3"); }
static void halt(void) { __asm__ volatile("hlt"); /* ring 0 only */ }
static void disable_interrupts(void) { __asm__ volatile("cli"); /* needs IOPL 3 */ }

/* run_stack: jump to a `ret` instruction copied onto the (non-executable) stack. */
static void run_stack(void)
{
	volatile unsigned char code[16] = { 0xc3 };
	((void (*)(void))(uintptr_t)code)();
}

/* death: run @fault in a child; print how the child ended. */
static void death(const char *name, void (*fault)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fault();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d (%s)\n", name, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		printf("%s: exited with %d\n", name, WEXITSTATUS(status));
}

int main(void)
{
	struct rlimit no_core = { 0, 0 };

	setrlimit(RLIMIT_CORE, &no_core); /* no core files on Linux */
	fflush(stdout);
	death("write to NULL", write_null);
	death("read the kernel's direct map", read_kernel);
	death("write to our own text", write_text);
	death("execute the stack", run_stack);
	death("divide by zero", divide_by_zero);
	death("ud2", undefined_opcode);
	death("int3", breakpoint);
	death("hlt", halt);
	death("cli", disable_interrupts);
	death("abort()", abort);
	return 0;
}
