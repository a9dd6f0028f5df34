/*
 * kernel/fs/initrd/initrd.c - the cpio newc archive unpacked into a read-only tree, and
 * path lookup in it (see initrd.h for the format).
 *
 * Parsing is careful because the archive comes from outside the kernel: every
 * length is checked against the bytes that are left before it is used, and a
 * damaged entry ends parsing with one log line (what was read stays usable).
 * Archive names arrive as "./bin/ls", "bin/ls" or "." (the build runs
 * `find . | cpio -o -H newc`): they are split into components, "" and "." are
 * dropped, and missing parent directories are created on the way, as Linux's
 * initramfs unpacker would find them already made by earlier entries.
 */
#include "kernel/fs/initrd/initrd.h"
#include "kernel/errno.h"
#include "kernel/fs/path.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "mm/kmalloc.h"

#define NEWC_MAGIC   "070701"
#define NEWC_HDR_LEN 110
#define NEWC_TRAILER "TRAILER!!!"

/* The header's 8-hex-digit fields, in archive order after the magic. */
enum newc_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NEWC_FIELDS
};

/* One archive entry, its name and data still pointing into the archive. */
struct newc_entry {
	uint32_t f[NEWC_FIELDS];
	const char *name;
	const uint8_t *data;
};

static struct initrd_node *root;
static uint64_t next_ino;

/* Entries every tree starts with, as Linux's built-in initramfs (usr/default_cpio_list):
 * a program's stdin/stdout can be opened before anything is mounted. */
static const struct newc_entry builtin_entries[] = {
	{ .f = { [F_MODE] = S_IFDIR | 0755, [F_NLINK] = 2 }, .name = "dev" },
	{ .f = { [F_MODE] = S_IFCHR | 0600, [F_NLINK] = 1, [F_RDEVMAJOR] = 5, [F_RDEVMINOR] = 1 },
	  .name = "dev/console" },
	{ .f = { [F_MODE] = S_IFDIR | 01777, [F_NLINK] = 2 }, .name = "tmp" }, /* where /tmp is mounted */
};

/* align4: @n rounded up to the archive's 4-byte alignment. */
static uint64_t align4(uint64_t n)
{
	return (n + 3) & ~3ull;
}

/* parse_hex8: the 8 hex digits at @s into *@out; false if one is not a hex digit. */
static bool parse_hex8(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 8; i++) {
		char c = s[i];
		uint32_t d;
		if (c >= '0' && c <= '9')
			d = (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (uint32_t)(c - 'A' + 10);
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

/* parse_entry: decode the entry at @p with @left archive bytes remaining into @e.
 * Returns the entry's length including padding, 0 for the trailer, or -1 when it
 * is malformed (*@why says how). */
static int64_t parse_entry(const uint8_t *p, uint64_t left, struct newc_entry *e, const char **why)
{
	if (left < NEWC_HDR_LEN) {
		*why = "truncated header";
		return -1;
	}
	if (memcmp(p, NEWC_MAGIC, 6) != 0) {
		*why = "bad magic (not a cpio newc archive)";
		return -1;
	}
	for (int i = 0; i < NEWC_FIELDS; i++) {
		if (!parse_hex8((const char *)p + 6 + 8 * i, &e->f[i])) {
			*why = "header field is not hexadecimal";
			return -1;
		}
	}
	uint64_t namesize = e->f[F_NAMESIZE], filesize = e->f[F_FILESIZE];
	if (namesize == 0 || namesize > left - NEWC_HDR_LEN) {
		*why = "name runs past the end of the archive";
		return -1;
	}
	e->name = (const char *)p + NEWC_HDR_LEN;
	if (e->name[namesize - 1] != '\0') {
		*why = "name is not NUL-terminated";
		return -1;
	}
	if (strcmp(e->name, NEWC_TRAILER) == 0)
		return 0;
	uint64_t data_off = align4(NEWC_HDR_LEN + namesize);
	if (data_off > left || filesize > left - data_off) {
		*why = "data runs past the end of the archive";
		return -1;
	}
	e->data = p + data_off;
	uint64_t len = data_off + align4(filesize);
	return (int64_t)(len < left ? len : left); /* the last entry's padding may be cut */
}

/* node_new: a fresh node called @name (@len bytes) with type and bits @mode, no parent
 * yet; NULL when out of memory. */
static struct initrd_node *node_new(const char *name, size_t len, uint32_t mode)
{
	struct initrd_node *n = kzalloc(sizeof(*n) + len + 1);
	if (!n)
		return NULL;
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	n->mode = mode;
	n->nlink = 1;
	n->ino = next_ino++;
	n->parent = n;
	list_init(&n->children);
	list_init(&n->sibling);
	return n;
}

struct initrd_node *initrd_lookup(const struct initrd_node *dir, const char *name, size_t len)
{
	struct list_head *it;
	list_for_each(it, &dir->children) {
		struct initrd_node *c = list_entry(it, struct initrd_node, sibling);
		if (strlen(c->name) == len && memcmp(c->name, name, len) == 0)
			return c;
	}
	return NULL;
}

/* add_child: a new node @name (@len bytes) of type @mode in directory @dir; NULL on no memory. */
static struct initrd_node *add_child(struct initrd_node *dir, const char *name, size_t len,
				     uint32_t mode)
{
	struct initrd_node *n = node_new(name, len, mode);
	if (!n)
		return NULL;
	n->parent = dir;
	list_add_tail(&n->sibling, &dir->children);
	return n;
}

/* bad_name: why archive name @name cannot be placed in the tree, or NULL if it can. */
static const char *bad_name(const char *name)
{
	const char *end = name + strlen(name);
	size_t len;
	const char *c = next_component(name, end, &len);
	for (; c; c = next_component(c + len, end, &len)) {
		if (is_dotdot(c, len))
			return "\"..\" in the name";
		if (len > NAME_MAX)
			return "name component too long";
	}
	return NULL;
}

/* next_name: the component after @c (@len bytes) in archive name @c..@end, skipping
 * "." ones; sets *@next_len. NULL at the end. */
static const char *next_name(const char *c, size_t len, const char *end, size_t *next_len)
{
	const char *next = next_component(c + len, end, next_len);
	while (next && is_dot(next, *next_len))
		next = next_component(next + *next_len, end, next_len);
	return next;
}

/* place_entry: the node a (bad_name-checked) archive name @name should become: the
 * existing one (to be updated), or a new one of type @type made with any missing
 * parent directories. 0 with *@out set; -ENOMEM; or -EINVAL when the name cannot be
 * placed (*@why says why). */
static int place_entry(const char *name, uint32_t type, struct initrd_node **out, const char **why)
{
	struct initrd_node *dir = root;
	const char *end = name + strlen(name);
	size_t len, next_len;
	const char *c = next_name(name, 0, end, &len), *next;
	*out = root; /* ".", "./" or "/": the root itself */
	for (; c; c = next, len = next_len) {
		next = next_name(c, len, end, &next_len);
		if (!S_ISDIR(dir->mode)) {
			*why = "a parent is not a directory";
			return -EINVAL;
		}
		*out = initrd_lookup(dir, c, len);
		if (!*out)
			*out = add_child(dir, c, len, next ? S_IFDIR | 0755 : type);
		if (!*out)
			return -ENOMEM;
		dir = *out;
	}
	if (((*out)->mode & S_IFMT) != type) {
		*why = "exists with another file type";
		return -EINVAL;
	}
	return 0;
}

/* share_hardlink: give hard-linked file @n and its other names under @dir one inode
 * number and the contents (newc stores the data with only one of the links). */
static void share_hardlink(struct initrd_node *dir, struct initrd_node *n)
{
	struct list_head *it;
	list_for_each(it, &dir->children) {
		struct initrd_node *c = list_entry(it, struct initrd_node, sibling);
		if (S_ISDIR(c->mode)) {
			share_hardlink(c, n);
		} else if (c != n && c->archive_ino == n->archive_ino) {
			n->ino = c->ino;
			if (n->size) {
				c->data = n->data;
				c->size = n->size;
			} else {
				n->data = c->data;
				n->size = c->size;
			}
		}
	}
}

/* supported_type: the archive may hold @mode's file type here. */
static bool supported_type(uint32_t mode)
{
	return S_ISDIR(mode) || S_ISREG(mode) || S_ISLNK(mode) || S_ISCHR(mode);
}

/* add_entry: put archive entry @e into the tree; a later entry for the same name
 * replaces the earlier one's attributes and contents. Logs and skips what cannot be
 * added. 0, or -ENOMEM (parsing should stop). */
static int add_entry(const struct newc_entry *e)
{
	uint32_t mode = e->f[F_MODE], type = mode & S_IFMT;
	const char *why = NULL;
	struct initrd_node *n;
	if (!supported_type(mode)) {
		pr_warn("initrd: %s: file type %#o not supported, skipped\n", e->name, type);
		return 0;
	}
	if (S_ISLNK(mode) && (e->f[F_FILESIZE] == 0 || e->f[F_FILESIZE] >= PATH_MAX)) {
		pr_err("initrd: %s: bad symlink target length %u, skipped\n",
		       e->name, e->f[F_FILESIZE]);
		return 0;
	}
	why = bad_name(e->name);
	int err = why ? -EINVAL : place_entry(e->name, type, &n, &why);
	if (err == -EINVAL)
		pr_err("initrd: %s: %s, skipped\n", e->name, why);
	if (err)
		return err == -ENOMEM ? err : 0;
	n->mode = mode;
	n->uid = e->f[F_UID];
	n->gid = e->f[F_GID];
	n->mtime = e->f[F_MTIME];
	n->nlink = e->f[F_NLINK] ? e->f[F_NLINK] : 1;
	n->rdev = MKDEV(e->f[F_RDEVMAJOR], e->f[F_RDEVMINOR]);
	n->data = S_ISDIR(mode) ? NULL : e->data;
	n->size = S_ISDIR(mode) ? 0 : e->f[F_FILESIZE];
	n->archive_ino = S_ISREG(mode) && n->nlink > 1 ? e->f[F_INO] : 0;
	if (n->archive_ino)
		share_hardlink(root, n);
	return 0;
}

/* unpack: add the entries of the @size-byte archive at @a to the tree until the
 * trailer or the first damaged entry. Returns the number of entries added. */
static unsigned unpack(const uint8_t *a, uint64_t size)
{
	uint64_t off = 0;
	unsigned entries = 0;
	while (off < size) {
		struct newc_entry e;
		const char *why;
		int64_t len = parse_entry(a + off, size - off, &e, &why);
		if (len == 0)
			return entries;
		if (len < 0) {
			pr_err("initrd: damaged archive at offset %lu: %s; %u entries kept\n",
			       (unsigned long)off, why, entries);
			return entries;
		}
		if (add_entry(&e)) {
			pr_err("initrd: out of memory at offset %lu; %u entries kept\n",
			       (unsigned long)off, entries);
			return entries;
		}
		entries++;
		off += (uint64_t)len;
	}
	pr_err("initrd: archive ends without %s; %u entries kept\n", NEWC_TRAILER, entries);
	return entries;
}

void initrd_init(const void *archive, uint64_t size)
{
	next_ino = 1;
	root = node_new("", 0, S_IFDIR | 0755);
	if (!root)
		panic("initrd_init: no memory for the root directory");
	for (size_t i = 0; i < sizeof(builtin_entries) / sizeof(builtin_entries[0]); i++)
		if (add_entry(&builtin_entries[i]))
			panic("initrd_init: no memory for %s", builtin_entries[i].name);
	if (!archive || !size) {
		pr_warn("initrd: no initrd: only /dev/console exists\n");
		return;
	}
	unsigned n = unpack(archive, size);
	pr_info("initrd: %u entries from a %lu-byte cpio archive\n", n, (unsigned long)size);
}

struct initrd_node *initrd_root(void)
{
	return root;
}

long initrd_path(const struct initrd_node *n, char *buf, size_t size)
{
	size_t len = 0;
	for (const struct initrd_node *p = n; p != root; p = p->parent)
		len += 1 + strlen(p->name);
	if (len == 0)
		len = 1; /* the root: "/" */
	if (len + 1 > size)
		return -ENAMETOOLONG;
	buf[len] = '\0';
	buf[0] = '/';
	size_t end = len;
	for (const struct initrd_node *p = n; p != root; p = p->parent) {
		size_t l = strlen(p->name);
		end -= l;
		memcpy(buf + end, p->name, l);
		buf[--end] = '/';
	}
	return (long)len;
}

int initrd_dir_entry(const struct initrd_node *dir, uint64_t pos, struct dir_entry *e)
{
	if (pos < 2) {
		const struct initrd_node *d = pos == 0 ? dir : dir->parent;
		*e = (struct dir_entry){ pos == 0 ? "." : "..", d->ino, d->mode };
		return 0;
	}
	struct list_head *it;
	uint64_t i = 2;
	list_for_each(it, &dir->children) {
		if (i++ == pos) {
			const struct initrd_node *c = list_entry(it, struct initrd_node, sibling);
			*e = (struct dir_entry){ c->name, c->ino, c->mode };
			return 0;
		}
	}
	return -ENOENT;
}

uint32_t initrd_nlink(const struct initrd_node *n)
{
	if (!S_ISDIR(n->mode))
		return n->nlink;
	uint32_t links = 2;
	struct list_head *it;
	list_for_each(it, &n->children)
		if (S_ISDIR(list_entry(it, struct initrd_node, sibling)->mode))
			links++;
	return links;
}
