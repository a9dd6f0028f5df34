#!/bin/sh
# scripts/qemu.sh MODE IMG [QEMU ARGS...] - the one place QEMU is started.
#   run    serial console on this terminal (Ctrl-A X quits QEMU)
#   debug  halted at the first instruction with the gdb stub on :$GDBPORT (1234);
#          starts gdb with the kernel's symbols; serial log in build/serial.log
#   test   for tests/run_tests.py: serial on stdout, no stdin, isa-debug-exit
# Environment: MEM (512M), QEMUFLAGS (appended last), GDBPORT.
# Under TCG only: KVM is not available on the machines this project runs on.
set -eu
mode=$1 img=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)

set -- -accel tcg -machine pc -cpu qemu64 -m "${MEM:-512M}" \
	-bios /usr/share/ovmf/OVMF.fd -nodefaults -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-drive if=ide,format=raw,file="$img",snapshot=on "$@" ${QEMUFLAGS:-}

# decode: QEMU exits with (code << 1) | 1 through isa-debug-exit; give back the code.
decode() {
	status=$1
	if [ $((status & 1)) -eq 1 ]; then
		code=$(( status >> 1 ))
		[ "$code" -eq 112 ] && echo "qemu: kernel panic" >&2
		return "$code"
	fi
	[ "$status" -eq 0 ] && echo "qemu: guest reset or QEMU quit without an exit code" >&2
	return "$status"
}

case $mode in
run)
	status=0
	qemu-system-x86_64 -serial mon:stdio "$@" || status=$?
	decode "$status"
	;;
test)
	exec qemu-system-x86_64 -serial stdio "$@" </dev/null
	;;
debug)
	port=${GDBPORT:-1234}
	log="$here/build/serial.log"
	qemu-system-x86_64 -serial file:"$log" -S -gdb tcp::"$port" "$@" &
	qpid=$!
	trap 'kill $qpid 2>/dev/null || true' EXIT INT TERM
	echo "debug: QEMU halted, gdb stub on :$port; serial output goes to $log (tail -f it)"
	gdb -q -x "$here/scripts/gdb/kernel.gdb" -ex "target remote :$port" \
		-ex "hbreak kernel_main" -ex "continue"
	;;
*)
	echo "usage: $0 run|debug|test IMG [qemu args]" >&2
	exit 2
	;;
esac
