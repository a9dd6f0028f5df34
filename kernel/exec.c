/*
 * kernel/exec.c - execve (Linux: fs/exec.c do_execveat_common and
 * fs/binfmt_elf.c load_elf_binary, for static executables only).
 *
 * The new program is built completely in a new mm while the old one is left
 * alone: file lookup, ELF checks, segments, stack. Any failure there returns
 * -errno to the old program, which keeps running. Only then does exec_commit
 * swap the mm in (Linux's "point of no return", begin_new_exec), and from
 * there on nothing can fail.
 */
#include <elf.h>
#include "kernel/exec.h"
#include "kernel/fork.h"
#include "kernel/fs/permission.h"
#include "kernel/elf.h"
#include "kernel/exec_stack.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "kernel/fs/vfs.h"
#include "kernel/lib/random.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/lib/string.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "mm/kmalloc.h"
#include "mm/mm.h"
#include "mm/page.h"

/* execve's budget for the path, the argument and environment strings, and their
 * pointers: 32 pages, Linux's MAX_ARG_PAGES (its limit before 2.6.23). */
#define ARG_MAX (32 * PAGE_SIZE)

/* Free stack a program gets below its arguments (Linux: setup_arg_pages' stack_expand). */
#define STACK_EXPAND (128ull << 10)

#define USER_HZ 100        /* AT_CLKTCK: the unit of times() */
#define FXSAVE_MXCSR 24    /* offset of MXCSR in the fxsave area (Intel SDM Vol. 1 10.5.1) */

/* open_exec: the contents of the file @path names (relative to current's
 * directory), if current may execute it: a regular file it has execute
 * permission on (Linux: may_open with MAY_EXEC), whose bytes are in memory;
 * its path with a reference into *@exe. 0 or -errno. */
static int open_exec(const char *path, const uint8_t **data, uint64_t *size, struct path *exe)
{
	struct path p;
	int err = kern_path(path, LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	struct inode *inode = p.dentry->d_inode;
	err = !S_ISREG(inode->i_mode) ? -EACCES : inode_permission(inode, MAY_EXEC);
	struct file *f = err ? NULL : dentry_open(&p, O_RDONLY, &err);
	if (!f) {
		path_put(&p);
		return err;
	}
	err = file_mmap_bytes(f, data, size); /* the bytes stay: the initrd is never freed */
	file_put(f);
	if (err)
		path_put(&p);
	else
		*exe = p;
	return err;
}

/* map_segment: one PT_LOAD as a file VMA over the pages that hold its file
 * bytes, then an anonymous VMA for the bss pages past them (Linux:
 * elf_map, then vm_brk_flags for the bss); no page is read until touched (the
 * fault path fills it from this description). The file is cut off at p_offset +
 * p_filesz, so the rest of its last page reads as zeros (Linux: padzero); a
 * page of a file VMA past the cut would be a touch beyond the file's end. */
static int map_segment(struct mm *mm, const struct elf_image *img, const struct elf_segment *s)
{
	uint64_t start = PAGE_ALIGN_DOWN(s->vaddr);
	uint64_t file_end = s->filesz ? PAGE_ALIGN(s->vaddr + s->filesz) : start;
	uint64_t end = PAGE_ALIGN(s->vaddr + s->memsz);
	uint64_t offset = s->offset - (s->vaddr - start); /* elf_parse: congruent mod the page size */
	if (file_end > start &&
	    !vma_map_file(mm, start, file_end - start, s->prot, 0, img->data, s->offset + s->filesz, offset))
		return -ENOMEM;
	if (end > file_end && !vma_map(mm, file_end, end - file_end, s->prot, 0, VMA_ANON))
		return -ENOMEM;
	return 0;
}

/* map_segments: every PT_LOAD of @img; the heap starts at the page after the
 * highest one (Linux: elf_brk; it randomises the start, we do not). */
static int map_segments(struct mm *mm, const struct elf_image *img)
{
	struct elf_segment s;
	for (uint16_t i = 0; i < img->phnum; i++) {
		if (!elf_segment(img, i, &s))
			continue;
		int err = map_segment(mm, img, &s);
		if (err)
			return err;
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(img->max_vaddr);
	return 0;
}

/* arg_limit: the most bytes of arguments and environment a program run with
 * RLIMIT_STACK @stack_rlim may get: a quarter of it, at most three quarters
 * of STACK_LIMIT, which keeps them clear of the segments below ELF_VA_END
 * (Linux: bprm_stack_limits, with _STK_LIM). */
static uint64_t arg_limit(uint64_t stack_rlim)
{
	uint64_t cap = STACK_LIMIT / 4 * 3;
	return stack_rlim / 4 < cap ? stack_rlim / 4 : cap;
}

/* write_stack: map [stack] below STACK_TOP, big enough for @si plus STACK_EXPAND,
 * and write @spec's image into it. 0, -E2BIG (over arg_limit of @stack_rlim),
 * or -ENOMEM. */
static int write_stack(struct mm *mm, const struct stack_spec *spec, const struct stack_image *si,
		       uint64_t stack_rlim)
{
	uint64_t len = PAGE_ALIGN(si->size) + STACK_EXPAND;
	if (si->size > arg_limit(stack_rlim))
		return -E2BIG;
	if (!vma_map(mm, STACK_TOP - len, len, PROT_READ | PROT_WRITE, VM_GROWSDOWN, VMA_STACK))
		return -ENOMEM;
	uint8_t *buf = kmalloc(si->size);
	if (!buf || mm_populate(mm, STACK_TOP - len, len)) {
		kfree(buf);
		return -ENOMEM;
	}
	stack_write(spec, si, buf);
	if (access_mm(mm, si->sp, buf, si->size, true) != si->size)
		panic("write_stack: populated stack at %lx not present", si->sp);
	kfree(buf);
	return 0;
}

/* setup_stack: the initial stack of @img's program with @argv, @envp and AT_EXECFN
 * @path for @p (its ids in the auxiliary vector, its stack limit); records
 * where its parts are in @mm. 0, -E2BIG or -ENOMEM. */
static int setup_stack(const struct process *p, struct mm *mm, const struct elf_image *img, const char *path,
		       char *const argv[], char *const envp[])
{
	const struct cred *c = &p->cred;
	uint32_t id[4];
	uint8_t random[AT_RANDOM_BYTES];
	cpuid(1, 0, id);
	get_random_bytes(random, sizeof(random));
	const struct auxv auxv[] = { /* Linux's order (create_elf_tables) */
		{ AT_HWCAP, id[3] },       { AT_PAGESZ, PAGE_SIZE },  { AT_CLKTCK, USER_HZ },
		{ AT_PHDR, img->phdr },    { AT_PHENT, img->phent },  { AT_PHNUM, img->phnum },
		{ AT_BASE, 0 },            { AT_FLAGS, 0 },           { AT_ENTRY, img->entry },
		{ AT_UID, c->uid.real },   { AT_EUID, c->uid.eff },   { AT_GID, c->gid.real },
		{ AT_EGID, c->gid.eff },   { AT_SECURE, 0 },
	};
	const struct stack_spec spec = { argv, envp, path, random, auxv,
					 sizeof(auxv) / sizeof(auxv[0]), STACK_TOP };
	struct stack_image si;
	stack_layout(&spec, &si);
	int err = write_stack(mm, &spec, &si, p->rlim[RLIMIT_STACK].cur);
	if (err)
		return err;
	mm->start_stack = si.sp;
	mm->arg_start = si.arg_start;
	mm->arg_end = si.arg_end;
	mm->env_start = si.env_start;
	mm->env_end = si.env_end;
	return 0;
}

/* start_user: @tf enters the new program at @entry with RSP @sp, in ring 3 with
 * interrupts on and every other register 0, as Linux's start_thread leaves them
 * (the psABI: RDX 0 means no exit function to register with atexit). */
static void start_user(struct trap_frame *tf, uint64_t entry, uint64_t sp)
{
	*tf = (struct trap_frame){
		.rip = entry,
		.cs = GDT_USER_CODE | 3,
		.rflags = RFLAGS_IF | 0x2, /* bit 1 of RFLAGS is always set */
		.rsp = sp,
		.ss = GDT_USER_DATA | 3,
	};
}

/* fresh_fpu: @p's x87/SSE state as after FNINIT with MXCSR at its reset value
 * (Linux: fpstate_init_fxstate): FCW 0x037f (all exceptions masked, double
 * extended precision), MXCSR 0x1f80, everything else 0. */
static void fresh_fpu(struct process *p)
{
	const uint16_t fcw = 0x037f;
	const uint32_t mxcsr = 0x1f80;
	memset(p->fpu, 0, sizeof(p->fpu));
	memcpy(p->fpu, &fcw, sizeof(fcw));
	memcpy(p->fpu + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
	if (p == current)
		fxrstor(p->fpu); /* the next context switch saves the live registers over p->fpu */
}

/* exec_commit: the point of no return: @p leaves its old program for @mm and
 * @img's entry point with RSP mm->start_stack, named after @path. */
static void exec_commit(struct process *p, struct mm *mm, const struct elf_image *img, const char *path,
			struct path exe)
{
	struct mm *old = p->mm;
	note_rss(p); /* the old program's peak counts for ru_maxrss, as Linux's exec_mmap */
	if (old)
		mm_release(p); /* in the old mm, before it goes: a vfork parent goes on from here */
	p->mm = mm;
	p->fs_base = 0;
	if (p == current) {
		mm_switch(mm); /* before mm_destroy: never free the tables CR3 points at */
		wrmsr(MSR_FS_BASE, 0);
	}
	if (old)
		mmput(old); /* a vfork parent keeps it */
	process_set_comm(p, path);
	set_exe_path(p, exe);
	start_user(p->tf, img->entry, mm->start_stack);
	fresh_fpu(p);
	signals_reset_on_exec(p);
	files_close_on_exec(p);
}

int exec_load(struct process *p, const char *path, char *const argv[], char *const envp[])
{
	const uint8_t *data;
	uint64_t size;
	struct elf_image img;
	struct path exe;
	int err = open_exec(path, &data, &size, &exe);
	if (err)
		return err;
	err = elf_parse(data, size, &img);
	if (err)
		pr_info("exec: %s %s\n", path, img.why);
	struct mm *mm = err ? NULL : mm_create();
	if (!err && !mm)
		err = -ENOMEM;
	if (!err)
		err = map_segments(mm, &img);
	if (!err)
		err = setup_stack(p, mm, &img, path, argv, envp);
	if (err) {
		if (mm)
			mm_destroy(mm);
		path_put(&exe);
		return err;
	}
	exec_commit(p, mm, &img, path, exe);
	return 0;
}

/* What execve copies from user memory before anything else happens: the path,
 * then the argv and envp strings, packed NUL-terminated in one ARG_MAX buffer
 * (Linux copies them straight to the new stack: bprm->p), and the kernel
 * pointer arrays exec_load takes (argv[argc] and envp[envc] are NULL). */
struct exec_args {
	char *buf;
	uint64_t used;  /* bytes of buf in use */
	uint64_t count; /* argv and envp strings copied so far */
	char **argv, **envp;
};

/* arg_room: bytes the next string may take, NUL included: the strings, a pointer
 * for each (this one too) and the two NULL pointers must fit in ARG_MAX. */
static uint64_t arg_room(const struct exec_args *a)
{
	uint64_t taken = a->used + sizeof(char *) * (a->count + 3);
	return taken < ARG_MAX ? ARG_MAX - taken : 0;
}

/* copy_path: the user path @upath to the start of the buffer. 0, -EFAULT, -ENAMETOOLONG. */
static long copy_path(struct exec_args *a, const char *upath)
{
	long n = strncpy_from_user(a->buf, upath, PATH_MAX);
	if (n < 0)
		return n;
	a->used = (uint64_t)n + 1;
	return 0;
}

/* copy_strings: append the strings of the NULL-terminated user array @uv (NULL:
 * none, as Linux) to the buffer. How many, or -EFAULT / -E2BIG. */
static long copy_strings(struct exec_args *a, const char *const *uv)
{
	for (long n = 0; uv; n++) {
		const char *s;
		if (copy_from_user(&s, &uv[n], sizeof(s)))
			return -EFAULT;
		if (!s)
			return n;
		long len = strncpy_from_user(a->buf + a->used, s, arg_room(a));
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		a->used += (uint64_t)len + 1;
		a->count++;
	}
	return 0;
}

/* point_strings: @ptrs[0..n-1] = the @n packed strings from *@at on, @ptrs[n] =
 * NULL; moves *@at past them. */
static void point_strings(char **ptrs, long n, char **at)
{
	for (long i = 0; i < n; i++) {
		ptrs[i] = *at;
		*at += strlen(*at) + 1;
	}
	ptrs[n] = NULL;
}

/* copy_args: execve's path, argv and envp from user memory into @a. 0 or -errno. */
static long copy_args(struct exec_args *a, const char *path, const char *const *argv,
		      const char *const *envp)
{
	long err = copy_path(a, path);
	if (err)
		return err;
	long argc = copy_strings(a, argv);
	if (argc < 0)
		return argc;
	long envc = copy_strings(a, envp);
	if (envc < 0)
		return envc;
	a->argv = kmalloc(sizeof(char *) * (uint64_t)(argc + envc + 2));
	if (!a->argv)
		return -ENOMEM;
	a->envp = a->argv + argc + 1;
	char *at = a->buf + strlen(a->buf) + 1;
	point_strings(a->argv, argc, &at);
	point_strings(a->envp, envc, &at);
	return 0;
}

/* On success the syscall "returns" 0 into the new program's frame, which is
 * what Linux starts a program with in RAX too. */
long sys_execve(const char *path, const char *const *argv, const char *const *envp)
{
	struct exec_args a = { .buf = kmalloc(ARG_MAX) };
	if (!a.buf)
		return -ENOMEM;
	long err = copy_args(&a, path, argv, envp);
	if (!err)
		err = exec_load(current, a.buf, a.argv, a.envp);
	kfree(a.argv);
	kfree(a.buf);
	return err;
}
