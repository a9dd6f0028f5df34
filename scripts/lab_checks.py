"""scripts/lab_checks.py - the labs of the course kit and how each is graded
(scripts/lab.py; the texts are docs/labs/LAB.md). A check is worth its points
when every one of its results passes; result names are tests/run_tests.py's
(host/BINARY.CASE, boot/NAME, user/NAME, user/leak/NAME). Each check fails on
the lab's stub (CI proves it: make test-labs) and passes on the solution.
"""


def check(name, points, *results):
    return dict(name=name, points=points, results=list(results))


LABS = {
    "demand": dict(title="Demand paging: the zero page and the page cache", checks=[
        check("a read of untouched anonymous memory maps the shared zero page", 30,
              "host/test_fault.test_minor_faults"),
        check("memory is lazy as on Linux: reads cost a fault and share zeros, a write after them copies",
              50, "user/lazy", "user/leak/lazy"),
        check("a read of a file page maps the page cache's frame; past the file's end it is SIGBUS", 20,
              "host/test_fault.test_sigbus_past_eof"),
    ]),
    "cow": dict(title="Copy-on-write fork: copy, or reuse the last reference", checks=[
        check("the last sharer of a page writes it in place; the others copy", 60,
              "host/test_mm.test_fork_private_and_shared"),
        check("after the child exits, the parent's writes reuse its pages: pgfault_cow_reuse counts them", 40,
              "user/proc_values"),
    ]),
    "split": dict(title="munmap and mprotect in the middle of a VMA: splitting", checks=[
        check("splits at both ends, the memory taken first", 25, "host/test_vma.test_split",
              "host/test_vma.test_split_out_of_memory"),
        check("the tree and the list agree after random maps, unmaps and protections", 25,
              "host/test_vma.test_tree_matches_list"),
        check("munmap and mprotect of part of a mapping", 25, "host/test_mmap.test_munmap",
              "host/test_mmap.test_mprotect"),
        check("mmap, munmap and mprotect as a program sees them, as on Linux", 25, "user/mman", "user/leak/mman"),
    ]),
    "lru": dict(title="Reclaim: the second chance of a referenced page", checks=[
        check("pages used since the last look stay; the others go to swap", 70, "host/test_vmscan.test_lru_aging"),
        check("a working set twice the RAM, every byte checked, nothing leaked", 30,
              "boot/swap_integrity_single"),
    ]),
    "oom": dict(title="The OOM killer's badness and oom_score_adj", checks=[
        check("badness as Linux computes it, exact in tiny memory, -1000 never", 50,
              "host/test_vmscan.test_oom_badness"),
        check("oom_score_adj -1000 protects a hog: the 16 MiB process goes instead", 50,
              "boot/oom_score_adj_protects"),
    ]),
    "watermarks": dict(title="Watermarks: min_free_kbytes, low and high", checks=[
        check("min_free_kbytes and the three watermarks as Linux computes them", 70,
              "host/test_vmscan.test_watermarks"),
        check("the watermarks a boot logs at 64 MiB, 512 MiB and 3 GiB, against Linux's formulas", 30,
              "boot/watermarks_64M", "boot/watermarks_512M", "boot/watermarks_3G"),
    ]),
}


def selector(checks):
    """The --only regex of tests/run_tests.py that runs every result @checks name."""
    words = set()
    for c in checks:
        for r in c["results"]:
            suite, name = r.split("/", 1)
            words.add(suite if suite in ("host", "user") else name.split(".")[0])
    return "|".join(f"^{w}$" for w in sorted(words))
