/*
 * tests/user/argv.c - what execve hands a program: argc, argv, the environment.
 * Run without arguments, it prints them (the environment is the one the kernel
 * gives init), then execs itself with an empty argument, one with spaces, and
 * an environment of its own. argv[0] is a path that differs between kernels,
 * so it is never printed.
 * user-test: diff
 */
#include <stdio.h>
#include <unistd.h>

extern char **environ;

/* show: print the arguments after argv[0] and the environment. */
static void show(int argc, char *argv[])
{
	printf("argc = %d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d] = \"%s\"\n", i, argv[i]);
	printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
	for (char **e = environ; *e; e++)
		printf("env: \"%s\"\n", *e);
}

int main(int argc, char *argv[])
{
	char *args[] = { argv[0], "one", "", "two words", NULL };
	char *env[] = { "GREETING=hello", "EMPTY=", NULL };

	show(argc, argv);
	if (argc > 1)
		return argc;
	fflush(stdout); /* execve would discard what stdio still holds */
	execve(argv[0], args, env);
	perror("execve");
	return 1;
}
