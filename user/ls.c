/*
 * user/ls.c - list directories and files.
 *   ls [-l] [PATH...]    (no PATH: the current directory)
 * A directory shows its entries sorted by name, without the dot files; more
 * than one PATH puts a "PATH:" heading over each directory. -l adds the type,
 * permissions and size: "-rwxr-xr-x    12345 name".
 */
#include <dirent.h>
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int long_format; /* -l */

/* type_char: the letter ls -l shows for the file type in @mode. */
static char type_char(mode_t mode)
{
	if (S_ISDIR(mode))
		return 'd';
	if (S_ISLNK(mode))
		return 'l';
	if (S_ISCHR(mode))
		return 'c';
	if (S_ISBLK(mode))
		return 'b';
	if (S_ISFIFO(mode))
		return 'p';
	if (S_ISSOCK(mode))
		return 's';
	return '-';
}

/* show: print the entry @name, found at @path; 0, or -1 if @path cannot be stat'ed. */
static int show(const char *path, const char *name)
{
	struct stat st;
	char mode[11];

	if (!long_format) {
		puts(name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		warn("%s", path);
		return -1;
	}
	mode[0] = type_char(st.st_mode);
	for (int i = 0; i < 9; i++) /* owner rwx, group rwx, others rwx: bits 8 down to 0 */
		mode[i + 1] = st.st_mode & (0400 >> i) ? "rwx"[i % 3] : '-';
	mode[10] = '\0';
	printf("%s %8lld %s\n", mode, (long long)st.st_size, name);
	return 0;
}

/* by_name: qsort's comparison of two names, in byte order (the C locale's). */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* read_names: the entries of the open directory @d but the dot files, sorted,
 * malloc'ed (NULL for none); their number in *@count. Exits when out of memory. */
static char **read_names(DIR *d, size_t *count)
{
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;

	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		if (!names || !(names[n++] = strdup(e->d_name)))
			err(1, "out of memory");
	}
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	*count = n;
	return names;
}

/* list_dir: print the entries of directory @path; 0, or -1. */
static int list_dir(const char *path)
{
	DIR *d = opendir(path);
	size_t n;
	int status = 0;

	if (!d) {
		warn("%s", path);
		return -1;
	}
	char **names = read_names(d, &n);
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		char full[PATH_MAX];
		snprintf(full, sizeof(full), "%s/%s", path, names[i]);
		if (show(full, names[i]) < 0)
			status = -1;
		free(names[i]);
	}
	free(names);
	return status;
}

/* list: print @path: a directory's entries (under a heading if @heading), or
 * the file itself; 0, or -1. */
static int list(const char *path, const char *heading)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		warn("%s", path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return show(path, path);
	if (heading)
		printf("%s%s:\n", heading, path);
	return list_dir(path);
}

int main(int argc, char *argv[])
{
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "-l") != 0) {
			fprintf(stderr, "usage: ls [-l] [PATH...]\n");
			return 2;
		}
		long_format = 1;
	}
	if (i == argc)
		return list(".", NULL) < 0;
	for (int first = i; i < argc; i++) {
		/* several paths: a heading per directory, with a blank line between */
		const char *heading = argc - first == 1 ? NULL : i == first ? "" : "\n";
		if (list(argv[i], heading) < 0)
			status = 1;
	}
	return status;
}
