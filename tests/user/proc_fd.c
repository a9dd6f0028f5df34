/*
 * tests/user/proc_fd.c - /proc/self/fd and /proc/self/exe as Linux shows
 * them: a link per open descriptor (lr-x, l-wx, lrwx by the open mode) to the
 * path it was opened by, "pipe:[N]" for a pipe; a descriptor closed is gone
 * from the listing; opening a link opens the file again; exe names the
 * program. Same facts on Linux.
 * user-test: diff
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

/* link_of: readlink of /proc/self/fd/@fd into @buf (NUL-terminated); its length or -1. */
static long link_of(int fd, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	long n = readlink(path, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* mode_of_fd: the permission bits of /proc/self/fd/@fd (lstat). */
static int mode_of_fd(int fd)
{
	char path[64];
	struct stat st;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return lstat(path, &st) || !S_ISLNK(st.st_mode) ? -1 : (int)(st.st_mode & 0777);
}

/* listed: whether @fd appears in /proc/self/fd. */
static int listed(int fd)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int found = 0;

	while (d && (de = readdir(d)))
		found |= atoi(de->d_name) == fd && de->d_name[0] != '.';
	if (d)
		closedir(d);
	return found;
}

int main(void)
{
	char buf[256], dir[] = "/tmp/procfdXXXXXX", file[64];
	int p[2];

	mkdtemp(dir);
	snprintf(file, sizeof(file), "%s/data", dir);
	int w = open(file, O_CREAT | O_WRONLY, 0644);
	write(w, "abc", 3);
	int r = open(file, O_RDONLY);
	int rw = open(file, O_RDWR);
	check("a file's link is its path", link_of(r, buf, sizeof(buf)) > 0 && !strcmp(buf, file));
	check("lr-x for O_RDONLY", mode_of_fd(r) == 0500);
	check("l-wx for O_WRONLY", mode_of_fd(w) == 0300);
	check("lrwx for O_RDWR", mode_of_fd(rw) == 0700);
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", r);
	int again = open(path, O_RDONLY);
	check("opening the link opens the file", again >= 0 && read(again, buf, 3) == 3 && !memcmp(buf, "abc", 3));
	close(again);
	pipe(p);
	check("a pipe's link: pipe:[N]", link_of(p[0], buf, sizeof(buf)) > 0 && !strncmp(buf, "pipe:[", 6) &&
	      buf[strlen(buf) - 1] == ']');
	char other[64];
	link_of(p[1], other, sizeof(other));
	check("both ends: the same pipe", !strcmp(buf, other));
	check("listed while open", listed(rw));
	close(rw);
	check("gone once closed", link_of(rw, buf, sizeof(buf)) == -1); /* (opendir would take its number) */
	long n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	check("exe names this program", n > 0 && strrchr(buf, '/') && !strcmp(strrchr(buf, '/'), "/proc_fd"));
	close(r);
	close(w);
	close(p[0]);
	close(p[1]);
	unlink(file);
	rmdir(dir);
	return test_failures;
}
