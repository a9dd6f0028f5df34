/* user/uname.c - print system information: -s kernel name (the default),
 * -n node name, -r release, -v version, -m machine, -a all of them. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static const char letters[] = "snrvm"; /* the fields, in uname(1)'s order */

/* parse: the set of fields the options in @argv ask for, one bit per letter; -1 if bad. */
static int parse(int argc, char *argv[])
{
	int want = 0;

	for (int i = 1; i < argc; i++) {
		const char *f = argv[i];
		if (f[0] != '-' || !f[1])
			return -1;
		for (f++; *f; f++) {
			const char *at = strchr(letters, *f);
			if (*f == 'a')
				want = (1 << strlen(letters)) - 1;
			else if (at)
				want |= 1 << (at - letters);
			else
				return -1;
		}
	}
	return want ? want : 1; /* no option: -s */
}

int main(int argc, char *argv[])
{
	struct utsname u;
	int want = parse(argc, argv);

	if (want < 0) {
		fprintf(stderr, "usage: uname [-asnrvm]\n");
		return 2;
	}
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	const char *field[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	const char *sep = "";
	for (int i = 0; letters[i]; i++) {
		if (want & (1 << i)) {
			printf("%s%s", sep, field[i]);
			sep = " ";
		}
	}
	printf("\n");
	return 0;
}
