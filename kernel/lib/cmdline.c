/*
 * kernel/lib/cmdline.c - the kernel command line, split into options (see
 * kernel/lib/cmdline.h for the syntax and limits). The line is copied twice into
 * static buffers: once kept as given for cmdline_raw, once cut into
 * NUL-terminated keys and values in place, which the option table points into.
 */
#include <limits.h>
#include <stddef.h>
#include "kernel/lib/cmdline.h"
#include "kernel/lib/kstrtox.h"
#include "kernel/lib/string.h"

struct option {
	const char *key;
	const char *value; /* "" for a bare flag */
};

static char raw[CMDLINE_MAX];   /* the line as given */
static char words[CMDLINE_MAX]; /* the line cut into keys and values */
static struct option options[CMDLINE_MAX_OPTIONS];
static unsigned int noptions;
static unsigned int ignored;
static bool truncated;

/* find: the option recorded under @key, or NULL. */
static struct option *find(const char *key)
{
	for (unsigned int i = 0; i < noptions; i++) {
		if (strcmp(options[i].key, key) == 0)
			return &options[i];
	}
	return NULL;
}

/* record: note option @word ("key=value" or "flag", in words[]), splitting it at its first '='. */
static void record(char *word)
{
	char *eq = strchr(word, '=');
	const char *value = "";
	struct option *opt;

	if (eq != NULL) {
		*eq = '\0';
		value = eq + 1;
	}
	if (*word == '\0') /* "=x" has no key to find it by */
		return;

	opt = find(word);
	if (opt == NULL) {
		if (noptions == CMDLINE_MAX_OPTIONS) {
			ignored++;
			return;
		}
		opt = &options[noptions++];
		opt->key = word;
	}
	opt->value = value; /* a later option overrides an earlier one */
}

/*
 * take_word: unquote the option starting at *@p in place and NUL-terminate it:
 * quotes toggle quoting and are dropped, unquoted whitespace ends the option.
 * Advances *@p past it and returns it; *@at_end says it ran to the end of
 * the line, *@open that it did so inside quotes.
 */
static char *take_word(char **p, bool *at_end, bool *open)
{
	char *start = *p, *in = *p, *out = *p;
	bool quoted = false;

	for (; *in != '\0' && (quoted || !isspace(*in)); in++) {
		if (*in == '"')
			quoted = !quoted;
		else
			*out++ = *in;
	}
	*at_end = *in == '\0';
	*p = *at_end ? in : in + 1; /* before the NUL below may overwrite *in */
	*out = '\0';
	*open = quoted;
	return start;
}

/*
 * split: cut words[] into options and record them. @cut_in_option says the
 * line was cut in the middle of its last option, which is then dropped:
 * "mem=1024M" cut to "mem=10" would be worse than no option at all.
 */
static void split(bool cut_in_option)
{
	char *p = words;

	while (*p != '\0') {
		bool at_end, open;
		char *word;

		if (isspace(*p)) {
			p++;
			continue;
		}
		word = take_word(&p, &at_end, &open);
		/* an open quote at the end runs to the end of the line, unless that was cut */
		if (at_end && truncated && (open || cut_in_option))
			return;
		record(word);
	}
}

/* cmdline_parse: replace the options with those of @line (NULL: none); keeps its own copy. */
void cmdline_parse(const char *line)
{
	size_t n;
	bool cut_in_option = false;

	if (line == NULL)
		line = "";
	n = strnlen(line, CMDLINE_MAX);
	truncated = n == CMDLINE_MAX;
	if (truncated) {
		/* the cut falls inside an option when there is no space on either side */
		cut_in_option = !isspace(line[n - 2]) && !isspace(line[n - 1]);
		n--;
	}
	while (n > 0 && isspace(line[n - 1]))
		n--;

	memcpy(raw, line, n);
	raw[n] = '\0';
	memcpy(words, line, n);
	words[n] = '\0';
	noptions = 0;
	ignored = 0;
	split(cut_in_option);
}

/* cmdline_get: the value of option @key, "" for a bare flag, NULL when absent. */
const char *cmdline_get(const char *key)
{
	const struct option *opt = find(key);

	return opt != NULL ? opt->value : NULL;
}

/* cmdline_has: whether option @key was given, as a flag or with a value. */
bool cmdline_has(const char *key)
{
	return find(key) != NULL;
}

/* suffix_shift: log2 of the multiplier size suffix @c stands for (K, M, G, either case), 0 if none. */
static unsigned int suffix_shift(char c)
{
	switch (c) {
	case 'k': case 'K': return 10;
	case 'm': case 'M': return 20;
	case 'g': case 'G': return 30;
	default:            return 0;
	}
}

/* parse_long: @s as described at cmdline_get_long into *@out; false when malformed or out of range. */
static bool parse_long(const char *s, long *out)
{
	bool negative = *s == '-';
	unsigned int base = 10, shift;
	unsigned long magnitude;

	if (negative)
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (kstrtox_parse_digits(&s, base, &magnitude))
		return false;
	shift = suffix_shift(*s);
	if (shift != 0) {
		if (magnitude > ULONG_MAX >> shift)
			return false;
		magnitude <<= shift;
		s++;
	}
	return *s == '\0' && kstrtox_signed_long(magnitude, negative, out) == 0;
}

/* cmdline_get_long: option @key as a number (see kernel/lib/cmdline.h), else @fallback. */
long cmdline_get_long(const char *key, long fallback)
{
	const char *s = cmdline_get(key);
	long v;

	return s != NULL && parse_long(s, &v) ? v : fallback;
}

/* cmdline_raw: the line as given (cut to CMDLINE_MAX - 1 bytes), without trailing whitespace. */
const char *cmdline_raw(void)
{
	return raw;
}

/* cmdline_truncated: whether the line was longer than CMDLINE_MAX - 1 bytes. */
bool cmdline_truncated(void)
{
	return truncated;
}

/* cmdline_ignored: how many options were ignored because CMDLINE_MAX_OPTIONS keys were taken. */
unsigned int cmdline_ignored(void)
{
	return ignored;
}
