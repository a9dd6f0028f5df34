/* user/echo.c - print the arguments separated by spaces; -n: no newline at the end. */
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[])
{
	int newline = !(argc > 1 && strcmp(argv[1], "-n") == 0);

	for (int i = newline ? 1 : 2; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		putchar('\n');
	/* stdout is buffered: a failed write shows only now */
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
