/*
 * kernel/fs/fs_struct.c - a process's current directory (Linux: fs/fs_struct.c,
 * whose struct fs_struct also holds the root; ours is the one root of the
 * mount table). Kernel threads have none: their pwd has no dentry.
 */
#include "kernel/fs/vfs.h"
#include "kernel/proc.h"

void set_fs_pwd(struct process *p, struct path pwd)
{
	if (p->pwd.dentry)
		path_put(&p->pwd);
	p->pwd = pwd;
}

void copy_fs(struct process *parent, struct process *child)
{
	child->pwd = parent->pwd;
	child->umask = parent->umask;
	child->exe = parent->exe;
	if (child->exe.dentry)
		path_get(&child->exe);
	if (child->pwd.dentry)
		path_get(&child->pwd);
}

void exit_fs(struct process *p)
{
	set_fs_pwd(p, (struct path){ NULL, NULL });
	set_exe_path(p, (struct path){ NULL, NULL });
}

void set_exe_path(struct process *p, struct path exe)
{
	if (p->exe.dentry)
		path_put(&p->exe);
	p->exe = exe;
}
