/*
 * tests/user/proc_self.c - /proc as a file system: /proc/self is a symlink to
 * the caller's directory, the listing of /proc holds it and the caller's pid,
 * cmdline and comm say who we are, and open, lseek, stat and write give
 * Linux's answers (fs/proc/base.c, fs/proc/root.c, fs/seq_file.c). Same on Linux.
 * user-test: diff
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/procfs.h"
#include "test.h"

/* listed: whether directory @path has an entry @name of type @type. */
static int listed(const char *path, const char *name, unsigned char type)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= strcmp(e->d_name, name) == 0 && e->d_type == type;
	if (d)
		closedir(d);
	return found;
}

/* open_errno: the errno open(@path, @flags) fails with, or 0 if it opens. */
static int open_errno(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd >= 0)
		close(fd);
	return fd >= 0 ? 0 : errno;
}

/* reread_after_lseek: read /proc/self/comm, lseek back to 0, read it again,
 * then end of file; lseek from the end refused (seq_lseek). */
static int reread_after_lseek(void)
{
	char a[64], b[64];
	int fd = open("/proc/self/comm", O_RDONLY);
	ssize_t n = read(fd, a, sizeof(a));
	int ok = n > 0 && lseek(fd, 0, SEEK_SET) == 0 && read(fd, b, sizeof(b)) == n && !memcmp(a, b, n) &&
		 read(fd, b, 1) == 0;

	ok &= lseek(fd, 0, SEEK_END) < 0 && errno == EINVAL;
	close(fd);
	return ok;
}

/* odd_paths_work: /proc reached through a directory fd, doubled slashes, "."
 * and ".."; pread; and the errors of readlink and of a bad buffer. */
static int odd_paths_work(void)
{
	char buf[64];
	struct stat st;
	int dir = open("/proc", O_RDONLY | O_DIRECTORY);
	int fd = openat(dir, "self/comm", O_RDONLY);
	int ok = fd >= 0 && pread(fd, buf, sizeof(buf), 1) == (ssize_t)strlen("proc_self\n") - 1;

	close(fd);
	close(dir);
	ok &= stat("//proc//./self/../self//status", &st) == 0 && S_ISREG(st.st_mode);
	ok &= stat("/proc/self/../../proc/meminfo", &st) == 0;
	ok &= readlink("/proc/self/status", buf, sizeof(buf)) < 0 && errno == EINVAL;
	ok &= readlink("/proc/self", buf, 1) == 1;
	fd = open("/proc/self/status", O_RDONLY);
	ok &= read(fd, (void *)16, 100) < 0 && errno == EFAULT;
	close(fd);
	return ok;
}

int main(int argc, char *argv[])
{
	char buf[4096], pid[16];
	struct stat st;

	(void)argc;
	snprintf(pid, sizeof(pid), "%d", getpid());
	ssize_t n = readlink("/proc/self", buf, sizeof(buf));
	check("/proc/self is a symlink to this process's pid", n == (ssize_t)strlen(pid) && !strncmp(buf, pid, n));
	check("lstat sees a symlink, stat a directory",
	      lstat("/proc/self", &st) == 0 && S_ISLNK(st.st_mode) && stat("/proc/self", &st) == 0 &&
		      S_ISDIR(st.st_mode));
	check("/proc lists self (a symlink) and this pid (a directory)",
	      listed("/proc", "self", DT_LNK) && listed("/proc", pid, DT_DIR));
	check("/ lists proc", listed("/", "proc", DT_DIR));
	check("/proc/self lists status, maps and oom_score_adj (files)",
	      listed("/proc/self", "status", DT_REG) && listed("/proc/self", "maps", DT_REG) &&
		      listed("/proc/self", "oom_score_adj", DT_REG));
	n = read_text("/proc/self/cmdline", buf, sizeof(buf));
	check("cmdline is argv[0] and a NUL", n == (ssize_t)strlen(argv[0]) + 1 && !strcmp(buf, argv[0]));
	read_text("/proc/self/comm", buf, sizeof(buf));
	check("comm is the program's name and a newline", !strcmp(buf, "proc_self\n"));
	check("a file stats as an empty regular file",
	      stat("/proc/self/status", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0);
	check("reading again after lseek(0) works; lseek from the end does not", reread_after_lseek());
	check("open of a missing /proc file: ENOENT", open_errno("/proc/no_such_file", O_RDONLY) == ENOENT);
	check("open of a missing pid: ENOENT", open_errno("/proc/999999/status", O_RDONLY) == ENOENT);
	check("creating a file in /proc: ENOENT", open_errno("/proc/self/new", O_WRONLY | O_CREAT) == ENOENT);
	check("open of a file as a directory: ENOTDIR", open_errno("/proc/meminfo/", O_RDONLY) == ENOTDIR);
	check("open of /proc for writing: EISDIR", open_errno("/proc", O_WRONLY) == EISDIR);
	check("open of /proc/self with O_NOFOLLOW: ELOOP", open_errno("/proc/self", O_RDONLY | O_NOFOLLOW) == ELOOP);
	check("/proc/self/.. is /proc", stat("/proc/self/..", &st) == 0 && S_ISDIR(st.st_mode) &&
						listed("/proc/self/..", "meminfo", DT_REG));
	check("openat from /proc, //, ., .., pread; readlink and bad-buffer errors", odd_paths_work());
	int fd = open("/proc/self/status", O_WRONLY);
	check("writing a read-only file fails", fd >= 0 && write(fd, "1", 1) < 0);
	close(fd);
	check("chdir into /proc/self, then stat works relative to it",
	      chdir("/proc/self") == 0 && stat("status", &st) == 0 && stat("../meminfo", &st) == 0);
	return test_failures;
}
