#!/bin/sh
# scripts/deps.sh - install the Debian packages the build, `make run` and
# `make test` need, and only those that are missing. Called by the Makefile
# while it is read, until it has succeeded once (build/deps.stamp, newer than
# this script); silent when everything is present.
set -eu

# "what to look for" "package" pairs: a command on PATH, or an absolute file.
needs="
gcc gcc
ld binutils
make make
nasm nasm
qemu-system-x86_64 qemu-system-x86
/usr/share/ovmf/OVMF.fd ovmf
/usr/include/efi/efi.h gnu-efi
/usr/lib/crt0-efi-x86_64.o gnu-efi
mcopy mtools
mkfs.fat dosfstools
musl-gcc musl-tools
cpio cpio
/sbin/mkswap util-linux
gdb gdb
python3 python3
/usr/lib/python3/dist-packages/matplotlib python3-matplotlib
dot graphviz
/usr/include/cmocka.h libcmocka-dev
/usr/include/x86_64-linux-gnu/asm/unistd_64.h linux-libc-dev
/bin/busybox busybox-static
autoconf autoconf
automake automake
"

missing=""
set -- $needs
while [ $# -ge 2 ]; do
	what=$1 pkg=$2
	shift 2
	case $what in
	/*) [ -e "$what" ] && continue ;;
	*) command -v "$what" >/dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

echo "deps: installing missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "deps: error: not root and no sudo; install them by hand: apt-get install$missing" >&2
		exit 1
	fi
else
	SUDO=""
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: error: no apt-get (this project expects Debian 12); install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || { echo "deps: error: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
	{ echo "deps: error: apt-get install$missing failed" >&2; exit 1; }
echo "deps: done"
