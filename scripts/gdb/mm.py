"""scripts/gdb/mm.py - gdb commands to look at the kernel's memory management
(loaded by scripts/gdb/kernel.gdb, so by `make debug`):

  ptwalk VA [CR3]      walk VA through the page tables of CR3 (default: the
                       loaded one), level by level: index, entry, flags, next table;
                       sets $_ptwalk_pa to the physical address (0: not mapped)
  ptdot FILE VA [END]  the same walks as a picture: a Graphviz digraph of the tables
                       and frames on the way to VA, or to every mapped page of
                       [VA, END) (a VMA; at most 64 pages), written to FILE;
                       `dot -Tpng FILE -o FILE.png` draws it (Debian's graphviz)
  vmas [PID]           the VMAs of process PID (default: current), as /proc/PID/maps
  pageinfo PFN|0xPA    the struct page of a frame: flags, refcount, mapcount, swap slot
  pftrace [N]          the last N page faults of the trace (boot with fault_trace=on)
  faultbreak VA [PID]  stop in handle_page_fault only for a fault at VA's page (by PID)

Physical memory is read through the kernel's direct map (PAGE_OFFSET + pa),
which every address space maps, so any table can be read whatever CR3 holds.
"""
import gdb

PAGE_OFFSET = 0xffff800000000000
PTE_ADDR = 0x000ffffffffff000
LEVELS = ["PML4", "PDPT", "PD", "PT"]
# Entry bits (Intel SDM Vol. 3A, Tables 4-15..4-20), and ours in the ignored bits.
FLAGS = [(0, "P"), (1, "RW"), (2, "US"), (3, "PWT"), (4, "PCD"), (5, "A"), (6, "D"),
         (7, "PS"), (8, "G"), (63, "NX")]
PTE_SWAP = 1 << 9
PTE_PROTNONE = 1 << 58
PROT = {1: "r", 2: "w", 4: "x"}


def read_u64(pa):
    """The 8 bytes at physical address pa, through the direct map."""
    mem = gdb.selected_inferior().read_memory(PAGE_OFFSET + pa, 8)
    return int.from_bytes(bytes(mem), "little")


def page_flag_names(flags):
    """The names of the page->flags bits set in flags, read from the kernel's
    enum page_flag (mm/page.h) without their PG_ prefix."""
    return [f.name[3:] for f in gdb.lookup_type("enum page_flag").fields() if flags >> f.enumval & 1]


def decode(entry):
    """The set flags of a present entry, as the SDM names them."""
    return " ".join(name for bit, name in FLAGS if entry >> bit & 1)


def describe_leaf(entry):
    """What a non-present leaf entry holds: nothing, a swap entry, or a PROT_NONE page."""
    if entry == 0:
        return "empty: the page was never touched (a fault will give it one)"
    if entry & PTE_PROTNONE:
        return f"not present, PROT_NONE: frame {entry & PTE_ADDR:#x} kept hidden"
    if entry & PTE_SWAP:
        return f"not present, swap entry: slot {(entry & PTE_ADDR) >> 12}"
    return "not present"


def walk(va, cr3):
    """Print the walk of va from the PML4 at cr3; the final physical address or None."""
    table = cr3 & PTE_ADDR
    print(f"VA {va:#018x}: PML4 {va >> 39 & 511}, PDPT {va >> 30 & 511}, "
          f"PD {va >> 21 & 511}, PT {va >> 12 & 511}, offset {va & 0xfff:#x}")
    for depth, name in enumerate(LEVELS):
        index = va >> (39 - 9 * depth) & 511
        entry = read_u64(table + 8 * index)
        line = f"  {name:4} [{index:3}] at {table:#x}: {entry:#018x}"
        if not entry & 1:
            leaf = depth == 3
            print(f"{line}  {describe_leaf(entry) if leaf else 'not present: no table below'}")
            return None
        print(f"{line}  {decode(entry)}")
        if depth in (1, 2) and entry & (1 << 7):
            size = 1 << (39 - 9 * depth)
            pa = (entry & PTE_ADDR & ~(size - 1)) | (va & (size - 1))
            print(f"  -> {size >> 20} MiB page, PA {pa:#x}")
            return pa
        table = entry & PTE_ADDR
    pa = table | (va & 0xfff)
    print(f"  -> PA {pa:#x} (frame {table >> 12:#x})")
    return pa


class PtWalk(gdb.Command):
    """ptwalk VA [CR3]: walk VA through the page tables, level by level."""

    def __init__(self):
        super().__init__("ptwalk", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: ptwalk VA [CR3]")
        va = int(gdb.parse_and_eval(args[0])) & 0xffffffffffffffff
        cr3 = int(gdb.parse_and_eval(args[1] if len(args) > 1 else "$cr3"))
        pa = walk(va, cr3)
        gdb.set_convenience_variable("_ptwalk_pa", pa if pa is not None else 0)


def leaf_label(entry, va):
    """The DOT label of what a PT entry for @va holds, or None when nothing."""
    if entry & 1:
        return f"frame {(entry & PTE_ADDR) >> 12:#x}|VA {va:#x}|{decode(entry)}"
    if entry & PTE_PROTNONE:
        return f"PROT_NONE frame {(entry & PTE_ADDR) >> 12:#x}|VA {va:#x}"
    if entry & PTE_SWAP:
        return f"swap slot {(entry & PTE_ADDR) >> 12}|VA {va:#x}"
    return None


def dot_walks(vas, cr3):
    """DOT text of the walks of each address of @vas from the PML4 at @cr3: a node
    per table (level, physical address), an edge per entry used (its index and
    flags), a leaf per page (frame, swap slot or PROT_NONE frame)."""
    nodes, edges = {}, []
    root = cr3 & PTE_ADDR
    for va in vas:
        table, parent = root, f"t{root:x}"
        nodes[parent] = f"PML4|{root:#x}"
        for depth, name in enumerate(LEVELS):
            index = va >> (39 - 9 * depth) & 511
            entry = read_u64(table + 8 * index)
            if depth == 3 or (depth in (1, 2) and entry & 1 and entry & (1 << 7)):
                label = leaf_label(entry, va)
                if label:
                    child = f"p{va:x}"
                    nodes[child] = label
                    edges.append((parent, child, f"[{index}]"))
                break
            if not entry & 1:
                break
            table = entry & PTE_ADDR
            child = f"t{table:x}"
            nodes[child] = f"{LEVELS[depth + 1]}|{table:#x}"
            edge = (parent, child, f"[{index}] {decode(entry)}")
            if edge not in edges:
                edges.append(edge)
            parent = child
    lines = ["digraph page_tables {", "  rankdir=LR;", '  node [shape=record, fontname="monospace", fontsize=10];']
    lines += [f'  {n} [label="{{{label}}}"];' for n, label in nodes.items()]
    lines += [f'  {a} -> {b} [label="{label}", fontsize=9];' for a, b, label in edges]
    return "\n".join(lines + ["}"]) + "\n"


class PtDot(gdb.Command):
    """ptdot FILE VA [END]: the page-table walks of VA, or of each page of [VA, END), as Graphviz."""

    def __init__(self):
        super().__init__("ptdot", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if len(args) not in (2, 3):
            raise gdb.GdbError("usage: ptdot FILE VA [END]")
        start = int(gdb.parse_and_eval(args[1])) & ~0xfff & 0xffffffffffffffff
        end = int(gdb.parse_and_eval(args[2])) if len(args) == 3 else start + 4096
        vas = list(range(start, end, 4096))[:64]
        with open(args[0], "w") as f:
            f.write(dot_walks(vas, int(gdb.parse_and_eval("$cr3"))))
        print(f"ptdot: {len(vas)} page(s) from {start:#x} -> {args[0]}")


def find_process(pid):
    """The struct process of pid (a gdb.Value), or current when pid is None."""
    if pid is None:
        return gdb.parse_and_eval("current")
    head = gdb.parse_and_eval("&process_list")
    offset = int(gdb.parse_and_eval("&((struct process *)0)->all"))
    node = head["next"]
    while node != head:
        p = gdb.Value(int(node) - offset).cast(gdb.lookup_type("struct process").pointer())
        if int(p["pid"]) == pid:
            return p
        node = node["next"]
    raise gdb.GdbError(f"no process {pid}")


class Vmas(gdb.Command):
    """vmas [PID]: the VMAs of a process, one line each as in /proc/PID/maps."""

    def __init__(self):
        super().__init__("vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        p = find_process(int(args[0]) if args else None)
        mm = p["mm"]
        if int(mm) == 0:
            print(f"pid {int(p['pid'])}: a kernel thread, no address space")
            return
        print(f"pid {int(p['pid'])} ({p['comm'].string()}): PML4 at {int(mm['pml4']):#x}, "
              f"rss {int(mm['rss'])} pages, swap {int(mm['swap_ents'])} entries")
        head = mm["vmas"].address
        offset = int(gdb.parse_and_eval("&((struct vm_area *)0)->link"))
        node = mm["vmas"]["next"]
        vtype = gdb.lookup_type("struct vm_area").pointer()
        while node != head:
            v = gdb.Value(int(node) - offset).cast(vtype)
            prot = int(v["prot"])
            perms = "".join(PROT[b] if prot & b else "-" for b in (1, 2, 4))
            perms += "s" if int(v["flags"]) & 1 else "p"
            locked = " locked" if int(v["flags"]) & 4 else ""
            print(f"{int(v['start']):012x}-{int(v['end']):012x} {perms} {str(v['kind'])}{locked}")
            node = node["next"]


class PageInfo(gdb.Command):
    """pageinfo PFN|0xPA: the struct page of a frame (a number below 2^32 is a PFN)."""

    def __init__(self):
        super().__init__("pageinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        n = int(gdb.parse_and_eval(arg))
        pfn = n >> 12 if n >= 1 << 32 or (arg.startswith("0x") and n & 0xfff == 0 and n >= 1 << 20) else n
        page = gdb.parse_and_eval(f"mem_map[{pfn}]")
        flags = int(page["flags"])
        names = page_flag_names(flags)
        print(f"frame {pfn:#x} (PA {pfn << 12:#x}): flags {flags:#x} [{' '.join(names)}]")
        print(f"  refcount {int(page['refcount'])}, mapcount {int(page['mapcount'])}, "
              f"order {int(page['order'])}")
        if "lru" in names:
            print(f"  on the {'active' if 'active' in names else 'inactive'} list")
        if "swapcache" in names:
            print(f"  in the swap cache: slot {int(page['private'])}")
        if "lru" in names or "swapcache" in names:
            print(f"  mapped at user address {int(page['index']):#x} (rmap)")


class PfTrace(gdb.Command):
    """pftrace [N]: the last N (default 20) faults of the page-fault trace."""

    def __init__(self):
        super().__init__("pftrace", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        n = int(arg) if arg.strip() else 20
        ring = gdb.parse_and_eval("'mm/fault_trace.c'::ring")
        size = int(ring.type.range()[1]) + 1
        recorded = int(gdb.parse_and_eval("'mm/fault_trace.c'::recorded"))
        if gdb.parse_and_eval("fault_trace_mode") == 0 and recorded == 0:
            print("the trace is off: boot with fault_trace=on (or set var fault_trace_mode = 1)")
        print(f"{'seq':>8} {'pid':>5} {'comm':15} {'address':>16} {'ip':>16} err  {'resolution':24} cycles")
        for seq in range(max(0, recorded - n, recorded - size), recorded):
            r = ring[seq % size]
            kind = str(gdb.parse_and_eval(f"(enum fault_kind){int(r['kind'])}"))
            print(f"{int(r['seq']):8} {int(r['pid']):5} {r['comm'].string():15} {int(r['addr']):16x} "
                  f"{int(r['rip']):16x} {int(r['error']):#04x} {kind:24} {int(r['cycles'])}")


class FaultBreak(gdb.Command):
    """faultbreak VA [PID]: a hardware breakpoint in handle_page_fault that stops
    only for a fault on VA's page (and, with PID, only in that process)."""

    def __init__(self):
        super().__init__("faultbreak", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: faultbreak VA [PID]")
        page = int(gdb.parse_and_eval(args[0])) & ~0xfff
        cond = f"($cr2 & ~0xfff) == {page:#x}"
        if len(args) > 1:
            cond += f" && current->pid == {int(args[1])}"
        gdb.execute(f"hbreak handle_page_fault if {cond}")


for command in (PtWalk, PtDot, Vmas, PageInfo, PfTrace, FaultBreak):
    command()
