/*
 * kernel/cred.h - who a process is: its user and group ids (Linux: struct
 * cred, much reduced: no supplementary groups, no capability sets, fsuid =
 * euid). A process whose effective uid is 0 has every capability, as root
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

struct cred {
	struct id_triple uid, gid;
};

struct process;

/* capable: whether @p may act as root (Linux: capable(CAP_SETUID, CAP_KILL,
 * CAP_SYS_RESOURCE...), all of which root holds): its effective uid is 0. */
bool capable(const struct process *p);

/* kill_ok_by_cred: may current send a signal to @t? Its real or effective
 * uid matches @t's real or saved uid, or current is root (Linux's name). */
bool kill_ok_by_cred(const struct process *t);

/* nr_processes_of: how many processes, zombies included, have real uid @uid
 * (Linux counts them per user in ucounts; RLIMIT_NPROC limits the number). */
int nr_processes_of(uint32_t uid);

#endif
