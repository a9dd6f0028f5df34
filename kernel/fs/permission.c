/* kernel/fs/permission.c - permission checks (see permission.h). */
#include "kernel/fs/permission.h"
#include "kernel/proc.h"
#include "kernel/cred.h"
#include "kernel/errno.h"

int permission_as(const struct inode *inode, int mask, uint32_t uid, uint32_t gid, bool root)
{
	uint32_t mode = inode->i_mode;

	if (root) {
		/* read and write always; execute if anyone may, search always (Linux's capable_wrt_inode_uidgid) */
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (uid == inode->i_uid)
		mode >>= 6;
	else if (in_group_of(&current->cred, gid, inode->i_gid))
		mode >>= 3;
	return ((int)mode & mask & 7) == (mask & 7) ? 0 : -EACCES;
}

int inode_permission(const struct inode *inode, int mask)
{
	return permission_as(inode, mask, current->cred.uid.eff, current->cred.gid.eff, capable(current));
}

bool is_owner_or_root(const struct inode *inode)
{
	return current->cred.uid.eff == inode->i_uid || capable(current);
}
