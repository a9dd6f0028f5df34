/*
 * tests/host/k_string_names.h - in host unit tests kernel/lib/string.c is built as
 * k_memset, k_memcpy, ... beside the host's libc (which owns the plain names
 * and which ASan intercepts); kernel/lib/string.c and tests/host/test_string.c
 * both include this one list so they cannot drift apart.
 */
#define memset  k_memset
#define memcpy  k_memcpy
#define memmove k_memmove
#define memcmp  k_memcmp
#define strlen  k_strlen
#define strnlen k_strnlen
#define strcmp  k_strcmp
#define strncmp k_strncmp
#define strchr  k_strchr
#define strlcpy k_strlcpy
