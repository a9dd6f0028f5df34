/*
 * tests/host/k_vsnprintf_names.h - in host unit tests kernel/lib/vsnprintf.c is
 * built as k_vsnprintf and k_snprintf beside the host's libc (which owns the
 * plain names), so the test can compare the two; kernel/lib/vsnprintf.c and
 * tests/host/test_vsnprintf.c both include this one list (as k_string_names.h).
 */
#define vsnprintf k_vsnprintf
#define snprintf  k_snprintf
