#!/bin/sh
# scripts/mkesp.sh IMG BOOTX64.EFI KERNEL INITRD CMDLINE - build the EFI system
# partition: a FAT32 image (no partition table; OVMF boots such a "superfloppy")
# with \EFI\BOOT\BOOTX64.EFI (the removable-media path, so no boot entry is needed)
# and the kernel, initrd and command line in the root, where the loader reads them.
set -eu
img=$1 efi=$2 kernel=$3 initrd=$4 cmdline=$5

# Room for the files plus slack, at least 64 MiB (FAT32's practical minimum).
need_kb=$(du -k -c "$efi" "$kernel" "$initrd" "$cmdline" | tail -1 | cut -f1)
size_kb=$(( need_kb + 16384 ))
[ "$size_kb" -lt 65536 ] && size_kb=65536

tmp="$img.tmp"
rm -f "$tmp"
mkfs.fat -F 32 -n ESP -C "$tmp" "$size_kb" >/dev/null
mmd -i "$tmp" ::/EFI ::/EFI/BOOT
mcopy -i "$tmp" "$efi" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$tmp" "$kernel" ::/kernel.elf
mcopy -i "$tmp" "$initrd" ::/initrd.cpio
mcopy -i "$tmp" "$cmdline" ::/cmdline.txt
mv "$tmp" "$img"
