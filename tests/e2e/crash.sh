#!/bin/sh
# crash.sh: kill irate at random moments and check that nothing already
# acknowledged is lost.  CRASH_RUNS (default 60) plain-mode sessions are fed
# the four replies of late-order's good path and killed with SIGKILL after
# a random delay (2 to 10 ms; a whole session takes about 10, from a seeded generator: CRASH_SEED) — during
# start-up, grading, saving or between turns.  After each kill, the
# trainee's directory must hold at most one transcript, complete and valid
# (never empty or half-written: every save is a rename, the first one a
# link), with every turn whose feedback was printed (feedback is printed
# only after the turn is on disk), no more turns than replies sent, and the
# replies in the order they were sent.  Then SIGHUP (a closed SSH session)
# and SIGTERM, in plain mode and in the terminal interface, must leave a
# finished "interrupted" transcript.  Prints "N passed, N failed".
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh
tmux_test_begin crash
runs=${CRASH_RUNS:-60}
seed=${CRASH_SEED:-$(date +%s)}
good=tests/data/paths/late-order/good.txt
echo "crash.sh: $runs runs, CRASH_SEED=$seed"

# The random delays, one per run, in seconds.
awk -v n="$runs" -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < n; i++) printf "%.3f\n", 0.002 + rand() * 0.008 }' >"$tmp/delays"
i=0
lost=0 invalid=0 extra=0 order=0 several=0 acked_total=0 saved_total=0
while [ $i -lt "$runs" ]; do
	i=$((i + 1))
	d=$(sed -n "${i}p" "$tmp/delays")
	name="k$i"
	fifo="$tmp/fifo$i"
	mkfifo "$fifo"
	"$IRATE" --trainee "$name" play --plain --seed "$i" late-order <"$fifo" >"$tmp/out$i" 2>&1 &
	pid=$!
	exec 7>"$fifo"
	cat "$good" >&7
	sleep "$d"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	exec 7>&-
	rm -f "$fifo"
	acked=$(grep -c '^  score ' "$tmp/out$i")
	dir="$IRATE_DATA_DIR/transcripts/$name"
	files=$(find "$dir" -name '*.json' 2>/dev/null)
	nfiles=$(printf '%s' "$files" | grep -c .)
	if [ "$nfiles" -gt 1 ]; then
		several=$((several + 1))
		ko "run $i (delay $d): $nfiles transcripts for one session"
		continue
	fi
	if [ "$nfiles" -eq 0 ]; then
		# killed before the session began: nothing may have been acknowledged
		if [ "$acked" -gt 0 ]; then
			lost=$((lost + 1))
			ko "run $i (delay $d): $acked turns acknowledged, no transcript"
		fi
		continue
	fi
	if ! jq -e -s 'length == 1 and .[0].format == 1 and (.[0].turns | type == "array")' "$files" >/dev/null 2>&1; then
		invalid=$((invalid + 1))
		ko "run $i (delay $d): the transcript is not valid: $(head -c 200 "$files")"
		continue
	fi
	n=$(jq '.turns | length' "$files")
	echo "$n" >>"$tmp/histogram"
	saved_total=$((saved_total + n))
	acked_total=$((acked_total + acked))
	if [ "$n" -lt "$acked" ]; then
		lost=$((lost + 1))
		ko "run $i (delay $d): $acked turns acknowledged, $n saved"
	fi
	if [ "$n" -gt 4 ]; then
		extra=$((extra + 1))
		ko "run $i (delay $d): $n turns saved, 4 replies sent"
	fi
	# the saved replies are the first n lines sent, in order
	jq -r '.turns[].reply' "$files" >"$tmp/replies"
	if ! head -n "$n" "$good" | cmp -s - "$tmp/replies"; then
		order=$((order + 1))
		ko "run $i (delay $d): the saved replies are not the ones sent, in order"
	fi
done
[ $lost -eq 0 ] && ok || true
[ $invalid -eq 0 ] && ok || true
[ $extra -eq 0 ] && ok || true
[ $order -eq 0 ] && ok || true
[ $several -eq 0 ] && ok || true
echo "crash.sh: $runs kills: $saved_total turns on disk, $acked_total acknowledged before the kill; lost $lost, invalid $invalid, out of order $order"
echo "crash.sh: turns on disk when killed (turns: runs): $(sort -n "$tmp/histogram" 2>/dev/null | uniq -c | awk '{printf "%s: %s  ", $2, $1}')$((runs - $(wc -l <"$tmp/histogram" 2>/dev/null || echo 0))) runs killed before the transcript existed"
# readers take the whole directory of killed sessions without a complaint
"$IRATE" report >"$tmp/report.out" 2>"$tmp/report.err"
rc=$?
check "report reads every killed session (exit $rc)" [ "$rc" -eq 0 ]
check "report finds no unreadable transcript" sh -c "! grep -q 'cannot be read' '$tmp/report.err'"

# --- SIGHUP and SIGTERM in plain mode ------------------------------------------
for sig in HUP TERM; do
	fifo="$tmp/fifo-$sig"
	mkfifo "$fifo"
	"$IRATE" --trainee "plain$sig" play --plain --seed 1 late-order <"$fifo" >"$tmp/o-$sig" 2>&1 &
	pid=$!
	exec 7>"$fifo"
	head -n 2 "$good" >&7
	n=0
	while [ "$(grep -c '^  score ' "$tmp/o-$sig")" -lt 2 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	kill -$sig $pid
	wait $pid
	rc=$?
	exec 7>&-
	case $sig in HUP) want=129 ;; TERM) want=143 ;; esac
	check "plain SIG$sig: exit $rc, want $want" [ "$rc" -eq "$want" ]
	tr=$(find "$IRATE_DATA_DIR/transcripts/plain$sig" -name '*.json' | head -n 1)
	check "plain SIG$sig: the transcript is interrupted, with both turns" \
		sh -c "jq -e '.status == \"interrupted\" and (.turns | length) == 2 and .ended != null' '$tr' >/dev/null"
done

# --- SIGHUP and SIGTERM in the terminal interface ---------------------------------
for sig in HUP TERM; do
	cat >"$tmp/run.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color IRATE_DATA_DIR='$IRATE_DATA_DIR'
echo \$\$ >'$tmp/pid'
exec '$IRATE' --trainee tui$sig play --seed 1 late-order
EOS
	tmux_fresh "$SOCK" -d -x 100 -y 30 "sh '$tmp/run.sh'"
	check "tui SIG$sig: the call starts" wait_for "Your reply"
	type_text "$(head -n 1 "$good")"
	keys Enter
	check "tui SIG$sig: the first reply is graded" wait_for "Mood"
	pid=$(cat "$tmp/pid")
	if [ "$sig" = HUP ]; then
		t kill-server # the terminal goes away, as when an SSH session closes
	else
		kill -TERM "$pid"
	fi
	n=0
	while kill -0 "$pid" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
	check "tui SIG$sig: irate exits" sh -c "! kill -0 $pid 2>/dev/null"
	tr=$(find "$IRATE_DATA_DIR/transcripts/tui$sig" -name '*.json' | head -n 1)
	check "tui SIG$sig: the transcript is interrupted, with the reply sent" \
		sh -c "jq -e '.status == \"interrupted\" and (.turns | length) == 1 and .ended != null' '$tr' >/dev/null"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
