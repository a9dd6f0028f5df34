/*
 * tests/user/mman.c - mmap, munmap, mprotect, madvise and brk as a program
 * sees them: Linux's errnos for bad arguments, fresh memory reads zero,
 * protections hold (a child that breaks one dies of SIGSEGV), data survives
 * PROT_NONE, MAP_FIXED replaces, MAP_SHARED memory is shared with a forked
 * child and MAP_PRIVATE memory is not, MADV_DONTNEED empties private pages.
 * user-test: diff
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "lib/pages.h"

#define ANON      (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW        (PROT_READ | PROT_WRITE)
#define TASK_SIZE 0x7ffffffff000ul /* Linux's x86-64 user space end */
#define HINT      ((void *)0x300000000ul)

/* errno_of: the errno of a failed call returning -1 (or MAP_FAILED), else 0. */
#define errno_of(call) (errno = 0, (long)(call) == -1 ? errno : 0)


/* sys_mmap: the raw system call (musl's mmap checks the offset and length itself). */
static long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

/* bad_arguments: each mistake with the errno Linux gives it, through the raw
 * system calls (musl's mprotect rounds the range itself). @p: three pages
 * whose last one is unmapped again, a hole no other mapping can be in. */
static void bad_arguments(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);

	munmap(p + 2 * PAGE, PAGE);
	printf("mmap length 0: %s\n", strerror(errno_of(sys_mmap(NULL, 0, RW, ANON, -1, 0))));
	printf("mmap no type: %s\n", strerror(errno_of(sys_mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0))));
	printf("mmap shared and private: %s\n",
	       strerror(errno_of(sys_mmap(NULL, PAGE, RW, ANON | MAP_SHARED, -1, 0))));
	printf("mmap fixed unaligned: %s\n",
	       strerror(errno_of(sys_mmap(p + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0))));
	printf("mmap offset unaligned: %s\n", strerror(errno_of(sys_mmap(NULL, PAGE, RW, ANON, -1, 100))));
	printf("mmap fixed past user space: %s\n",
	       strerror(errno_of(sys_mmap((void *)TASK_SIZE, PAGE, RW, ANON | MAP_FIXED, -1, 0))));
	printf("mmap huge: %s\n", strerror(errno_of(sys_mmap(NULL, -PAGE, RW, ANON, -1, 0))));
	printf("mmap noreplace over a mapping: %s\n",
	       strerror(errno_of(sys_mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0))));
	printf("mmap bad fd: %s\n", strerror(errno_of(sys_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0))));
	printf("munmap length 0: %s\n", strerror(errno_of(syscall(SYS_munmap, p, 0))));
	printf("munmap unaligned: %s\n", strerror(errno_of(syscall(SYS_munmap, p + 1, PAGE))));
	printf("mprotect unaligned: %s\n",
	       strerror(errno_of(syscall(SYS_mprotect, p + 1, PAGE, PROT_READ))));
	printf("mprotect bad prot: %s\n", strerror(errno_of(syscall(SYS_mprotect, p, PAGE, 0x40))));
	printf("mprotect over a hole: %s\n",
	       strerror(errno_of(syscall(SYS_mprotect, p, 3 * PAGE, PROT_READ))));
	printf("mprotect length 0: %s\n", strerror(errno_of(syscall(SYS_mprotect, p, 0, 0x40))));
	printf("madvise bad advice: %s\n", strerror(errno_of(syscall(SYS_madvise, p, PAGE, 99))));
	printf("madvise unaligned: %s\n",
	       strerror(errno_of(syscall(SYS_madvise, p + 1, PAGE, MADV_NORMAL))));
	printf("madvise over a hole: %s\n",
	       strerror(errno_of(syscall(SYS_madvise, p, 3 * PAGE, MADV_NORMAL))));
	printf("munmap of nothing: %s\n", strerror(errno_of(syscall(SYS_munmap, p + 2 * PAGE, PAGE))));
	munmap(p, 2 * PAGE);
}

/* anonymous: fresh memory is zero and lazily there; hints; MAP_FIXED replaces; munmap removes. */
static void anonymous(void)
{
	size_t big = 64ul << 20;
	char *p = mmap(NULL, big, RW, ANON | MAP_NORESERVE, -1, 0);
	char *h, *f;

	check("64 MiB mapping", p != MAP_FAILED);
	check("its pages read zero", all_zero(p, PAGE) && all_zero(p + big - PAGE, PAGE));
	p[big / 2] = 7;
	check("a write sticks", p[big / 2] == 7);
	check("munmap", munmap(p, big) == 0);
	touch_in_child("read after munmap", p + big / 2, 0);

	h = mmap(HINT, PAGE, RW, ANON, -1, 0);
	check("a free hint is taken", h == HINT);
	h[0] = 1;
	f = mmap(HINT, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	check("MAP_FIXED maps at the address", f == HINT);
	check("and replaces the old page", f[0] == 0);
	check("noreplace on a free range", mmap(h + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0) ==
						   h + PAGE);
	p = mmap(NULL, 4 * PAGE, RW, ANON | MAP_POPULATE, -1, 0);
	check("MAP_POPULATE memory reads zero", p != MAP_FAILED && all_zero(p, 4 * PAGE));
	check("munmap the middle", munmap(p + PAGE, 2 * PAGE) == 0);
	touch_in_child("read the unmapped middle", p + PAGE, 0);
	p[0] = p[3 * PAGE] = 1;
	check("the ends are still there", p[0] == 1 && p[3 * PAGE] == 1);
	munmap(HINT, 2 * PAGE);
	munmap(p, 4 * PAGE);
}

/* protections: read-only refuses writes, PROT_NONE everything, and the data survives both. */
static void protections(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);

	memset(p, 'x', 3 * PAGE);
	check("mprotect read-only", mprotect(p + PAGE, PAGE, PROT_READ) == 0);
	touch_in_child("write to read-only", p + PAGE, 1);
	touch_in_child("read read-only", p + PAGE, 0);
	touch_in_child("write next to it", p + 2 * PAGE, 1);
	check("mprotect none", mprotect(p, 2 * PAGE, PROT_NONE) == 0);
	touch_in_child("read PROT_NONE", p, 0);
	check("write(2) from PROT_NONE fails with EFAULT", errno_of(write(1, p, 1)) == EFAULT);
	check("mprotect back to read-write", mprotect(p, 3 * PAGE, RW) == 0);
	check("the data survived", p[0] == 'x' && p[PAGE] == 'x' && p[3 * PAGE - 1] == 'x');
	p[PAGE] = 'y';
	check("writable again", p[PAGE] == 'y');
	munmap(p, 3 * PAGE);
}

/* sharing: a child's writes reach the parent through MAP_SHARED memory only. */
static void sharing(void)
{
	char *shared = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *private = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int status;

	shared[0] = private[0] = 1;
	if (fork() == 0) {
		shared[0] = private[0] = 2;
		_exit(0);
	}
	wait(&status);
	check("the child's write to shared memory is seen", shared[0] == 2);
	check("the child's write to private memory is not", private[0] == 1);
	check("MADV_DONTNEED on shared memory", madvise(shared, PAGE, MADV_DONTNEED) == 0);
	check("keeps its data", shared[0] == 2);
	check("MADV_DONTNEED on private memory", madvise(private, PAGE, MADV_DONTNEED) == 0);
	check("empties it", private[0] == 0);
	munmap(shared, PAGE);
	munmap(private, PAGE);
}

/* heap: the break grows into zeroed memory, shrinks, and what is gone faults. */
static void heap(void)
{
	char *start = (char *)syscall(SYS_brk, 0);
	char *end = start + 3 * PAGE;

	check("brk grows", (char *)syscall(SYS_brk, end) == end);
	check("new heap reads zero", all_zero(start, 3 * PAGE));
	end[-1] = 1;
	check("brk shrinks", (char *)syscall(SYS_brk, start + PAGE) == start + PAGE);
	touch_in_child("read above the break", start + 2 * PAGE, 0);
	check("brk below its start fails", (char *)syscall(SYS_brk, PAGE) == start + PAGE);
	check("brk back", (char *)syscall(SYS_brk, start) == start);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0); /* children must not flush the parent's buffer */
	bad_arguments();
	anonymous();
	protections();
	sharing();
	heap();
	return test_failures;
}
