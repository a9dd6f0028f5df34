/*
 * tests/user/proc_maps.c - /proc/self/maps as pmap reads it, each line against
 * Linux's format (fs/proc/task_mmu.c show_map_vma: "start-end perms offset
 * major:minor inode", the name from column 74), and what it must show: this
 * program's file, [heap] once the break moved, [stack], an mmap'd range with
 * its protection. Same facts on Linux.
 * user-test: diff
 */
#include <ctype.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lib/procfs.h"
#include "test.h"

#define NAME_COLUMN 73 /* Linux pads the fields to 72 columns, then one blank */

/* line_ok: @line matches "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu " and then
 * nothing, or blanks up to NAME_COLUMN and a name. */
static int line_ok(const char *line)
{
	unsigned long start, end, offset, inode;
	unsigned major, minor;
	char perms[5];
	int fields_end = 0;

	if (sscanf(line, "%lx-%lx %4c %lx %x:%x %lu %n", &start, &end, perms, &offset, &major, &minor, &inode,
		   &fields_end) != 7 || start >= end || !fields_end)
		return 0;
	if (strspn(line, "0123456789abcdef") < 8 || !strchr("r-", perms[0]) || !strchr("w-", perms[1]) ||
	    !strchr("x-", perms[2]) || !strchr("ps", perms[3]))
		return 0;
	if (!line[fields_end])
		return line[fields_end - 1] == ' ';
	return fields_end == NAME_COLUMN && !isspace((unsigned char)line[NAME_COLUMN]);
}

/* find: the maps line for address @addr in @text, copied into @line (256 bytes); or NULL. */
static const char *find(const char *text, const void *addr, char *line)
{
	for (const char *l = text; *l; l = strchr(l, '\n') + 1) {
		unsigned long start, end;
		if (sscanf(l, "%lx-%lx", &start, &end) == 2 && start <= (unsigned long)addr &&
		    (unsigned long)addr < end) {
			snprintf(line, 256, "%.*s", (int)strcspn(l, "\n"), l);
			return line;
		}
	}
	return NULL;
}

int main(void)
{
	static char text[65536];
	char line[256];
	int on_stack;

	char *heap = (char *)syscall(SYS_brk, 0); /* a heap of one page, touched (musl's sbrk only reads) */
	syscall(SYS_brk, heap + 4096);
	heap[0] = 1;
	char *ro = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("/proc/self/maps can be read", read_text("/proc/self/maps", text, sizeof(text)) > 0);
	check("maps: each line is Linux's, names from column 74", all_lines(text, line_ok));
	check("maps: the code is r-xp, mapped from this program's file",
	      find(text, (void *)main, line) && strstr(line, " r-xp ") &&
		      strcmp(line + strlen(line) - strlen("/tests/proc_maps"), "/tests/proc_maps") == 0 &&
		      strlen(line) > NAME_COLUMN && line[NAME_COLUMN] == '/');
	check("maps: the heap is [heap], rw-p", find(text, heap, line) && strstr(line, " rw-p 00000000 00:00 0 ") &&
						 strcmp(line + NAME_COLUMN, "[heap]") == 0);
	check("maps: the stack is [stack], rw-p", find(text, &on_stack, line) && strstr(line, " rw-p ") &&
						   strcmp(line + NAME_COLUMN, "[stack]") == 0);
	check("maps: an anonymous read-only mmap is r--p with no name",
	      find(text, ro, line) && strstr(line, " r--p 00000000 00:00 0 ") && line[strlen(line) - 1] == ' ');
	return test_failures;
}
