#!/bin/sh
# resume.sh: a call that stopped before an ending — killed, interrupted,
# left — is taken up again where it stopped: `irate play --resume` in plain
# mode and F5 on the library screen of the terminal interface, in the same
# transcript file, with the same mode; and what cannot be resumed is
# refused with a reason.  Prints "N passed, N failed".
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh
tmux_test_begin resume
good=tests/data/paths/late-order/good.txt
has() { if printf '%s\n' "$1" | grep -F -q -e "$2"; then ok; else ko "$3: no \"$2\" in: $(printf '%s' "$1" | tail -n 5)"; fi; }
turns() { jq '.turns | length' "$1"; }

# --- killed after two replies, resumed in plain mode -------------------------
fifo="$tmp/fifo"
mkfifo "$fifo"
"$IRATE" --trainee ana play --plain --seed 5 --exam late-order <"$fifo" >"$tmp/out" 2>&1 &
pid=$!
exec 7>"$fifo"
head -n 2 "$good" >&7
n=0
while [ "$(find "$IRATE_DATA_DIR/transcripts/ana" -name '*.json' -exec jq '.turns | length' {} \; 2>/dev/null)" != 2 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
kill -KILL $pid
wait $pid 2>/dev/null
exec 7>&-
tr=$(find "$IRATE_DATA_DIR/transcripts/ana" -name '*.json')
check "the killed call left two turns in progress" sh -c "[ \"\$(jq -r '.status' '$tr')\" = in_progress ] && [ \"\$(jq '.turns | length' '$tr')\" = 2 ]"

out=$(sed -n 3,4p "$good" | "$IRATE" --trainee ana play --plain --resume 2>&1)
rc=$?
check "plain --resume finishes the call (exit $rc)" [ "$rc" -eq 0 ]
has "$out" "Taking up the call of" "plain --resume says so"
has "$out" "after 2 replies" "plain --resume counts the replies so far"
has "$out" "Exam mode" "the call goes on in exam mode, as it began"
has "$out" "Ending: resolved after 4 replies." "the call reaches its ending"
check "the same file holds all four turns" [ "$(turns "$tr")" -eq 4 ]
check "the transcript is finished and says when it was resumed" \
	sh -c "jq -e '.status == \"finished\" and .ending == \"resolved\" and (.resumed | length) == 1' '$tr' >/dev/null"
check "no second transcript was made" [ "$(find "$IRATE_DATA_DIR/transcripts/ana" -name '*.json' | wc -l)" -eq 1 ]
out=$("$IRATE" review --show "$tr" 2>&1)
has "$out" "Taken up again: " "review --show says the call was taken up again"
check "the replies are the ones sent, in order" sh -c "jq -r '.turns[].reply' '$tr' | cmp -s - '$good'"

# --- what cannot be resumed ----------------------------------------------------
out=$("$IRATE" --trainee ana play --plain --resume </dev/null 2>&1)
rc=$?
check "a finished call cannot be resumed (exit $rc)" [ "$rc" -eq 1 ]
has "$out" "ana has no unfinished call to take up" "--resume says why"
out=$("$IRATE" --trainee ana play --plain --resume --seed 3 late-order </dev/null 2>&1)
rc=$?
check "--resume with --seed is a usage error (exit $rc)" [ "$rc" -eq 2 ]
head -n 1 "$good" | "$IRATE" --trainee bo play --plain --seed 1 late-order >/dev/null 2>&1
trb=$(find "$IRATE_DATA_DIR/transcripts/bo" -name '*.json')
cp scenarios/late-order.json "$tmp/late-order.json"
sed -i 's/"Dana Whitfield"/"Dana Whitfeld"/' "$tmp/late-order.json"
jq --arg f "$tmp/late-order.json" '.scenario.file = $f' "$trb" >"$trb.new" && mv "$trb.new" "$trb"
out=$("$IRATE" --trainee bo play --plain --resume </dev/null 2>&1)
rc=$?
check "a call whose scenario changed since is refused (exit $rc)" [ "$rc" -eq 1 ]
has "$out" "the scenario file has changed since the call began" "the refusal says why"

# --- F5 on the library screen ---------------------------------------------------
head -n 1 "$good" | "$IRATE" --trainee cy play --plain --seed 2 late-order >/dev/null 2>&1
trc=$(find "$IRATE_DATA_DIR/transcripts/cy" -name '*.json')
cat >"$tmp/run.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color IRATE_DATA_DIR='$IRATE_DATA_DIR'
exec '$IRATE' --trainee cy
EOS
tmux_fresh "$SOCK" -d -x 110 -y 34 "sh '$tmp/run.sh'; echo EXIT=\$?; sleep 60"
check "the library opens" wait_for "irate: calm the angry customer"
type_text "birthday"
check "the preview offers to take up the call" wait_for "F5 takes it up where it stopped"
keys F5
check "F5 goes back into the call" wait_for "the call goes on from reply 2"
check "the earlier reply is in the conversation" wait_for "Your order was promised for Friday"
type_text "$(sed -n 2p "$good")"
keys Enter
check "the second reply is graded" wait_for "Mood"
keys Enter
check "back in the call" wait_for "Your reply"
keys Escape
check "Esc leaves the call to the result" wait_for "You left the call before an ending, after 2 replies"
keys F10
check "quits" wait_for "EXIT="
check "the TUI added the second turn to the same file" [ "$(turns "$trc")" -eq 2 ]
check "one transcript for cy" [ "$(find "$IRATE_DATA_DIR/transcripts/cy" -name '*.json' | wc -l)" -eq 1 ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
