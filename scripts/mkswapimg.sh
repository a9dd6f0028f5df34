#!/bin/sh
# scripts/mkswapimg.sh SIZE IMG [MKSWAP OPTIONS...] - a fresh swap disk image:
# a sparse file of SIZE (truncate's syntax: 256M, 1G, ...) with a Linux swap
# header written by util-linux mkswap, the way an installer prepares a swap
# partition. Extra options go to mkswap (the tests use -p to make a header
# for another page size). Used by scripts/qemu.sh (SWAP=SIZE) and the tests.
set -eu
size=$1 img=$2
shift 2
PATH=$PATH:/usr/sbin:/sbin # mkswap lives in sbin, not always on a user's PATH
rm -f "$img"
truncate -s "$size" "$img"
chmod 600 "$img" # mkswap warns about swap readable by others
mkswap -q "$@" "$img"
