/*
 * tests/host/test_initrd.c - the cpio newc parser of kernel/fs/initrd/initrd.c,
 * on archives written here byte by byte (and one made by the real cpio tool);
 * path lookup through the VFS (kernel/fs/namei.c) with the tree mounted as
 * "/", the way the kernel walks it; and the getdents64 record packing of
 * kernel/fs/vfs.h.
 * kzalloc is this file's own: every block is freed after each test (so ASan
 * sees any overrun), and it can be told to fail to test running out of memory.
 */
/* host-test-sources: kernel/fs/initrd/initrd.c kernel/fs/initrd/inode.c kernel/fs/namei.c kernel/fs/super.c kernel/fs/inode.c kernel/fs/dcache.c kernel/fs/file.c kernel/fs/open.c kernel/fs/char_dev.c kernel/fs/fs_struct.c kernel/fs/permission.c kernel/fs/dir_ops.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/host/shim.h"
#include "kernel/fs/initrd/initrd.h"
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"
#include "drivers/console.h"
#include "kernel/errno.h"
#include "mm/kmalloc.h"

/* ------------------------------------------------------------ kzalloc */

#define MAX_BLOCKS 4096
static void *blocks[MAX_BLOCKS];
static int nblocks;
static int fail_after = -1; /* allocations left before kzalloc fails; -1: never */

void *kzalloc(size_t size)
{
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	assert_true(nblocks < MAX_BLOCKS);
	return blocks[nblocks++] = calloc(1, size);
}

void *kmalloc(size_t size)
{
	return kzalloc(size);
}

/* kfree: the VFS frees dentries and inodes as it goes: forget the block too. */
void kfree(void *p)
{
	for (int i = 0; p && i < nblocks; i++) {
		if (blocks[i] == p) {
			blocks[i] = blocks[--nblocks];
			free(p);
			return;
		}
	}
	assert_true(p == NULL);
}

/* current: the process whose directory relative paths start from. */
static struct process host_process;
struct process *current = &host_process;

/* copy_to_user: initrd reads, on the host: "user" memory is ours. */
int copy_to_user(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
	return 0;
}

/* capable: the host process is root (uid 0), as init is. */
bool capable(const struct process *p)
{
	return p->cred.uid.eff == 0;
}

/* in_group_of: the gid itself only (the host process has no supplementary groups). */
bool in_group_of(const struct cred *c, uint32_t egid, uint32_t gid)
{
	(void)c;
	return egid == gid;
}

/* getname: a path from "user" memory, which is ours (kernel/fs/sys_fs.c's, without the copy). */
char *getname(const char *upath, int *err)
{
	char *k = kmalloc(strlen(upath) + 1);
	if (!k)
		*err = -ENOMEM;
	else
		strcpy(k, upath);
	return k;
}

static int teardown(void **state)
{
	(void)state;
	while (nblocks)
		free(blocks[--nblocks]);
	fail_after = -1;
	return 0;
}

/* ------------------------------------------------------------ archive writer */

static uint8_t ar[1 << 16];
static size_t ar_len;

static void put(const void *p, size_t n)
{
	assert_true(ar_len + n <= sizeof(ar));
	memcpy(ar + ar_len, p, n);
	ar_len += n;
}

static void pad4(void)
{
	while (ar_len % 4)
		put("", 1);
}

/* entry: one newc entry; returns its offset in the archive. */
static size_t entry(uint32_t ino, uint32_t mode, uint32_t nlink, uint32_t rdevmajor, uint32_t rdevminor,
		    const char *name, const void *data, size_t size)
{
	char hdr[111];
	size_t at = ar_len;
	snprintf(hdr, sizeof(hdr), "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ino, mode, 0u, 0u, nlink, 1700000000u, (unsigned)size, 0u, 0u, rdevmajor, rdevminor,
		 (unsigned)strlen(name) + 1, 0u);
	put(hdr, 110);
	put(name, strlen(name) + 1);
	pad4();
	put(data, size);
	pad4();
	return at;
}

static size_t file(const char *name, const char *contents)
{
	return entry(0, S_IFREG | 0644, 1, 0, 0, name, contents, strlen(contents));
}

static size_t dir(const char *name)
{
	return entry(0, S_IFDIR | 0755, 2, 0, 0, name, "", 0);
}

static size_t symlink_(const char *name, const char *target)
{
	return entry(0, S_IFLNK | 0777, 1, 0, 0, name, target, strlen(target));
}

/* trailer: end the archive, padded to 512 bytes as cpio does. */
static void trailer(void)
{
	entry(0, 0, 1, 0, 0, "TRAILER!!!", "", 0);
	while (ar_len % 512)
		put("", 1);
}

/* mount_tree: mount the unpacked tree as "/" afresh, current's directory its root. */
static void mount_tree(void)
{
	vfs_forget_all();
	do_fs_initcalls();
	assert_int_equal(vfs_mount_root("initrd", NULL), 0);
	current->pwd = (struct path){ NULL, NULL }; /* the last test's was freed with every block */
	set_fs_pwd(current, root_path());
}

/* load: unpack the archive and mount it. */
static void load(void)
{
	initrd_init(ar, ar_len);
	mount_tree();
}

/* walk: the node the VFS finds for @path (from current's directory), into *@n. */
static int walk(const char *path, bool follow, struct initrd_node **n)
{
	struct path p;
	int err = kern_path(path, follow ? LOOKUP_FOLLOW : 0, &p);
	if (err)
		return err;
	*n = p.dentry->d_inode->i_private;
	path_put(&p);
	return 0;
}

/* chdir_to: make @path current's directory (as chdir(2)). */
static void chdir_to(const char *path)
{
	struct path p;
	assert_int_equal(kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p), 0);
	set_fs_pwd(current, p);
}

/* node: the node at @path (symlinks followed), failing the test if missing. */
static struct initrd_node *node(const char *path)
{
	struct initrd_node *n = NULL;
	assert_int_equal(walk(path, true, &n), 0);
	return n;
}

/* walk_err: the walk's result for @path. */
static int walk_err(const char *path, bool follow)
{
	struct initrd_node *n;
	return walk(path, follow, &n);
}

static void assert_contents(const char *path, const char *contents)
{
	struct initrd_node *n = node(path);
	assert_true(S_ISREG(n->mode));
	assert_int_equal(n->size, strlen(contents));
	assert_memory_equal(n->data, contents, n->size);
}

static int count_children(const struct initrd_node *d)
{
	int n = 0;
	struct list_head *it;
	list_for_each(it, &d->children)
		n++;
	return n;
}

static int setup(void **state)
{
	(void)state;
	ar_len = 0;
	memset(ar, 0, sizeof(ar));
	return 0;
}

/* ------------------------------------------------------------ tests */

static void test_builtin_entries_only(void **state)
{
	(void)state;
	trailer();
	load();
	struct initrd_node *r = initrd_root();
	assert_true(S_ISDIR(r->mode));
	assert_int_equal(r->ino, 1);
	assert_ptr_equal(r->parent, r);
	assert_true(S_ISDIR(node("/dev")->mode));
	struct initrd_node *c = node("/dev/console");
	assert_int_equal(c->mode, S_IFCHR | 0600);
	assert_int_equal(c->rdev, 0x501);
	assert_int_equal(node("/tmp")->mode, S_IFDIR | 01777); /* where /tmp is mounted */
	assert_int_equal(count_children(r), 2);

	initrd_init(NULL, 0); /* no initrd at all: the same */
	assert_int_equal(node("/dev/console")->rdev, CONSOLE_DEV);
}

static void test_contents_and_padding(void **state)
{
	static const char *names[] = { "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh" };
	static const char *data[] = { "", "1", "12", "123", "1234", "12345", "123456", "1234567" };
	(void)state;
	dir(".");
	dir("./d");
	for (int i = 0; i < 8; i++) {
		char name[32];
		snprintf(name, sizeof(name), "./d/%s", names[i]);
		file(name, data[i]);
	}
	trailer();
	load();
	for (int i = 0; i < 8; i++) {
		char path[32];
		snprintf(path, sizeof(path), "/d/%s", names[i]);
		assert_contents(path, data[i]);
		assert_int_equal(node(path)->mtime, 1700000000u);
	}
	assert_int_equal(count_children(node("/d")), 8);
}

static void test_name_forms_normalised(void **state)
{
	(void)state;
	dir(".");
	file("./x/./y//z", "z");
	file("bare", "b");
	file("/abs", "a");
	dir("./x/");
	trailer();
	load();
	assert_contents("/x/y/z", "z");
	assert_contents("/bare", "b");
	assert_contents("/abs", "a");
	assert_int_equal(count_children(initrd_root()), 5); /* dev, tmp, x, bare, abs */
	assert_int_equal(count_children(node("/x")), 1);
}

static void test_missing_parents_created(void **state)
{
	(void)state;
	file("a/b/c/f", "deep");
	trailer();
	load();
	assert_contents("/a/b/c/f", "deep");
	assert_int_equal(node("/a")->mode, S_IFDIR | 0755);
	assert_int_equal(node("/a/b/c")->mode, S_IFDIR | 0755);
	assert_ptr_equal(node("/a/b/c/f")->parent, node("/a/b/c"));
}

static void test_later_entry_replaces(void **state)
{
	(void)state;
	file("f", "old");
	file("f", "new");
	file("d/child", "c");
	entry(0, S_IFDIR | 0700, 2, 0, 0, "d", "", 0); /* the implicit directory, made explicit */
	dir("f");                                     /* a different type: skipped */
	file("f/x", "x");                             /* parent is not a directory: skipped */
	file("after", "still parsed");
	trailer();
	load();
	assert_contents("/f", "new");
	assert_int_equal(node("/d")->mode, S_IFDIR | 0700);
	assert_contents("/d/child", "c");
	assert_int_equal(walk_err("/f/x", true), -ENOTDIR);
	assert_contents("/after", "still parsed");
}

static void test_bad_names_and_types_skipped(void **state)
{
	char longname[NAME_MAX + 2];
	(void)state;
	memset(longname, 'n', NAME_MAX + 1);
	longname[NAME_MAX + 1] = '\0';
	file("../evil", "e");
	file("a/../b", "e");
	file(longname, "too long");
	longname[NAME_MAX] = '\0';
	file(longname, "just fits");
	entry(0, S_IFIFO | 0644, 1, 0, 0, "fifo", "", 0);
	entry(0, S_IFBLK | 0644, 1, 8, 0, "blk", "", 0);
	entry(0, S_IFCHR | 0666, 1, 1, 3, "null", "", 0);
	entry(0, S_IFLNK | 0777, 1, 0, 0, "emptylink", "", 0);
	file("ok", "fine");
	trailer();
	load();
	assert_int_equal(walk_err("/evil", true), -ENOENT);
	assert_int_equal(walk_err("/a", true), -ENOENT); /* not even its parent was made */
	assert_int_equal(walk_err("/b", true), -ENOENT);
	assert_contents(longname, "just fits");
	assert_int_equal(walk_err("/fifo", true), -ENOENT);
	assert_int_equal(walk_err("/blk", true), -ENOENT);
	assert_int_equal(node("/null")->rdev, MKDEV(1, 3));
	assert_int_equal(walk_err("/emptylink", false), -ENOENT);
	assert_contents("/ok", "fine");
}

/* two_files_then_damage: entries "one" and "two", then returns where a third starts. */
static size_t two_files_then_damage(void)
{
	file("one", "1");
	file("two", "22");
	return ar_len;
}

static void assert_first_two_kept(void)
{
	assert_contents("/one", "1");
	assert_contents("/two", "22");
	assert_int_equal(count_children(initrd_root()), 4);
}

static void test_bad_magic(void **state)
{
	(void)state;
	size_t at = file("first", "x");
	trailer();
	memcpy(ar + at, "070707", 6); /* the old binary-ish "odc" magic */
	load();
	assert_int_equal(count_children(initrd_root()), 2); /* only /dev and /tmp */

	setup(NULL);
	at = two_files_then_damage();
	file("three", "333");
	trailer();
	ar[at] = 'X';
	load();
	assert_first_two_kept();
}

static void test_header_field_not_hex(void **state)
{
	(void)state;
	size_t at = two_files_then_damage();
	file("three", "333");
	trailer();
	ar[at + 6 + 8 * 6 + 3] = 'g'; /* inside c_filesize */
	load();
	assert_first_two_kept();
}

static void test_name_not_nul_terminated(void **state)
{
	(void)state;
	size_t at = two_files_then_damage();
	file("three", "333");
	trailer();
	ar[at + 110 + 5] = 'X'; /* the NUL after "three" */
	load();
	assert_first_two_kept();
}

static void test_zero_namesize(void **state)
{
	(void)state;
	size_t at = two_files_then_damage();
	file("three", "333");
	trailer();
	memcpy(ar + at + 6 + 8 * 11, "00000000", 8);
	load();
	assert_first_two_kept();
}

static void test_name_overflows(void **state)
{
	(void)state;
	size_t at = two_files_then_damage();
	file("three", "333");
	trailer();
	memcpy(ar + at + 6 + 8 * 11, "FFFFFFFF", 8);
	load();
	assert_first_two_kept();
}

static void test_data_overflows(void **state)
{
	(void)state;
	size_t at = two_files_then_damage();
	file("three", "333");
	trailer();
	memcpy(ar + at + 6 + 8 * 6, "7FFFFFFF", 8);
	load();
	assert_first_two_kept();
}

static void test_no_trailer(void **state)
{
	(void)state;
	two_files_then_damage();
	load();
	assert_first_two_kept();
}

/* Every prefix of a valid archive, each in a buffer of exactly that size so that
 * ASan catches any read past the end. */
static void test_every_truncation(void **state)
{
	(void)state;
	dir(".");
	file("./bin/prog", "ELF-ish contents");
	symlink_("./bin/link", "prog");
	file("./etc/motd", "hello\n");
	trailer();
	for (size_t cut = 0; cut <= ar_len; cut++) {
		uint8_t *copy = malloc(cut ? cut : 1);
		memcpy(copy, ar, cut);
		initrd_init(copy, cut);
		struct initrd_node *etc = initrd_lookup(initrd_root(), "etc", 3);
		struct initrd_node *n = etc ? initrd_lookup(etc, "motd", 4) : NULL;
		if (n)
			assert_memory_equal(n->data, "hello\n", n->size);
		teardown(NULL);
		free(copy);
	}
	load();
	assert_contents("/bin/link", "ELF-ish contents");
}

static void test_out_of_memory(void **state)
{
	(void)state;
	file("a", "1");
	file("b", "2");
	file("c", "3");
	trailer();
	fail_after = 6; /* root, /dev, /dev/console, /tmp, a, b */
	initrd_init(ar, ar_len);
	fail_after = -1;
	mount_tree();
	assert_contents("/a", "1");
	assert_contents("/b", "2");
	assert_int_equal(walk_err("/c", true), -ENOENT);

	teardown(NULL);
	fail_after = 0;
	expect_assert_failure(initrd_init(ar, ar_len)); /* no memory for the root: a broken boot, panic */
}

/* A tree with symlinks of every kind, for the lookup tests. */
static void symlink_tree(void)
{
	dir(".");
	file("./bin/sh", "shell");
	symlink_("./sh", "bin/sh");
	symlink_("./abs", "/bin/sh");
	symlink_("./chain", "sh");
	symlink_("./loop1", "loop2");
	symlink_("./loop2", "loop1");
	symlink_("./dangling", "nope");
	symlink_("./dirlink", "bin");
	symlink_("./bin/up", "../bin/./sh");
	symlink_("./l1", "bin/sh");
	for (int i = 2; i <= 9; i++) { /* l9 -> l8 -> ... -> l1 -> bin/sh: 9 links */
		char name[16], target[16];
		snprintf(name, sizeof(name), "./l%d", i);
		snprintf(target, sizeof(target), "l%d", i - 1);
		symlink_(name, target);
	}
	trailer();
	load();
}

static void test_symlinks(void **state)
{
	struct initrd_node *n;
	(void)state;
	symlink_tree();
	assert_contents("/sh", "shell");
	assert_contents("/abs", "shell");
	assert_contents("/chain", "shell");
	assert_contents("/bin/up", "shell");
	assert_contents("/dirlink/sh", "shell");
	assert_contents("/l8", "shell");                 /* 8 links: the limit */
	assert_int_equal(walk_err("/l9", true), -ELOOP); /* 9 */
	assert_int_equal(walk_err("/loop1", true), -ELOOP);
	assert_int_equal(walk_err("/loop1", false), 0);  /* lstat sees the link itself */
	assert_int_equal(walk_err("/dangling", true), -ENOENT);
	assert_int_equal(walk_err("/dangling", false), 0);
	assert_int_equal(walk("/dirlink", false, &n), 0);
	assert_true(S_ISLNK(n->mode));
	assert_int_equal(n->size, 3);
	assert_int_equal(walk("/dirlink/", false, &n), 0);
	assert_ptr_equal(n, node("/bin")); /* a trailing slash follows it */
	assert_int_equal(walk_err("/sh/", true), -ENOTDIR);
}

static void test_lookup_paths(void **state)
{
	struct initrd_node *n;
	char longpath[PATH_MAX + 8], longname[NAME_MAX + 2];
	(void)state;
	symlink_tree();
	struct initrd_node *bin = node("/bin"), *sh = node("/bin/sh");
	assert_ptr_equal(node("/"), initrd_root());
	assert_ptr_equal(node("//"), initrd_root());
	assert_ptr_equal(node("/.."), initrd_root());
	assert_ptr_equal(node("/../../."), initrd_root());
	assert_ptr_equal(node("/bin/../bin/./sh"), sh);
	assert_ptr_equal(node("///bin///sh"), sh);
	assert_ptr_equal(node("/bin/"), bin);
	assert_ptr_equal(node("/bin/."), bin);
	assert_int_equal(walk_err("", true), -ENOENT);
	assert_int_equal(walk_err("/bin/nope", true), -ENOENT);
	assert_int_equal(walk_err("/nope/sh", true), -ENOENT);
	assert_int_equal(walk_err("/bin/sh/", true), -ENOTDIR);
	assert_int_equal(walk_err("/bin/sh/x", true), -ENOTDIR);
	assert_int_equal(walk_err("/bin/sh/..", true), -ENOTDIR);
	memset(longname, 'n', NAME_MAX + 1);
	longname[NAME_MAX + 1] = '\0';
	assert_int_equal(walk_err(longname, true), -ENAMETOOLONG);
	memset(longpath, '/', sizeof(longpath) - 1);
	longpath[sizeof(longpath) - 1] = '\0';
	assert_int_equal(walk_err(longpath, true), -ENAMETOOLONG);

	/* relative to the current directory */
	chdir_to("/bin");
	assert_int_equal(walk("sh", true, &n), 0);
	assert_ptr_equal(n, sh);
	assert_int_equal(walk("../bin/sh", true, &n), 0);
	assert_ptr_equal(n, sh);
	assert_int_equal(walk("..", true, &n), 0);
	assert_ptr_equal(n, initrd_root());
	assert_int_equal(walk("/abs", true, &n), 0);
	assert_ptr_equal(n, sh);
	assert_int_equal(walk("/sh", false, &n), 0);
	assert_true(S_ISLNK(n->mode));
	assert_int_equal(walk("sh/x", true, &n), -ENOTDIR);
	assert_int_equal(walk(".", true, &n), 0);
	assert_ptr_equal(n, bin);
}

static void test_paths_of_nodes(void **state)
{
	char buf[64];
	(void)state;
	file("usr/lib/x", "x");
	trailer();
	load();
	assert_int_equal(initrd_path(initrd_root(), buf, sizeof(buf)), 1);
	assert_string_equal(buf, "/");
	assert_int_equal(initrd_path(node("/usr/lib/x"), buf, sizeof(buf)), 10);
	assert_string_equal(buf, "/usr/lib/x");
	assert_int_equal(initrd_path(node("/usr/lib"), buf, 9), 8);
	assert_string_equal(buf, "/usr/lib");
	assert_int_equal(initrd_path(node("/usr/lib"), buf, 8), -ENAMETOOLONG);
	assert_int_equal(initrd_path(initrd_root(), buf, 1), -ENAMETOOLONG);
}

static void test_directory_entries(void **state)
{
	struct dir_entry e;
	(void)state;
	file("d/one", "1");
	dir("d/two");
	symlink_("d/three", "one");
	trailer();
	load();
	struct initrd_node *d = node("/d");
	const char *want[] = { ".", "..", "one", "two", "three" };
	uint32_t types[] = { S_IFDIR, S_IFDIR, S_IFREG, S_IFDIR, S_IFLNK };
	for (uint64_t pos = 0; pos < 5; pos++) {
		assert_int_equal(initrd_dir_entry(d, pos, &e), 0);
		assert_string_equal(e.name, want[pos]);
		assert_int_equal(e.mode & S_IFMT, types[pos]);
	}
	assert_int_equal(initrd_dir_entry(d, 5, &e), -ENOENT);
	assert_int_equal(initrd_dir_entry(d, 1000, &e), -ENOENT);
	assert_int_equal(initrd_dir_entry(d, 1, &e), 0);
	assert_int_equal(e.ino, initrd_root()->ino);
	assert_int_equal(initrd_dir_entry(initrd_root(), 1, &e), 0); /* the root's ".." is itself */
	assert_int_equal(e.ino, 1);
}

static void test_nlink(void **state)
{
	(void)state;
	dir("d/a");
	dir("d/b");
	file("d/f", "f");
	trailer();
	load();
	assert_int_equal(initrd_nlink(node("/d")), 4);
	assert_int_equal(initrd_nlink(node("/d/a")), 2);
	assert_int_equal(initrd_nlink(node("/d/f")), 1);
	assert_int_equal(initrd_nlink(initrd_root()), 5); /* dev, tmp, d */
}

static void test_hard_links(void **state)
{
	(void)state;
	/* GNU cpio's newc order: the data travels with the last link only */
	entry(42, S_IFREG | 0755, 3, 0, 0, "x/first", "", 0);
	entry(42, S_IFREG | 0755, 3, 0, 0, "second", "", 0);
	entry(42, S_IFREG | 0755, 3, 0, 0, "third", "shared", 6);
	/* and the other order, data first */
	entry(7, S_IFREG | 0644, 2, 0, 0, "p", "pp", 2);
	entry(7, S_IFREG | 0644, 2, 0, 0, "q", "", 0);
	file("plain", "unlinked");
	trailer();
	load();
	assert_contents("/x/first", "shared");
	assert_contents("/second", "shared");
	assert_contents("/third", "shared");
	assert_int_equal(node("/x/first")->ino, node("/third")->ino);
	assert_int_equal(node("/second")->ino, node("/third")->ino);
	assert_int_equal(node("/third")->nlink, 3);
	assert_contents("/q", "pp");
	assert_int_equal(node("/p")->ino, node("/q")->ino);
	assert_int_not_equal(node("/plain")->ino, node("/p")->ino);
	assert_int_not_equal(node("/p")->ino, node("/third")->ino);
}

static void test_dirent64_records(void **state)
{
	uint8_t buf[64];
	struct linux_dirent64 d;
	(void)state;
	assert_int_equal(offsetof(struct linux_dirent64, d_off), 8);
	assert_int_equal(offsetof(struct linux_dirent64, d_reclen), 16);
	assert_int_equal(offsetof(struct linux_dirent64, d_type), 18);
	assert_int_equal(offsetof(struct linux_dirent64, d_name), 19);
	for (size_t len = 1; len <= 20; len++) {
		char name[32];
		memset(name, 'a', len);
		name[len] = '\0';
		struct dir_entry e = { name, 77, S_IFREG | 0644 };
		size_t want = (19 + len + 1 + 7) / 8 * 8;
		memset(buf, 0xee, sizeof(buf));
		assert_int_equal(dirent64_pack(buf, sizeof(buf), &e, 5), want);
		memcpy(&d, buf, sizeof(d));
		assert_int_equal(d.d_ino, 77);
		assert_int_equal(d.d_off, 5);
		assert_int_equal(d.d_reclen, want);
		assert_int_equal(d.d_type, DT_REG);
		assert_memory_equal(buf + 19, name, len + 1);
		for (size_t i = 19 + len; i < want; i++)
			assert_int_equal(buf[i], 0); /* the padding is zeroed: no kernel bytes leak */
		assert_int_equal(buf[want], 0xee);
		assert_int_equal(dirent64_pack(buf, want - 1, &e, 5), 0);
	}
	uint32_t modes[] = { S_IFDIR, S_IFLNK, S_IFCHR };
	uint8_t types[] = { DT_DIR, DT_LNK, DT_CHR };
	for (int i = 0; i < 3; i++) {
		struct dir_entry e = { "x", 1, modes[i] | 0755 };
		assert_int_equal(dirent64_pack(buf, sizeof(buf), &e, 1), 24);
		assert_int_equal(buf[18], types[i]);
	}
}

/* An archive made by the real tool the build uses, from a directory made here. */
static void test_real_cpio_archive(void **state)
{
	char tmp[] = "/tmp/test_initrd.XXXXXX", cmd[512], out[600];
	(void)state;
	if (system("command -v cpio >/dev/null 2>&1") != 0)
		skip();
	assert_non_null(mkdtemp(tmp));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && mkdir -p stage/bin stage/etc/empty && printf 'hello\\n' > stage/etc/motd && "
		 "printf abc > stage/bin/prog && ln stage/bin/prog stage/bin/hard && "
		 "ln -s ../etc/motd stage/bin/motd && chmod 755 stage/bin/prog && "
		 "cd stage && find . | LC_ALL=C sort | cpio --quiet -o -H newc > ../a.cpio", tmp);
	assert_int_equal(system(cmd), 0);
	snprintf(out, sizeof(out), "%s/a.cpio", tmp);
	FILE *fp = fopen(out, "rb");
	assert_non_null(fp);
	ar_len = fread(ar, 1, sizeof(ar), fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	assert_int_equal(system(cmd), 0);
	load();
	assert_contents("/etc/motd", "hello\n");
	assert_contents("/bin/motd", "hello\n");
	assert_contents("/bin/prog", "abc");
	assert_contents("/bin/hard", "abc");
	assert_int_equal(node("/bin/prog")->ino, node("/bin/hard")->ino);
	assert_int_equal(node("/bin/prog")->mode, S_IFREG | 0755);
	assert_true(S_ISDIR(node("/etc/empty")->mode));
	assert_int_equal(count_children(initrd_root()), 4); /* dev, tmp, bin, etc: no "." node */
}

/* A second file system, defined here as a new one would be: its root holds
 * one file "x" (inode 2) and a symlink "up" to "..". */
static struct inode *fake_inode(struct super_block *sb, uint64_t ino, uint32_t mode);

static int fake_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	if (len == 1 && name[0] == 'x')
		*out = fake_inode(dir->i_sb, 2, S_IFREG | 0644);
	else if (len == 2 && !memcmp(name, "up", 2))
		*out = fake_inode(dir->i_sb, 3, S_IFLNK | 0777);
	else
		return -ENOENT;
	return 0;
}

static long fake_readlink(struct inode *inode, char *buf, size_t size)
{
	(void)inode;
	memcpy(buf, "..", size < 2 ? size : 2);
	return 2;
}

static void fake_getattr(struct inode *inode, struct kstat *st)
{
	*st = (struct kstat){ .ino = inode->i_ino, .mode = inode->i_mode };
}

static const struct inode_operations fake_iops = { .lookup = fake_lookup, .readlink = fake_readlink, .getattr = fake_getattr };

static struct inode *fake_inode(struct super_block *sb, uint64_t ino, uint32_t mode)
{
	struct inode *inode = new_inode(sb);
	inode->i_op = &fake_iops;
	inode->i_ino = ino;
	inode->i_mode = mode;
	return inode;
}

static int fake_fill_super(struct super_block *sb, const char *source)
{
	(void)source;
	sb->s_root = fake_inode(sb, 1, S_IFDIR | 0755);
	return 0;
}

static struct file_system_type fake_fs = { .name = "fakefs", .fill_super = fake_fill_super };

/* path_of: d_path of what @name names, into @buf (64 bytes). */
static const char *path_of(const char *name, char *buf)
{
	struct path p;
	assert_int_equal(kern_path(name, LOOKUP_FOLLOW, &p), 0);
	assert_true(d_path(&p, buf, 64) > 0);
	path_put(&p);
	return buf;
}

static void test_mounts_are_crossed(void **state)
{
	struct path p;
	struct initrd_node *n;
	char buf[64];
	(void)state;
	symlink_tree();
	register_filesystem(&fake_fs); /* nothing in the VFS core knows of it */
	assert_int_equal(vfs_mount("fakefs", NULL, "/sh"), -ENOTDIR); /* /sh is /bin/sh, a file */
	assert_int_equal(vfs_mount("nosuchfs", NULL, "/"), -ENODEV);
	assert_int_equal(vfs_mount("fakefs", NULL, "/bin"), 0);

	/* down: /bin is the mounted root now; its own file is hidden */
	assert_int_equal(kern_path("/bin/x", LOOKUP_FOLLOW, &p), 0);
	assert_int_equal(p.dentry->d_inode->i_ino, 2);
	assert_ptr_equal(p.mnt->mnt_sb->s_type, &fake_fs);
	path_put(&p);
	assert_int_equal(walk_err("/bin/sh", true), -ENOENT);
	assert_string_equal(path_of("/bin/x", buf), "/bin/x");
	assert_string_equal(path_of("/dirlink/x", buf), "/bin/x"); /* a symlink into the mount */

	/* up: ".." of the mounted root leaves through /bin */
	assert_int_equal(walk("/bin/..", true, &n), 0);
	assert_ptr_equal(n, initrd_root());
	assert_int_equal(walk("/bin/up/dirlink/../abs", false, &n), 0); /* a symlink out of the mount */
	assert_true(S_ISLNK(n->mode));
	chdir_to("/bin");
	assert_string_equal(path_of(".", buf), "/bin");
	assert_int_equal(kern_path("x", LOOKUP_FOLLOW, &p), 0);
	path_put(&p);
	assert_int_equal(walk("../dirlink/..", true, &n), 0);
	assert_ptr_equal(n, initrd_root());
	assert_int_equal(walk_err("x/", true), -ENOTDIR);
	assert_int_equal(walk_err("x/..", true), -ENOTDIR);

	/* a second mount on /bin stacks on the first; ".." leaves through both */
	assert_int_equal(vfs_mount("fakefs", NULL, "/bin"), 0);
	assert_int_equal(kern_path("/bin", LOOKUP_FOLLOW, &p), 0);
	assert_ptr_equal(p.mnt->mnt_parent->mnt_sb->s_type, &fake_fs);
	path_put(&p);
	assert_int_equal(walk("/bin/up/dirlink/..", true, &n), 0);
	assert_ptr_equal(n, initrd_root());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_builtin_entries_only),
		T(test_contents_and_padding),
		T(test_name_forms_normalised),
		T(test_missing_parents_created),
		T(test_later_entry_replaces),
		T(test_bad_names_and_types_skipped),
		T(test_bad_magic),
		T(test_header_field_not_hex),
		T(test_name_not_nul_terminated),
		T(test_zero_namesize),
		T(test_name_overflows),
		T(test_data_overflows),
		T(test_no_trailer),
		T(test_every_truncation),
		T(test_out_of_memory),
		T(test_symlinks),
		T(test_mounts_are_crossed),
		T(test_lookup_paths),
		T(test_paths_of_nodes),
		T(test_directory_entries),
		T(test_nlink),
		T(test_hard_links),
		T(test_dirent64_records),
		T(test_real_cpio_archive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
