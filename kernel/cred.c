/*
 * kernel/cred.c - user and group ids and the system calls that read and set
 * them, with Linux's rules (kernel/sys.c): root may set any id; another
 * process may only move among the real, effective and saved ids it has.
 * The uid and gid calls share one implementation over struct id_triple.
 */
#include "kernel/cred.h"
#include "kernel/proc.h"
#include "kernel/syscalls.h"
#include "kernel/uaccess.h"
#include "kernel/errno.h"
#include "kernel/lib/string.h"

#define ID_UNCHANGED ((uint32_t)-1) /* -1: leave this id as it is */

/* may_take: may an unprivileged process make @id one of its @ids? Only
 * if it holds @id already as its real, effective or saved id. */
static bool may_take(const struct id_triple *ids, uint32_t id)
{
	return id == ids->real || id == ids->eff || id == ids->saved;
}

/* set_id: setuid/setgid on @ids: root sets all three, others only the
 * effective one, to their real or saved id. 0, -EINVAL or -EPERM. */
static long set_id(struct id_triple *ids, uint32_t id)
{
	if (id == ID_UNCHANGED)
		return -EINVAL;
	if (capable(current))
		ids->real = ids->saved = id;
	else if (id != ids->real && id != ids->saved)
		return -EPERM;
	ids->eff = id;
	return 0;
}

/* set_re_id: setreuid/setregid on @ids: the saved id follows the new
 * effective one when the real one is set or the effective one moves away
 * from the old real one. 0 or -EPERM, nothing changed on an error. */
static long set_re_id(struct id_triple *ids, uint32_t real, uint32_t eff)
{
	struct id_triple old = *ids;
	bool root = capable(current);

	if (real != ID_UNCHANGED && !root && real != old.real && real != old.eff)
		return -EPERM;
	if (eff != ID_UNCHANGED && !root && !may_take(&old, eff))
		return -EPERM;
	if (real != ID_UNCHANGED)
		ids->real = real;
	if (eff != ID_UNCHANGED)
		ids->eff = eff;
	if (real != ID_UNCHANGED || (eff != ID_UNCHANGED && eff != old.real))
		ids->saved = ids->eff;
	return 0;
}

/* set_res_id: setresuid/setresgid on @ids: each id given must be one the
 * process holds, unless it is root. 0 or -EPERM, nothing changed on an error. */
static long set_res_id(struct id_triple *ids, uint32_t real, uint32_t eff, uint32_t saved)
{
	if (!capable(current)) {
		if ((real != ID_UNCHANGED && !may_take(ids, real)) || (eff != ID_UNCHANGED && !may_take(ids, eff)) ||
		    (saved != ID_UNCHANGED && !may_take(ids, saved)))
			return -EPERM;
	}
	if (real != ID_UNCHANGED)
		ids->real = real;
	if (eff != ID_UNCHANGED)
		ids->eff = eff;
	if (saved != ID_UNCHANGED)
		ids->saved = saved;
	return 0;
}

/* get_res_id: copy @ids out to the three user pointers. 0 or -EFAULT. */
static long get_res_id(const struct id_triple *ids, uint32_t *real, uint32_t *eff, uint32_t *saved)
{
	if (copy_to_user(real, &ids->real, sizeof(*real)) || copy_to_user(eff, &ids->eff, sizeof(*eff)) ||
	    copy_to_user(saved, &ids->saved, sizeof(*saved)))
		return -EFAULT;
	return 0;
}

long sys_getuid(void) { return current->cred.uid.real; }
long sys_geteuid(void) { return current->cred.uid.eff; }
long sys_getgid(void) { return current->cred.gid.real; }
long sys_getegid(void) { return current->cred.gid.eff; }

long sys_setuid(uint32_t uid) { return set_id(&current->cred.uid, uid); }
long sys_setgid(uint32_t gid) { return set_id(&current->cred.gid, gid); }
long sys_setreuid(uint32_t ruid, uint32_t euid) { return set_re_id(&current->cred.uid, ruid, euid); }
long sys_setregid(uint32_t rgid, uint32_t egid) { return set_re_id(&current->cred.gid, rgid, egid); }

long sys_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid)
{
	return set_res_id(&current->cred.uid, ruid, euid, suid);
}

long sys_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	return set_res_id(&current->cred.gid, rgid, egid, sgid);
}

long sys_getresuid(uint32_t *ruid, uint32_t *euid, uint32_t *suid)
{
	return get_res_id(&current->cred.uid, ruid, euid, suid);
}

long sys_getresgid(uint32_t *rgid, uint32_t *egid, uint32_t *sgid)
{
	return get_res_id(&current->cred.gid, rgid, egid, sgid);
}

bool capable(const struct process *p)
{
	return p->cred.uid.eff == GLOBAL_ROOT_UID;
}

bool in_group_of(const struct cred *c, uint32_t egid, uint32_t gid)
{
	if (gid == egid)
		return true;
	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

bool in_group_p(uint32_t gid)
{
	return in_group_of(&current->cred, current->cred.gid.eff, gid);
}

long sys_getgroups(int size, uint32_t *list)
{
	int n = current->cred.ngroups;

	if (size < 0)
		return -EINVAL;
	if (!size)
		return n;
	if (size < n)
		return -EINVAL;
	return copy_to_user(list, current->cred.groups, sizeof(uint32_t) * (size_t)n) ? -EFAULT : n;
}

long sys_setgroups(int size, const uint32_t *list)
{
	uint32_t groups[NGROUPS_SMALL];

	if (!capable(current))
		return -EPERM; /* CAP_SETGID */
	if (size < 0 || size > NGROUPS_SMALL)
		return -EINVAL;
	if (copy_from_user(groups, list, sizeof(uint32_t) * (size_t)size))
		return -EFAULT;
	for (int i = 1; i < size; i++) /* kept sorted, as Linux's groups_sort: getgroups shows them so */
		for (int j = i; j > 0 && groups[j - 1] > groups[j]; j--) {
			uint32_t t = groups[j];
			groups[j] = groups[j - 1];
			groups[j - 1] = t;
		}
	memcpy(current->cred.groups, groups, sizeof(uint32_t) * (size_t)size);
	current->cred.ngroups = size;
	return 0;
}

bool kill_ok_by_cred(const struct process *t)
{
	const struct id_triple *me = &current->cred.uid, *them = &t->cred.uid;

	return me->eff == them->saved || me->eff == them->real || me->real == them->saved ||
	       me->real == them->real || capable(current);
}

int nr_processes_of(uint32_t uid)
{
	struct list_head *it;
	int n = 0;

	list_for_each(it, &process_list)
		n += list_entry(it, struct process, all)->cred.uid.real == uid;
	return n;
}
