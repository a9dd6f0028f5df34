/*
 * kernel/cred.h - who a process is: its user and group ids and
 * supplementary groups (Linux: struct cred, much reduced: no capability
 * sets, fsuid = euid, at most NGROUPS_SMALL supplementary groups). A process whose effective uid is 0 has every capability, as root
 * on Linux without capability tricks; the others are ordinary users, limited
 * by RLIMIT_NPROC and by kill's permission check.
 * Lock: only the process itself changes its ids (one CPU).
 */
#ifndef KERNEL_CRED_H
#define KERNEL_CRED_H

#include <stdbool.h>
#include <stdint.h>

#define GLOBAL_ROOT_UID 0

/* One kind of id as a process holds it: real, effective and saved (setuid(2)). */
struct id_triple {
	uint32_t real, eff, saved;
};

/* Supplementary groups a process may hold: Linux allows NGROUPS_MAX (65536);
 * setgroups with more than this says EINVAL here. */
#define NGROUPS_SMALL 64

struct cred {
	struct id_triple uid, gid;
	int ngroups;
	uint32_t groups[NGROUPS_SMALL]; /* setgroups(2) */
};

struct process;

/* capable: whether @p may act as root (Linux: capable(CAP_SETUID, CAP_KILL,
 * CAP_SYS_RESOURCE...), all of which root holds): its effective uid is 0. */
bool capable(const struct process *p);

/* in_group_p: @gid is current's effective gid or one of its supplementary
 * groups (Linux's name): the group class of a permission check. */
bool in_group_p(uint32_t gid);

/* in_group_of: the same for any gid @egid with @c's supplementary groups. */
bool in_group_of(const struct cred *c, uint32_t egid, uint32_t gid);

/* kill_ok_by_cred: may current send a signal to @t? Its real or effective
 * uid matches @t's real or saved uid, or current is root (Linux's name). */
bool kill_ok_by_cred(const struct process *t);

/* nr_processes_of: how many processes, zombies included, have real uid @uid
 * (Linux counts them per user in ucounts; RLIMIT_NPROC limits the number). */
int nr_processes_of(uint32_t uid);

#endif
