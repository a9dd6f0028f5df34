/* tests/user/oom_adj.h - set the caller's oom_score_adj the Linux way (header only). */
#ifndef TESTS_USER_OOM_ADJ_H
#define TESTS_USER_OOM_ADJ_H

#include <stdio.h>

/* set_oom_score_adj: write @adj to /proc/self/oom_score_adj; 0, or -1 with a message. */
static inline int set_oom_score_adj(int adj)
{
	FILE *f = fopen("/proc/self/oom_score_adj", "w");

	if (!f || fprintf(f, "%d\n", adj) < 0 || fclose(f)) {
		perror("oom_score_adj");
		return -1;
	}
	return 0;
}

#endif
