/*
 * tests/host/test_cmdline.c - parsing the kernel command line into options.
 */
/* host-test-sources: kernel/lib/cmdline.c kernel/lib/kstrtox.c */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "tests/host/shim.h"
#include "kernel/lib/cmdline.h"

static void test_flags_and_values(void **state)
{
	(void)state;
	cmdline_parse("console=ttyS0 quiet loglevel=7 debug");
	assert_string_equal(cmdline_get("console"), "ttyS0");
	assert_string_equal(cmdline_get("loglevel"), "7");
	assert_string_equal(cmdline_get("quiet"), ""); /* a bare flag */
	assert_true(cmdline_has("quiet"));
	assert_true(cmdline_has("console"));
	assert_true(cmdline_has("debug"));
	assert_false(cmdline_has("init"));
	assert_null(cmdline_get("init"));
	assert_null(cmdline_get("consol"));    /* whole keys only */
	assert_null(cmdline_get("console=ttyS0"));
	assert_false(cmdline_truncated());
	assert_int_equal(cmdline_ignored(), 0);
}

static void test_value_edge_cases(void **state)
{
	(void)state;
	cmdline_parse("empty= root=/dev/sda1 opts=a=b,c=d =orphan");
	assert_string_equal(cmdline_get("empty"), "");
	assert_true(cmdline_has("empty"));
	assert_string_equal(cmdline_get("root"), "/dev/sda1");
	assert_string_equal(cmdline_get("opts"), "a=b,c=d"); /* split at the first '=' */
	assert_false(cmdline_has(""));                       /* "=orphan" has no key */
}

static void test_quotes(void **state)
{
	(void)state;
	cmdline_parse("init=\"/bin/prog arg\" a=\"\" \"b=x  y\" c=pre\"mid dle\"post \"flag\" d");
	assert_string_equal(cmdline_get("init"), "/bin/prog arg");
	assert_string_equal(cmdline_get("a"), "");
	assert_string_equal(cmdline_get("b"), "x  y");        /* a whole option quoted */
	assert_string_equal(cmdline_get("c"), "premid dlepost");
	assert_string_equal(cmdline_get("flag"), "");
	assert_true(cmdline_has("d"));
	assert_false(cmdline_has("arg\""));
}

static void test_unterminated_quote_runs_to_end(void **state)
{
	(void)state;
	cmdline_parse("a=1 init=\"/bin/sh -x\n");
	assert_string_equal(cmdline_get("a"), "1");
	assert_string_equal(cmdline_get("init"), "/bin/sh -x"); /* not the newline */
}

static void test_later_overrides_earlier(void **state)
{
	(void)state;
	cmdline_parse("loglevel=3 quiet loglevel=8 quiet=1 mem=1G loglevel=5");
	assert_string_equal(cmdline_get("loglevel"), "5");
	assert_string_equal(cmdline_get("quiet"), "1");
	cmdline_parse("x=1 x");
	assert_string_equal(cmdline_get("x"), ""); /* a flag overrides a value too */
}

static void test_empty_and_blank_lines(void **state)
{
	(void)state;
	cmdline_parse("");
	assert_string_equal(cmdline_raw(), "");
	assert_false(cmdline_has("console"));
	cmdline_parse(" \t\n  \n");
	assert_string_equal(cmdline_raw(), "");
	assert_false(cmdline_has(""));
	cmdline_parse(NULL);
	assert_string_equal(cmdline_raw(), "");
	assert_false(cmdline_truncated());
}

static void test_whitespace(void **state)
{
	(void)state;
	cmdline_parse("  \ta=1 \t\t b=2\n\nc\r\n");
	assert_string_equal(cmdline_get("a"), "1");
	assert_string_equal(cmdline_get("b"), "2");
	assert_string_equal(cmdline_get("c"), ""); /* not "\r" or "\n" */
	assert_string_equal(cmdline_raw(), "  \ta=1 \t\t b=2\n\nc");
}

static void test_reparse_forgets_old_options(void **state)
{
	(void)state;
	cmdline_parse("old=1");
	cmdline_parse("new=2\n");
	assert_false(cmdline_has("old"));
	assert_string_equal(cmdline_get("new"), "2");
	assert_string_equal(cmdline_raw(), "new=2");
}

static void test_too_many_options(void **state)
{
	char line[CMDLINE_MAX];
	size_t len = 0;

	(void)state;
	for (int i = 0; i < CMDLINE_MAX_OPTIONS + 6; i++)
		len += snprintf(line + len, sizeof(line) - len, "k%d=%d ", i, i);
	/* the table is full, but options already in it can still be overridden */
	snprintf(line + len, sizeof(line) - len, "k0=again");
	cmdline_parse(line);

	assert_int_equal(cmdline_ignored(), 6);
	assert_false(cmdline_truncated());
	assert_string_equal(cmdline_get("k0"), "again");
	assert_string_equal(cmdline_get("k63"), "63");
	assert_false(cmdline_has("k64"));
	assert_false(cmdline_has("k69"));
	assert_int_equal(cmdline_get_long("k42", -1), 42);
}

/* long_line: fill @line with @len bytes of flags "f f f ...", with @tail centred on byte @cut. */
static void long_line(char *line, size_t len, size_t cut, const char *tail)
{
	for (size_t i = 0; i < len; i++)
		line[i] = i % 2 ? ' ' : 'f';
	line[len] = '\0';
	memcpy(line + cut - strlen(tail) / 2, tail, strlen(tail));
}

static void test_line_exactly_at_limit(void **state)
{
	static char line[CMDLINE_MAX];

	(void)state;
	memset(line, ' ', CMDLINE_MAX - 1);
	line[CMDLINE_MAX - 1] = '\0';
	memcpy(line + CMDLINE_MAX - 7, "last x", 6); /* its 'x' is byte 4094, the last */
	cmdline_parse(line);
	assert_false(cmdline_truncated());
	assert_true(cmdline_has("last"));
	assert_true(cmdline_has("x"));
	assert_int_equal(strlen(cmdline_raw()), CMDLINE_MAX - 1);
}

static void test_too_long_line_is_cut(void **state)
{
	static char line[3 * CMDLINE_MAX];

	(void)state;
	/* "mem=1024M" across the cut: its first half must not be taken */
	long_line(line, sizeof(line) - 1, CMDLINE_MAX - 1, " first=1 mem=1024M after=1 ");
	memcpy(line, "early=1 ", 8);
	cmdline_parse(line);
	assert_true(cmdline_truncated());
	assert_int_equal(strlen(cmdline_raw()), CMDLINE_MAX - 1);
	assert_memory_equal(cmdline_raw(), line, CMDLINE_MAX - 1);
	assert_string_equal(cmdline_get("early"), "1");
	assert_string_equal(cmdline_get("first"), "1");
	assert_false(cmdline_has("mem"));
	assert_false(cmdline_has("after"));
	assert_true(cmdline_has("f"));
}

static void test_cut_between_options_keeps_the_last(void **state)
{
	static char line[2 * CMDLINE_MAX];

	(void)state;
	/* the cut falls on the space after "end=5": that option is whole */
	memset(line, ' ', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line + CMDLINE_MAX - 6, "end=5 next=6", 12);
	cmdline_parse(line);
	assert_true(cmdline_truncated());
	assert_string_equal(cmdline_get("end"), "5");
	assert_false(cmdline_has("next"));

	/* the cut falls just before "next": "end=5" is still whole */
	memcpy(line + CMDLINE_MAX - 7, "end=5 next=6", 12);
	cmdline_parse(line);
	assert_string_equal(cmdline_get("end"), "5");
	assert_false(cmdline_has("next"));
	assert_false(cmdline_has("n"));
}

static void test_cut_inside_quotes_drops_the_option(void **state)
{
	static char line[2 * CMDLINE_MAX];

	(void)state;
	/* the cut falls between the two spaces inside the quotes */
	memset(line, ' ', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line + CMDLINE_MAX - 19, "a=1 init=\"/bin/sh  -x\"", 22);
	cmdline_parse(line);
	assert_true(cmdline_truncated());
	assert_string_equal(cmdline_get("a"), "1");
	assert_false(cmdline_has("init"));
}

static void test_numbers(void **state)
{
	(void)state;
	cmdline_parse("a=0 b=42 c=-17 d=0x1f e=0XFF f=4K g=16m h=2G i=0x10M j=-1k "
		      "max=9223372036854775807 min=-9223372036854775808 "
		      "hexmax=0x7fffffffffffffff zero=-0 lead=007 flag");
	assert_int_equal(cmdline_get_long("a", -1), 0);
	assert_int_equal(cmdline_get_long("b", -1), 42);
	assert_int_equal(cmdline_get_long("c", -1), -17);
	assert_int_equal(cmdline_get_long("d", -1), 0x1f);
	assert_int_equal(cmdline_get_long("e", -1), 0xff);
	assert_int_equal(cmdline_get_long("f", -1), 4096);
	assert_int_equal(cmdline_get_long("g", -1), 16l << 20);
	assert_int_equal(cmdline_get_long("h", -1), 2l << 30);
	assert_int_equal(cmdline_get_long("i", -1), 16l << 20);
	assert_int_equal(cmdline_get_long("j", 0), -1024);
	assert_int_equal(cmdline_get_long("max", 0), LONG_MAX);
	assert_int_equal(cmdline_get_long("min", 0), LONG_MIN);
	assert_int_equal(cmdline_get_long("hexmax", 0), LONG_MAX);
	assert_int_equal(cmdline_get_long("zero", -1), 0);
	assert_int_equal(cmdline_get_long("lead", -1), 7); /* decimal, not octal */
	assert_int_equal(cmdline_get_long("absent", 1234), 1234);
}

static void test_malformed_numbers_fall_back(void **state)
{
	static const char *const bad[] = {
		"flag", "e=", "e=abc", "e=12abc", "e=0x", "e=0xg", "e=1KB", "e=1T",
		"e=K", "e=-", "e=--1", "e=+1", "e=\" 1\"", "e=1.5", "e=0x-1",
		"e=9223372036854775808", "e=-9223372036854775809",
		"e=99999999999999999999999", "e=0x8000000000000000",
		"e=0x10000000000000000", "e=8589934592G", "e=-8589934593G", "e=17179869184G",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cmdline_parse(bad[i]);
		const char *key = bad[i][0] == 'e' ? "e" : bad[i];
		if (cmdline_get_long(key, -77) != -77)
			fail_msg("\"%s\" parsed as %ld", bad[i], cmdline_get_long(key, -77));
	}
	/* the largest values that do fit with a suffix */
	cmdline_parse("g=8589934591G n=-8589934592G");
	assert_int_equal(cmdline_get_long("g", 0), 8589934591l << 30);
	assert_int_equal(cmdline_get_long("n", 0), LONG_MIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags_and_values),
		cmocka_unit_test(test_value_edge_cases),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_unterminated_quote_runs_to_end),
		cmocka_unit_test(test_later_overrides_earlier),
		cmocka_unit_test(test_empty_and_blank_lines),
		cmocka_unit_test(test_whitespace),
		cmocka_unit_test(test_reparse_forgets_old_options),
		cmocka_unit_test(test_too_many_options),
		cmocka_unit_test(test_line_exactly_at_limit),
		cmocka_unit_test(test_too_long_line_is_cut),
		cmocka_unit_test(test_cut_between_options_keeps_the_last),
		cmocka_unit_test(test_cut_inside_quotes_drops_the_option),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_malformed_numbers_fall_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
