#!/bin/sh
# scripts/qemu.sh MODE IMG [QEMU ARGS...] - the one place QEMU is started.
#   run    serial console on this terminal (Ctrl-A X quits QEMU), or plain
#          stdin/stdout when stdin is not a terminal; exits with the guest's
#          isa-debug-exit code (init: the program's status)
#   debug  halted at the first instruction with the gdb stub on :$GDBPORT (1234);
#          starts gdb with the kernel's symbols; serial log in build/serial.log
#   test   for tests/run_tests.py: serial on stdout, no stdin, isa-debug-exit
# Environment: MEM (512M), QEMUFLAGS (appended last), GDBPORT, and SWAP, the
# swap disk: empty or 0 none; a size (256M, 1G) build/swap-SIZE.img, made by
# scripts/mkswapimg.sh when missing; anything else the path of an image to use.
# The disk is a virtio-blk PCI device, modern interface only (the kernel has no
# legacy virtio driver), so it is /dev/vda.
# Under TCG only: KVM is not available on the machines this project runs on.
set -eu
mode=$1 img=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)

# swap_image: the image path SWAP stands for (empty: none); makes a missing sized one.
swap_image() {
	case ${SWAP:-0} in
	0) ;;
	*[!0-9KMG]* | [!0-9]*) # not a size: a path
		[ -f "$SWAP" ] || { echo "qemu: SWAP=$SWAP: no such image (SWAP=SIZE makes one)" >&2; exit 2; }
		echo "$SWAP" ;;
	*)
		swap_img=$here/build/swap-$SWAP.img
		[ -f "$swap_img" ] || "$here/scripts/mkswapimg.sh" "$SWAP" "$swap_img" >&2
		echo "$swap_img" ;;
	esac
}
swap_img=$(swap_image)

# cache=unsafe: swap contents need not survive QEMU, and without it every guest
# write waits for the host's fsync (the guest negotiates no flush feature).
set -- -accel tcg -machine pc -cpu qemu64 -m "${MEM:-512M}" \
	-bios /usr/share/ovmf/OVMF.fd -nodefaults -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-drive if=ide,format=raw,file="$img",snapshot=on \
	${swap_img:+-drive if=none,id=swap,format=raw,cache=unsafe,file="$swap_img"} \
	${swap_img:+-device virtio-blk-pci,drive=swap,disable-legacy=on} "$@" ${QEMUFLAGS:-}

# The kernel's panic code, from its one home.
panic_code=$(sed -n 's/^#define QEMU_EXIT_PANIC *\([0-9]*\).*/\1/p' "$here/arch/x86_64/qemu_exit.h")

# decode: QEMU exits with (code << 1) | 1 through isa-debug-exit; give back the code.
decode() {
	status=$1
	if [ $((status & 1)) -eq 1 ]; then
		code=$(( status >> 1 ))
		[ "$code" -eq "$panic_code" ] && echo "qemu: kernel panic" >&2
		return "$code"
	fi
	[ "$status" -eq 0 ] && echo "qemu: guest reset or QEMU quit without an exit code" >&2
	return "$status"
}

# feed SERIAL-LOG QEMU-PID: copy stdin to the guest once the kernel owns the
# serial port, a line at a time, then send Ctrl-D (end of file for the console's
# reader). Sooner, the firmware would take the bytes for keystrokes and the
# kernel's UART set-up would drop them. The sign is the kernel's "boot complete"
# line; when a low loglevel hides it, 10 s after the loader left the firmware.
# Each line waits for the shell's prompt ("$ " at the end of the log, after the
# previous line's echo), as someone typing would: all at once, the echo of the
# lines typed ahead would land in the middle of the first command's output, at
# a place that changes from run to run (docs/tour/verify_transcripts.py compares
# such output exactly). A program that reads the console instead of the shell
# gets its line after 5 s without a prompt. Gives up if QEMU exits.
feed() {
	waited=0
	until grep -q "kernel: boot complete" "$1" 2>/dev/null || [ "$waited" -ge 100 ]; do
		kill -0 "$2" 2>/dev/null || return 0
		grep -q "loader: exiting boot services" "$1" 2>/dev/null && waited=$((waited + 1))
		sleep 0.1
	done
	need=0
	while IFS= read -r line || [ -n "$line" ]; do
		prompt "$1" "$2" "$need" || return 0
		size=$(wc -c <"$1")
		printf '%s\n' "$line"
		need=$((size + ${#line} + 1)) # its echo at least, then the next prompt
	done
	prompt "$1" "$2" "$need" || return 0
	printf '\004'
}

# prompt SERIAL-LOG QEMU-PID SIZE: wait until the log, at least SIZE bytes long,
# ends with the shell's prompt; at most 5 s. Fails if QEMU exited.
prompt() {
	tries=0
	while [ "$tries" -lt 100 ]; do
		kill -0 "$2" 2>/dev/null || return 1
		if [ "$(wc -c <"$1")" -ge "$3" ] && [ "$(tail -c 2 "$1")" = '$ ' ]; then
			return 0
		fi
		tries=$((tries + 1))
		sleep 0.05
	done
}

# run_piped QEMU-ARGS...: QEMU with a plain serial port on stdout, its input
# from stdin through feed (a FIFO in between); QEMU's exit status.
run_piped() {
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
	mkfifo "$dir/in"
	qemu-system-x86_64 -chardev stdio,id=con,logfile="$dir/serial.log" -serial chardev:con \
		"$@" <"$dir/in" &
	qpid=$!
	feed "$dir/serial.log" "$qpid" <&3 >"$dir/in" &
	wait "$qpid"
}

case $mode in
run)
	status=0
	if [ -t 0 ]; then # the monitor muxed in: Ctrl-A X quits, Ctrl-A C the monitor
		qemu-system-x86_64 -serial mon:stdio "$@" || status=$?
	else # a pipe or file: a plain serial port, fed by run_piped
		# (stdin as fd 3: a background job's own stdin is /dev/null)
		run_piped "$@" 3<&0 || status=$?
	fi
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
