/*
 * tests/user/fifo.c - named pipes (mkfifo), as fifo(7) and Linux's fifo_open
 * say: a FIFO is a file of type S_IFIFO; opening it for writing with
 * O_NONBLOCK and no reader is ENXIO, for reading with O_NONBLOCK succeeds at
 * once; a blocking open waits for the other side (a process that opens it
 * later); O_RDWR never waits; bytes flow as through a pipe; what is left when
 * every end closes is gone. Same facts on Linux.
 * user-test: diff
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"

int main(void)
{
	char dir[] = "/tmp/fifoXXXXXX", path[64], buf[16];
	struct stat st;

	mkdtemp(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	check("mkfifo", mkfifo(path, 0600) == 0);
	check("a FIFO, size 0", stat(path, &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 0);
	check("mkfifo again: EEXIST", mkfifo(path, 0600) == -1 && errno == EEXIST);
	check("write end, O_NONBLOCK, no reader: ENXIO", open(path, O_WRONLY | O_NONBLOCK) == -1 && errno == ENXIO);
	int r = open(path, O_RDONLY | O_NONBLOCK);
	check("read end, O_NONBLOCK: at once", r >= 0);
	int w = open(path, O_WRONLY | O_NONBLOCK);
	check("then the write end opens", w >= 0);
	check("bytes flow", write(w, "fifo", 4) == 4 && read(r, buf, sizeof(buf)) == 4 && !memcmp(buf, "fifo", 4));
	check("fstat of an end: the FIFO's inode", fstat(r, &st) == 0 && S_ISFIFO(st.st_mode));
	write(w, "left", 4);
	close(w);
	close(r);
	int rw = open(path, O_RDWR | O_NONBLOCK);
	check("O_RDWR opens at once", rw >= 0);
	check("what was left when all closed is gone", read(rw, buf, sizeof(buf)) == -1 && errno == EAGAIN);
	close(rw);

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		usleep(30000);
		int fd = open(path, O_WRONLY);
		write(fd, "late", 4);
		_exit(fd < 0);
	}
	r = open(path, O_RDONLY); /* waits for the child's open */
	check("a blocking read open waits for a writer", r >= 0 && read(r, buf, sizeof(buf)) == 4 &&
	      !memcmp(buf, "late", 4));
	check("and reads 0 once it is gone", read(r, buf, sizeof(buf)) == 0);
	int status;
	waitpid(pid, &status, 0);
	check("the writer opened", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(r);
	unlink(path);
	rmdir(dir);
	return test_failures;
}
