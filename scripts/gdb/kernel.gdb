# scripts/gdb/kernel.gdb - loaded by `make debug` (scripts/qemu.sh).
# The kernel's symbols and source lines; hardware breakpoints (hbreak) work even
# before the loader has put the kernel in memory, which is why `make debug` uses one.
set confirm off
set pagination off
set disassembly-flavor intel
file build/kernel.elf
# QEMU exposes cr0..cr4 and efer as registers: `p/x $cr3`, `p/x $cr2`.
# Loader symbols: `add-symbol-file build/loader.so -o <ImageBase printed by the loader>`.
# Memory-management commands: ptwalk, vmas, pageinfo, pftrace, faultbreak (scripts/gdb/mm.py).
source scripts/gdb/mm.py
