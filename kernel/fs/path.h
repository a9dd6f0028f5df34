/*
 * kernel/fs/path.h - a path name, component by component: what the initrd's walk,
 * the VFS's canonical form of a path and procfs's lookup all step through
 * (Linux: the component loop of fs/namei.c link_path_walk).
 */
#ifndef KERNEL_PATH_H
#define KERNEL_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* next_component: the next name in [@p, @end) after skipping slashes: sets *@len
 * and returns its start, or NULL at the end. */
static inline const char *next_component(const char *p, const char *end, size_t *len)
{
	while (p < end && *p == '/')
		p++;
	if (p == end)
		return NULL;
	*len = 0;
	while (p + *len < end && p[*len] != '/')
		(*len)++;
	return p;
}

/* is_dot: the component @c (@len bytes) is "." */
static inline bool is_dot(const char *c, size_t len)
{
	return len == 1 && c[0] == '.';
}

/* is_dotdot: the component @c (@len bytes) is ".." */
static inline bool is_dotdot(const char *c, size_t len)
{
	return len == 2 && c[0] == '.' && c[1] == '.';
}

#endif
