/*
 * tests/host/test_sigframe.c - rt_sigreturn's check of the user's sigcontext
 * (arch/x86_64/sigframe.c): a non-canonical or kernel RIP is refused before
 * it can reach iretq (TCG does not raise the #GP a real CPU would, so only
 * this test sees the check), and RFLAGS, CS and SS cannot be raised.
 */
/* host-test-sources: arch/x86_64/sigframe.c */
#include "tests/host/shim.h"
#include "arch/x86_64/sigframe.h"
#include "arch/x86_64/gdt.h"

#define RFLAGS_IF   (1ull << 9)
#define RFLAGS_IOPL (3ull << 12)

/* frame_after: a trap frame with @rip saved and read back through a sigcontext
 * whose RIP became @new_rip; restore_sigcontext's verdict into *@ok. */
static struct trap_frame frame_after(uint64_t new_rip, bool *ok)
{
	struct trap_frame f = { .rip = 0x401000, .rax = 7, .cs = GDT_USER_CODE | 3,
				.ss = GDT_USER_DATA | 3, .rflags = 0x202, .rsp = 0x7ffffff000 };
	struct sigcontext_k mc;

	save_sigcontext(&mc, &f);
	mc.rip = new_rip;
	mc.rax = 42;
	*ok = restore_sigcontext(&f, &mc);
	return f;
}

static void test_user_rips_are_restored(void **state)
{
	(void)state;
	uint64_t rips[] = { 0, 0x401234, 0x00007fffffffefffull, 0x00007fffffffffffull };
	for (unsigned i = 0; i < sizeof(rips) / sizeof(rips[0]); i++) {
		bool ok;
		struct trap_frame f = frame_after(rips[i], &ok);
		assert_true(ok);
		assert_int_equal(f.rip, rips[i]);
		assert_int_equal(f.rax, 42);
	}
}

static void test_non_canonical_and_kernel_rips_are_refused(void **state)
{
	(void)state;
	uint64_t rips[] = { 0x0000800000000000ull, 0x1234567890abcdefull,
			    0xffff7fffffffffffull, 0xffff800000000000ull, 0xffffffff80000000ull, ~0ull };
	for (unsigned i = 0; i < sizeof(rips) / sizeof(rips[0]); i++) {
		bool ok;
		struct trap_frame f = frame_after(rips[i], &ok);
		assert_false(ok);
		assert_int_equal(f.rip, 0x401000); /* the frame is left as it was */
		assert_int_equal(f.rax, 7);
	}
}

static void test_privileged_state_cannot_be_restored(void **state)
{
	(void)state;
	struct trap_frame f = { .rip = 0x401000, .cs = GDT_USER_CODE | 3, .ss = GDT_USER_DATA | 3,
				.rflags = 0x202 };
	struct sigcontext_k mc;

	save_sigcontext(&mc, &f);
	mc.eflags = ~0ull; /* IF off, IOPL 3, every reserved bit */
	mc.cs = 0x08;      /* the kernel's code segment */
	mc.ss = 0x10;
	assert_true(restore_sigcontext(&f, &mc));
	assert_int_equal(f.cs, GDT_USER_CODE | 3);
	assert_int_equal(f.ss, GDT_USER_DATA | 3);
	assert_true(f.rflags & RFLAGS_IF);
	assert_int_equal(f.rflags & RFLAGS_IOPL, 0);
	assert_int_equal(f.rflags & 0x50dd5, 0x50dd5); /* the user-changeable bits took the new values */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_user_rips_are_restored),
		cmocka_unit_test(test_non_canonical_and_kernel_rips_are_refused),
		cmocka_unit_test(test_privileged_state_cannot_be_restored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
