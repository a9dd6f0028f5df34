/*
 * tests/user/files.c - files in /tmp and /dev as Linux keeps them: create
 * with O_CREAT/O_EXCL under the umask, write, read, seek, holes, O_APPEND,
 * O_TRUNC, truncate; directories (mkdir, rmdir and their errors), hard and
 * symbolic links, rename (over a file, a directory into itself,
 * RENAME_NOREPLACE), an unlinked file still open, chmod, utimensat, access,
 * statfs, fsync; /dev/null, zero, full; and as an ordinary user: permission
 * refused by mode, chmod of another's file, the sticky bit. Runs in a fresh
 * directory under /tmp; prints facts, not names or numbers that differ by
 * file system. Same facts on Linux (as root).
 * user-test: diff
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

#define RENAME_NOREPLACE 1

/* mode_of: the permission bits of @path (lstat), or -1. */
static int mode_of(const char *path)
{
	struct stat st;
	return lstat(path, &st) ? -1 : (int)(st.st_mode & 07777);
}

/* size_of: the size of @path, or -1. */
static long size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* contents: read all of @path into @buf (NUL-terminated); the length or -1. */
static long contents(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n = fd < 0 ? -1 : read(fd, buf, size - 1);
	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void regular_files(void)
{
	char buf[64];
	int fd;

	umask(022);
	fd = open("f", O_CREAT | O_EXCL | O_RDWR, 0666);
	check("O_CREAT|O_EXCL creates", fd >= 0);
	check("mode 0666 less umask 022: 0644", mode_of("f") == 0644);
	check("O_EXCL again: EEXIST", open("f", O_CREAT | O_EXCL | O_RDWR, 0666) == -1 && errno == EEXIST);
	check("write 11", write(fd, "hello world", 11) == 11);
	check("lseek SEEK_SET 6", lseek(fd, 6, SEEK_SET) == 6);
	check("read the rest", read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "world", 5));
	check("then end of file: 0", read(fd, buf, sizeof(buf)) == 0);
	check("pread at 0", pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5));
	check("pwrite at 0 keeps the offset", pwrite(fd, "J", 1, 0) == 1 && lseek(fd, 0, SEEK_CUR) == 11);
	check("SEEK_END", lseek(fd, 0, SEEK_END) == 11);
	check("a hole: write at 100000", lseek(fd, 100000, SEEK_SET) == 100000 && write(fd, "x", 1) == 1);
	check("size 100001", size_of("f") == 100001);
	memset(buf, 'q', sizeof(buf));
	check("the hole reads as zeros", pread(fd, buf, 16, 50000) == 16 && buf[0] == 0 && buf[15] == 0);
	check("a bad buffer: EFAULT", pread(fd, (char *)8, 16, 0) == -1 && errno == EFAULT);
	check("ftruncate to 5", ftruncate(fd, 5) == 0 && size_of("f") == 5);
	check("contents Jello", contents("f", buf, sizeof(buf)) == 5 && !strcmp(buf, "Jello"));
	check("ftruncate up to 8: zeros after", ftruncate(fd, 8) == 0 && pread(fd, buf, 8, 0) == 8 &&
	      buf[5] == 0 && buf[7] == 0);
	check("ftruncate negative: EINVAL", ftruncate(fd, -1) == -1 && errno == EINVAL);
	close(fd);
	fd = open("f", O_RDONLY);
	check("ftruncate of a read-only fd: EINVAL", ftruncate(fd, 0) == -1 && errno == EINVAL);
	close(fd);
	check("truncate by path", truncate("f", 3) == 0 && size_of("f") == 3);
	fd = open("f", O_WRONLY | O_APPEND);
	check("O_APPEND writes at the end", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "Z", 1) == 1 &&
	      contents("f", buf, sizeof(buf)) == 4 && !strcmp(buf, "JelZ"));
	close(fd);
	fd = open("f", O_WRONLY | O_TRUNC);
	check("O_TRUNC empties it", fd >= 0 && size_of("f") == 0);
	check("fsync", fsync(fd) == 0 && fdatasync(fd) == 0);
	close(fd);
	check("O_CREAT on an existing file keeps it", (fd = open("f", O_CREAT | O_RDWR, 0600)) >= 0 &&
	      mode_of("f") == 0644);
	close(fd);
	check("open a missing file: ENOENT", open("nosuch", O_RDONLY) == -1 && errno == ENOENT);
	check("O_CREAT in a missing directory: ENOENT", open("nodir/f", O_CREAT | O_WRONLY, 0600) == -1 &&
	      errno == ENOENT);
	check("O_CREAT of a name ending in /: EISDIR", open("g/", O_CREAT | O_WRONLY, 0600) == -1 && errno == EISDIR);
	check("a file as a directory: ENOTDIR", open("f/x", O_RDONLY) == -1 && errno == ENOTDIR);
}

static void directories(void)
{
	check("mkdir", mkdir("d", 0777) == 0 && mode_of("d") == 0755);
	check("mkdir again: EEXIST", mkdir("d", 0777) == -1 && errno == EEXIST);
	check("mkdir d/e/", mkdir("d/e/", 0700) == 0);
	check("rmdir a non-empty one: ENOTEMPTY", rmdir("d") == -1 && errno == ENOTEMPTY);
	check("rmdir a file: ENOTDIR", rmdir("f") == -1 && errno == ENOTDIR);
	check("unlink a directory: EISDIR", unlink("d") == -1 && errno == EISDIR);
	check("rmdir .: EINVAL", rmdir("d/.") == -1 && errno == EINVAL);
	check("rmdir ..: ENOTEMPTY", rmdir("d/..") == -1 && errno == ENOTEMPTY);
	check("mkdir .: EEXIST", mkdir(".", 0777) == -1 && errno == EEXIST);
	struct stat st;
	check("a directory's links: 2 + subdirectories", stat("d", &st) == 0 && st.st_nlink == 3);
	int fd = open("d/e/inner", O_CREAT | O_WRONLY, 0644);
	close(fd);
	DIR *dir = opendir("d/e");
	int dots = 0, others = 0;
	struct dirent *de;
	while (dir && (de = readdir(dir)))
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			dots++;
		else
			others += !strcmp(de->d_name, "inner") && de->d_type == DT_REG;
	if (dir)
		closedir(dir);
	check("readdir: . .. and inner (a regular file)", dots == 2 && others == 1);
	check("unlink then rmdir", unlink("d/e/inner") == 0 && rmdir("d/e") == 0 && stat("d", &st) == 0 &&
	      st.st_nlink == 2);
}

static void links(void)
{
	struct stat a, b;
	char buf[64];

	check("link", link("f", "hard") == 0);
	check("both names: one inode, 2 links", stat("f", &a) == 0 && stat("hard", &b) == 0 &&
	      a.st_ino == b.st_ino && a.st_nlink == 2);
	check("link to an existing name: EEXIST", link("f", "hard") == -1 && errno == EEXIST);
	check("link a directory: EPERM", link("d", "dl") == -1 && errno == EPERM);
	check("unlink one: the other stays, 1 link", unlink("hard") == 0 && stat("f", &a) == 0 && a.st_nlink == 1);
	check("symlink", symlink("f", "sym") == 0);
	ssize_t n = readlink("sym", buf, sizeof(buf));
	check("readlink", n == 1 && buf[0] == 'f');
	check("lstat: a symlink of size 1", lstat("sym", &a) == 0 && S_ISLNK(a.st_mode) && a.st_size == 1);
	check("stat follows it", stat("sym", &a) == 0 && S_ISREG(a.st_mode));
	check("a dangling symlink: ENOENT", symlink("nowhere", "dangling") == 0 && open("dangling", O_RDONLY) == -1 &&
	      errno == ENOENT);
	check("symlink to an empty target: ENOENT", symlink("", "empty") == -1 && errno == ENOENT);
	check("unlink the symlinks", unlink("sym") == 0 && unlink("dangling") == 0);
}

static void renames(void)
{
	char buf[16];
	int fd = open("r1", O_CREAT | O_WRONLY, 0644);

	write(fd, "one", 3);
	close(fd);
	fd = open("r2", O_CREAT | O_WRONLY, 0644);
	write(fd, "two", 3);
	close(fd);
	check("rename over a file", rename("r1", "r2") == 0 && access("r1", F_OK) == -1 &&
	      contents("r2", buf, sizeof(buf)) == 3 && !strcmp(buf, "one"));
	check("rename to itself", rename("r2", "r2") == 0);
	check("RENAME_NOREPLACE onto a file: EEXIST",
	      syscall(SYS_renameat2, AT_FDCWD, "r2", AT_FDCWD, "f", RENAME_NOREPLACE) == -1 && errno == EEXIST);
	check("rename a directory", mkdir("dd", 0755) == 0 && mkdir("dd/sub", 0755) == 0 && rename("dd", "d2") == 0);
	check("a directory into itself: EINVAL", rename("d2", "d2/sub/x") == -1 && errno == EINVAL);
	check("a directory over a file: ENOTDIR", rename("d2", "r2") == -1 && errno == ENOTDIR);
	check("a file over a directory: EISDIR", rename("r2", "d2") == -1 && errno == EISDIR);
	check("a directory over a non-empty one: ENOTEMPTY", mkdir("d3", 0755) == 0 &&
	      rename("d3", "d2") == -1 && errno == ENOTEMPTY);
	check("a directory over an empty one", rmdir("d2/sub") == 0 && rename("d3", "d2") == 0 &&
	      access("d3", F_OK) == -1);
	check("rename a missing name: ENOENT", rename("nosuch", "x") == -1 && errno == ENOENT);
	rmdir("d2");
	unlink("r2");
}

static void unlinked_open(void)
{
	char buf[8] = { 0 };
	int fd = open("gone", O_CREAT | O_RDWR, 0600);

	write(fd, "kept", 4);
	check("unlink an open file", unlink("gone") == 0 && access("gone", F_OK) == -1);
	check("still readable through the descriptor", pread(fd, buf, 4, 0) == 4 && !strcmp(buf, "kept"));
	struct stat st;
	check("fstat: 0 links", fstat(fd, &st) == 0 && st.st_nlink == 0);
	close(fd);
}

static void attributes(void)
{
	struct stat st;
	struct timespec ts[2] = { { 1000000000, 5 }, { 1200000000, 7 } };

	check("chmod", chmod("f", 0600) == 0 && mode_of("f") == 0600);
	int fd = open("f", O_RDONLY);
	check("fchmod", fchmod(fd, 0640) == 0 && mode_of("f") == 0640);
	close(fd);
	check("utimensat explicit times", utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0 &&
	      st.st_mtim.tv_sec == 1200000000 && st.st_mtim.tv_nsec == 7 && st.st_atim.tv_sec == 1000000000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1] = (struct timespec){ 1300000000, 0 };
	check("UTIME_OMIT keeps atime", utimensat(AT_FDCWD, "f", ts, 0) == 0 && stat("f", &st) == 0 &&
	      st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1300000000);
	ts[1].tv_nsec = 1000000000;
	check("a bad nsec: EINVAL", utimensat(AT_FDCWD, "f", ts, 0) == -1 && errno == EINVAL);
	check("utimensat now", utimensat(AT_FDCWD, "f", NULL, 0) == 0 && stat("f", &st) == 0 &&
	      st.st_mtim.tv_sec > 1300000000);
	check("access F_OK, R_OK|W_OK", access("f", F_OK) == 0 && access("f", R_OK | W_OK) == 0);
	check("access X_OK of a 0640 file as root: EACCES", access("f", X_OK) == -1 && errno == EACCES);
	check("access a bad mode: EINVAL", access("f", 8) == -1 && errno == EINVAL);
	struct statfs sf;
	check("statfs /dev/shm: tmpfs, 4 KiB blocks", statfs("/dev/shm", &sf) == 0 && sf.f_type == 0x01021994 &&
	      sf.f_bsize == 4096 && sf.f_namelen == 255);
	int p[2];
	pipe(p);
	check("fsync of a pipe: EINVAL", fsync(p[0]) == -1 && errno == EINVAL);
	close(p[0]);
	close(p[1]);
	check("umask returns the old one", umask(077) == 022 && umask(022) == 077);
}

static void devices(void)
{
	char buf[16];
	struct stat st;
	int fd;

	check("/dev/null: a character device 1,3", stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) == 1 && minor(st.st_rdev) == 3);
	fd = open("/dev/null", O_RDWR);
	check("/dev/null: writes vanish, reads end", write(fd, "abc", 3) == 3 && read(fd, buf, 16) == 0);
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(buf, 7, sizeof(buf));
	check("/dev/zero reads zeros", read(fd, buf, 16) == 16 && buf[0] == 0 && buf[15] == 0);
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	check("/dev/full: ENOSPC", write(fd, "x", 1) == -1 && errno == ENOSPC);
	close(fd);
	fd = open("/dev/urandom", O_RDONLY);
	check("/dev/urandom gives bytes", read(fd, buf, 16) == 16);
	close(fd);
}

/* as_nobody: run @fn as uid/gid 65534 in a child; its exit status. */
static int as_nobody(int (*fn)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(99);
		_exit(fn());
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static int nobody_checks(void)
{
	int bad = 0;
	bad += !(open("secret", O_RDONLY) == -1 && errno == EACCES);
	bad += !(open("secret", O_WRONLY) == -1 && errno == EACCES);
	bad += !(chmod("secret", 0777) == -1 && errno == EPERM);
	bad += !(access("secret", R_OK) == -1 && errno == EACCES);
	bad += !(unlink("/tmp/sticky-victim") == -1 && errno == EPERM); /* /tmp is sticky */
	bad += !(mkdir("locked/sub", 0777) == -1 && errno == EACCES);
	bad += !(open("locked/x", O_CREAT | O_WRONLY, 0600) == -1 && errno == EACCES);
	bad += !(chown("mine", 0, 0) == -1 && errno == EPERM);
	bad += !(chmod("mine", 0600) == 0);
	return bad;
}

static void permissions(void)
{
	int fd = open("secret", O_CREAT | O_WRONLY, 0600);
	close(fd);
	fd = open("/tmp/sticky-victim", O_CREAT | O_WRONLY, 0666);
	close(fd);
	chmod("/tmp/sticky-victim", 0666);
	mkdir("locked", 0755);
	fd = open("mine", O_CREAT | O_WRONLY, 0644);
	close(fd);
	chown("mine", 65534, 65534);
	chmod(".", 0755);
	check("as nobody: EACCES, EPERM where Linux says so", as_nobody(nobody_checks) == 0);
	check("root may chown", chown("mine", 1, 2) == 0);
	struct stat st;
	check("and the owner changed", stat("mine", &st) == 0 && st.st_uid == 1 && st.st_gid == 2);
	unlink("secret");
	unlink("mine");
	unlink("/tmp/sticky-victim");
	rmdir("locked");
}

int main(void)
{
	char dir[] = "/tmp/filesXXXXXX";

	if (!mkdtemp(dir) || chdir(dir)) {
		perror("mkdtemp");
		return 1;
	}
	regular_files();
	directories();
	links();
	renames();
	unlinked_open();
	attributes();
	devices();
	permissions();
	unlink("f");
	rmdir("d");
	chdir("/");
	check("the directory is empty and goes", rmdir(dir) == 0);
	return test_failures;
}
