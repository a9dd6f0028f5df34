/* user/cat.c - copy each FILE (or stdin, for none or "-") to stdout. */
#include <err.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* write_all: write all @n bytes of @buf to @fd (write may take fewer); 0, or -1. */
static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t done = write(fd, buf, n);
		if (done < 0)
			return -1;
		buf += done;
		n -= done;
	}
	return 0;
}

/* copy: copy @fd to stdout until end of file; 0, or -1 (warned about, naming @name). */
static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (write_all(STDOUT_FILENO, buf, n) < 0) {
			warn("write");
			return -1;
		}
	}
	if (n < 0)
		warn("%s", name);
	return n < 0 ? -1 : 0;
}

/* cat_file: copy the file at @path (stdin for "-") to stdout; 0, or -1. */
static int cat_file(const char *path)
{
	if (strcmp(path, "-") == 0)
		return copy(STDIN_FILENO, "stdin");
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		warn("%s", path);
		return -1;
	}
	int ret = copy(fd, path);
	close(fd);
	return ret;
}

int main(int argc, char *argv[])
{
	int status = 0;

	if (argc == 1)
		return cat_file("-") < 0;
	for (int i = 1; i < argc; i++)
		if (cat_file(argv[i]) < 0)
			status = 1;
	return status;
}
