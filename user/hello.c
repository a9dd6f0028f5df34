/* user/hello.c - the first program: hello world. */
#include <stdio.h>

int main(void)
{
	printf("Hello, world!\n");
	return 0;
}
