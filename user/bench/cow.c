/*
 * user/bench/cow.c - `cow [MIB [ROUNDS]]`: copy-on-write around a process with
 * MIB (default 32) of anonymous memory resident, ROUNDS times (default 3):
 *   cow_fork   fork's latency: from the call until the first of parent and
 *              child returns from it (whichever the scheduler runs first)
 *   cow_fault  the child writes each page: every one still shared, copied
 *   cow_reuse  after the child is gone the parent writes each page: it is the
 *              last sharer, so the fault just makes the page writable again
 * The child measures its own writes and leaves them to the parent in a page of
 * shared anonymous memory (our kernel has no pipes yet).
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/bench.h"

/* What the child sends back: when fork returned in it, and its writes. */
struct child_report {
	uint64_t returned_ns;
	struct bench_sum writes;
};

/* child: write every page of @mem, leave the report in @r, exit. */
static _Noreturn void child(volatile struct child_report *r, volatile uint8_t *mem, size_t pages)
{
	uint64_t returned_ns = now_ns();
	struct bench_sum writes = { 0 };
	struct bench_mark start = bench_mark();

	touch_pages((volatile char *)mem, pages * PAGE, 1);
	bench_add(&writes, &start, (long)pages);
	r->returned_ns = returned_ns;
	r->writes = writes;
	_exit(0);
}

/* one_round: fork with @mem resident, the child's writes (reported in the shared
 * @r), then the parent's; adds to the three rows. */
static void one_round(volatile struct child_report *r, volatile uint8_t *mem, size_t pages,
		      struct bench_sum *fork_sum, struct bench_sum *fault_sum, struct bench_sum *reuse_sum)
{
	struct bench_mark start;
	uint64_t returned_ns;
	int status;
	pid_t pid;

	r->writes.ops = 0;
	start = bench_mark();
	pid = fork();
	if (pid == 0)
		child(r, mem, pages);
	returned_ns = now_ns();
	if (pid < 0)
		bench_die("fork");
	if (waitpid(pid, &status, 0) != pid || status || r->writes.ops != (long)pages)
		bench_fail("cow: the child did not report");
	fork_sum->ops++;
	fork_sum->ns += (r->returned_ns < returned_ns ? r->returned_ns : returned_ns) - start.ns;
	fault_sum->ops += r->writes.ops;
	fault_sum->ns += r->writes.ns;
	fault_sum->minflt += r->writes.minflt;
	fault_sum->majflt += r->writes.majflt;

	start = bench_mark();
	touch_pages((volatile char *)mem, pages * PAGE, 1);
	bench_add(reuse_sum, &start, (long)pages);
}

int main(int argc, char *argv[])
{
	size_t pages = (size_t)bench_arg(argc, argv, 1, 32) * MIB / PAGE;
	long rounds = bench_arg(argc, argv, 2, 3);
	volatile uint8_t *mem = bench_map(pages * PAGE);
	volatile struct child_report *r = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct bench_sum fork_sum = { 0 }, fault_sum = { 0 }, reuse_sum = { 0 };

	if (r == MAP_FAILED)
		bench_die("mmap shared");
	r->returned_ns = 0;            /* the report's page present before the fork */
	touch_pages((volatile char *)mem, pages * PAGE, 1); /* resident before the first fork */
	for (long i = 0; i < rounds; i++)
		one_round(r, mem, pages, &fork_sum, &fault_sum, &reuse_sum);
	bench_print("cow_fork", &fork_sum);
	bench_print("cow_fault", &fault_sum);
	bench_print("cow_reuse", &reuse_sum);
	return 0;
}
