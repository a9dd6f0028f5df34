/*
 * user/sh.c - a small shell for students.
 *   $ prog arg "an arg with spaces"    run prog (a path, or a name looked up in $PATH), wait for it
 *   $ echo $?                          a word "$?" becomes the last command's status
 *   $ cd DIR        $ exit [N]         the built-in commands
 *   $ echo 500 > /proc/self/oom_score_adj      redirections: > FILE, >> FILE, < FILE
 * Reads commands from stdin, one per line; end of input (Ctrl-D at the prompt)
 * exits with the last status. The prompt and the shell's own messages go to
 * stderr. A program killed by a signal is reported ("Killed", "Segmentation
 * fault") and its status is 128 + the signal, as in sh. Ctrl-C kills the
 * running program, not the shell. No pipes, variables or jobs.
 *
 * The shell opens a redirection's file itself, before it runs the command (sh
 * opens it in the child): so /proc/self in the file name is the shell, and
 * `echo 500 > /proc/self/oom_score_adj` sets the shell's own value, which every
 * program it starts then inherits, as with sh's built-in echo.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/proc.h"

#define LINE_LEN 4096 /* bytes in a command line, with its NUL */
#define SAVED_FD_MIN 10 /* where the shell keeps its own stdin/stdout while redirected */

extern char **environ;

static int last_status; /* $? */
static int saved_fd[2] = { -1, -1 }; /* the shell's own stdin, stdout, set aside while redirected */

/*
 * read_line: read a line from stdin into @line without its newline; returns
 * its length, or -1 at end of input. A line too long for @size is reported and
 * read as empty. Reads a byte at a time so that the shell never takes input
 * past its line: the rest of stdin belongs to the programs it runs.
 */
static int read_line(char *line, size_t size)
{
	size_t n = 0;
	char c;

	for (;;) {
		ssize_t got = read(STDIN_FILENO, &c, 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0 && n == 0)
			return -1;
		if (got <= 0 || c == '\n')
			break;
		if (n < size)
			line[n] = c;
		n++;
	}
	if (n >= size) {
		fprintf(stderr, "sh: line too long (at most %zu bytes)\n", size - 1);
		n = 0;
	}
	line[n] = '\0';
	return n;
}

/*
 * split: cut @line in place into words at blanks outside double quotes,
 * dropping the quotes; the words go into @words, NULL-terminated (room for
 * strlen(@line) / 2 + 2), and whether each had quotes into @quoted. Returns
 * their number, or -1 for an unclosed quote.
 */
static int split(char *line, char *words[], char quoted_words[])
{
	char *in = line, *out = line;
	int n = 0;

	for (;;) {
		while (*in == ' ' || *in == '\t')
			in++;
		if (*in == '\0')
			break;
		quoted_words[n] = 0;
		words[n++] = out;
		int quoted = 0;
		for (; *in && (quoted || (*in != ' ' && *in != '\t')); in++) {
			if (*in == '"') {
				quoted = !quoted;
				quoted_words[n - 1] = 1;
			} else {
				*out++ = *in;
			}
		}
		if (quoted)
			return -1;
		if (*in)
			in++; /* past the blank before out overwrites it */
		*out++ = '\0';
	}
	words[n] = NULL;
	return n;
}

/* expand_status: replace each word "$?" of @words by the last status. */
static void expand_status(char *words[])
{
	static char status[12];

	snprintf(status, sizeof(status), "%d", last_status);
	for (; *words; words++)
		if (strcmp(*words, "$?") == 0)
			*words = status;
}

/* redirect_op: the descriptor and open flags that redirection word @w starts
 * with ("<", ">", ">>"), and its length in *@len; 0 when @w is none. */
static int redirect_op(const char *w, int *fd, int *flags)
{
	if (w[0] == '<') {
		*fd = STDIN_FILENO;
		*flags = O_RDONLY;
		return 1;
	}
	if (w[0] != '>')
		return 0;
	*fd = STDOUT_FILENO;
	*flags = O_WRONLY | O_CREAT | (w[1] == '>' ? O_APPEND : O_TRUNC);
	return w[1] == '>' ? 2 : 1;
}

/* redirect_one: open @path with @flags onto the shell's @fd, the old one set aside. 0 or -1 (said why). */
static int redirect_one(int fd, const char *path, int flags)
{
	int file = open(path, flags | O_CLOEXEC, 0666);

	if (file < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (saved_fd[fd] < 0)
		saved_fd[fd] = fcntl(fd, F_DUPFD_CLOEXEC, SAVED_FD_MIN);
	fflush(stdout); /* what the shell printed goes where it was meant to */
	dup2(file, fd);
	close(file);
	return 0;
}

/* restore: put the shell's own stdin and stdout back after a command. */
static void restore(void)
{
	for (int fd = 0; fd < 2; fd++) {
		if (saved_fd[fd] < 0)
			continue;
		fflush(stdout);
		dup2(saved_fd[fd], fd);
		close(saved_fd[fd]);
		saved_fd[fd] = -1;
	}
}

/* apply_redirects: open each unquoted "<FILE", "> FILE", ">>FILE" of @words
 * and take those words out; 0, or the status to give the command when a file
 * cannot be opened (1) or no file name follows the operator (2). */
static int apply_redirects(char *words[], const char quoted[])
{
	int out = 0, fd, flags;

	for (int in = 0; words[in]; in++) {
		int len = quoted[in] ? 0 : redirect_op(words[in], &fd, &flags);
		if (!len) {
			words[out++] = words[in];
			continue;
		}
		const char *path = words[in][len] ? words[in] + len : words[++in];
		if (!path) {
			fprintf(stderr, "sh: syntax error: no file after %.*s\n", len, words[in - 1]);
			return 2;
		}
		if (redirect_one(fd, path, flags) < 0)
			return 1;
	}
	words[out] = NULL;
	return 0;
}

/* builtin: run @argv if it is a built-in command (exit, cd); whether it was. */
static int builtin(char *argv[])
{
	if (strcmp(argv[0], "exit") == 0) {
		char *end;
		if (!argv[1])
			exit(last_status);
		long n = strtol(argv[1], &end, 10);
		if (*end || end == argv[1]) {
			fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
			exit(2);
		}
		exit(n & 0xff);
	}
	if (strcmp(argv[0], "cd") == 0) {
		const char *dir = argv[1] ? argv[1] : getenv("HOME") ? getenv("HOME") : "/";
		last_status = 0;
		if (chdir(dir) < 0) {
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
			last_status = 1;
		}
		return 1;
	}
	return 0;
}

/* find_program: the file that runs command @name: @name itself if it has a
 * '/', else the first executable DIR/@name for DIR in $PATH (written into
 * @path, PATH_MAX bytes). NULL if there is none. */
static const char *find_program(const char *name, char *path)
{
	const char *dirs = getenv("PATH") ? getenv("PATH") : "/bin";

	if (strchr(name, '/'))
		return name;
	while (*dirs) {
		size_t len = strcspn(dirs, ":");
		snprintf(path, PATH_MAX, "%.*s/%s", (int)len, dirs, name);
		if (access(path, X_OK) == 0)
			return path;
		dirs += len + (dirs[len] == ':');
	}
	return NULL;
}

/* run_program: run command @argv and wait for it; its status for $?. */
static int run_program(char *argv[])
{
	char buf[PATH_MAX];
	const char *path = find_program(argv[0], buf);

	if (!path) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		return 127;
	}
	int status = run_wait("sh", path, argv, environ, 126);
	if (WIFSIGNALED(status))
		fprintf(stderr, "%s\n", strsignal(WTERMSIG(status)));
	return exit_code(status);
}

int main(void)
{
	char line[LINE_LEN];
	char *argv[LINE_LEN / 2 + 2];
	char quoted[LINE_LEN / 2 + 2];

	ignore_sigint();
	for (;;) {
		write(STDERR_FILENO, "$ ", 2);
		if (read_line(line, sizeof(line)) < 0) {
			write(STDERR_FILENO, "exit\n", 5);
			return last_status;
		}
		int n = split(line, argv, quoted);
		if (n < 0) {
			fprintf(stderr, "sh: missing closing \"\n");
			last_status = 2;
		} else if (n > 0) {
			expand_status(argv);
			int status = apply_redirects(argv, quoted);
			if (status)
				last_status = status;
			else if (argv[0] && !builtin(argv))
				last_status = run_program(argv);
			restore();
		}
	}
}
