# tests/ltp/run.sh - the LTP runner, run by busybox sh as pid 1 (Linux) or
# under our /init (ours): mounts what LTP's library wants where the kernel
# has not (Linux's initramfs has nothing), then runs each line "NAME COMMAND
# ARGS..." of /ltp/list with a time limit (120 s: LTP's fork13 alone would take 20 minutes on Linux under TCG), printing "LTP NAME STATUS" (the
# exit status: a bit mask of TFAIL 1, TBROK 2, TWARN 4, TCONF 32; 124+ a
# timeout or a signal). Output of the tests goes to the console first, framed.
PATH=/ltp:/bin
export PATH TMPDIR=/tmp LTP_TIMEOUT_MUL=20
busybox mount -t proc proc /proc 2>/dev/null
busybox mount -t devtmpfs dev /dev 2>/dev/null
busybox mkdir -p /dev/shm /tmp 2>/dev/null
busybox mount -t tmpfs shm /dev/shm 2>/dev/null
busybox mount -t tmpfs tmp /tmp 2>/dev/null
cd /tmp
while read -r name cmd args; do
	echo "=== BEGIN $name"
	busybox timeout 120 /ltp/$cmd $args </dev/null 2>&1
	status=$?
	echo "=== END $name"
	echo "LTP $name $status"
done < /ltp/list
echo "LTP done"
[ $$ = 1 ] && busybox poweroff -f
exit 0
