#!/bin/sh
# review.sh: end-to-end tests of `irate review` — sessions played in plain
# mode, then the review browser and viewer in a private tmux server (filter,
# open, comment, override with a reason, reopen), the sidecar beside the
# untouched transcript, and the plain --list and --show outputs.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh

tmux_test_begin review
has() { printf '%s\n' "$1" | grep -F -q -e "$2"; }

# --- sessions to review, played in plain mode --------------------------------
printf "I'm so sorry your order is late. I will send a replacement today.\nThat must be stressful, I can refund the shipping.\n/quit\n" |
	$IRATE --trainee ana play --plain --seed 1 late-order >/dev/null 2>&1
printf "Calm down.\n/quit\n" |
	$IRATE --trainee bob play --plain --seed 1 late-order >/dev/null 2>&1
printf "I understand, let me look at the refund for you.\n/quit\n" |
	$IRATE --trainee ana play --plain --seed 1 refund-not-received >/dev/null 2>&1
tr=$(find "$IRATE_DATA_DIR/transcripts/ana" -name '*late-order*.json' | head -n 1)
check "plain play saved ana's late-order transcript" [ -n "$tr" ]
before=$(cksum <"$tr")

# --- --list -------------------------------------------------------------------
out=$($IRATE review --list 2>&1)
check "--list: a header" has "$out" "TRAINEE"
check "--list: three sessions" [ "$(printf '%s\n' "$out" | grep -c 'late-order\|refund-not-received')" -eq 3 ]
out=$($IRATE review --list trainee:bob 2>&1)
check "--list trainee:bob: one row" [ "$(printf '%s\n' "$out" | sed 1d | wc -l)" -eq 1 ]
check "--list trainee:bob: bob hung up or left" has "$out" "bob"
out=$($IRATE review --list --sort overall --reverse scenario:late 2>&1)
check "--list scenario:late: two rows" [ "$(printf '%s\n' "$out" | sed 1d | wc -l)" -eq 2 ]
first=$(printf '%s\n' "$out" | sed -n 2p | awk '{print $1}')
check "--list --sort overall --reverse: ana (the better score) first" [ "$first" = ana ]
out=$($IRATE review --list colour:red 2>&1)
rc=$?
check "--list with a bad filter exits 2" [ "$rc" -eq 2 ]
check "--list with a bad filter says why" has "$out" '"colour:" is not a filter'
out=$($IRATE review --list 'empaty<50' 2>&1)
check "--list: an unknown criterion is named" has "$out" 'no criterion "empaty"'

# --- the browser and viewer in tmux --------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
	echo "review.sh: tmux is not installed; the terminal tests are skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi
# run ARGS...: irate ARGS in a fresh 100x30 tmux session; EXIT=n at the end.
run() {
	cat >"$tmp/run.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color IRATE_DATA_DIR='$IRATE_DATA_DIR'
exec '$IRATE' $*
EOS
	tmux_fresh "$SOCK" -d -x 100 -y 30 "sh '$tmp/run.sh'; echo EXIT=\$?; sleep 60"
}

run --trainee sam review
check "the browser opens" wait_for "irate review: saved transcripts"
check "it lists the three sessions" wait_for "3 of 3"
type_text "colour:red"
check "a bad filter says why" wait_for '"colour:" is not a filter'
keys C-u
type_text "trainee:ana scenario:late"
check "the filter leaves one session" wait_for "1 of 3"
keys Enter
check "Enter opens the viewer" wait_for "Review: The birthday present"
check "the viewer shows the re-grade" wait_for "Re-graded with the current scorer"
check "the viewer shows the mood chart" wait_for "mood 100 |"
check "the viewer shows turn 1" wait_for "Turn 1 of 2"
keys c
check "c asks for a comment" wait_for "Comment on turn 1 as sam"
type_text "Offer the courier sooner."
keys Enter
check "the comment is saved" wait_for "comment on turn 1 saved"
keys o
check "o asks for the criterion" wait_for "which criterion?"
keys 3
check "then for the label" wait_for "Is empathy in the reply?"
keys n
check "then for the reason" wait_for "a reason is required"
keys Enter
check "an empty reason is refused" wait_for "an override needs a reason"
type_text "sorry is not empathy"
keys Enter
check "the override is saved" wait_for "override on turn 1 saved"
check "the viewer shows the override with its reviewer" wait_for "override empathy is not detected because sorry is not empathy"
keys Escape
check "Esc goes back to the list" wait_for "irate review: saved transcripts"
check "the filter is kept" wait_for "Filter: trainee:ana scenario:late"
check "the list counts the notes" wait_for "1 of 3"
keys F10
check "F10 quits with status 0" wait_for "EXIT=0"

run --trainee sam review
check "reopened" wait_for "3 of 3"
type_text "trainee:ana scenario:late"
wait_for "1 of 3" >/dev/null
keys Enter
check "the viewer counts the notes by reviewer" wait_for "Notes by sam (2)"
keys NPage
check "the comment is there after reopening" wait_for "sam, 20"
check "with its text" wait_for "Offer the courier sooner."
keys q
check "q quits the viewer" wait_for "EXIT=0"

run --trainee ana
check "the library opens" wait_for "irate: calm the angry customer"
check "its footer offers review" wait_for "F3 review"
keys F3
check "F3 opens the review browser" wait_for "irate review: saved transcripts"
check "as the trainee's reviewer" wait_for "reviewer ana"
keys Escape
check "Esc with an empty filter goes back to the library" wait_for "irate: calm the angry customer"
keys F10
wait_for "EXIT=" >/dev/null

# --- the files ----------------------------------------------------------------
side=${tr%.json}.review.sam.json
check "the sidecar is beside the transcript" [ -f "$side" ]
check "the transcript is byte-identical" [ "$(cksum <"$tr")" = "$before" ]
if command -v jq >/dev/null 2>&1; then
	check "the sidecar holds two notes" [ "$(jq '.annotations | length' "$side")" = 2 ]
	check "the override is empathy, not detected" [ "$(jq -r '.annotations[1] | "\(.criterion) \(.detected) \(.reason)"' "$side")" = "empathy false sorry is not empathy" ]
	check "the sidecar names the reviewer" [ "$(jq -r .reviewer "$side")" = sam ]
fi

# --- --show -------------------------------------------------------------------
out=$($IRATE review --show "$tr" 2>&1)
check "--show: the trainee" has "$out" "Trainee: ana"
check "--show: the re-grade" has "$out" "Re-graded with the current scorer: the same as the stored grading."
check "--show: the comment with its reviewer" has "$out" "note by sam"
check "--show: the override" has "$out" "override empathy: not detected (sorry is not empathy)"
check "--show: the mood chart" has "$out" "mood 100 |"
out=$($IRATE review --list trainee:ana scenario:late 2>&1)
check "--list counts the notes" [ "$(printf '%s\n' "$out" | sed -n 2p | awk '{print $(NF-1)}')" = 2 ]
out=$($IRATE review --show /nonexistent.json 2>&1)
check "--show of a missing file exits 1" [ $? -eq 1 ]

# --- withdrawing a note (x): only one's own, after a question ----------------
run --trainee sam review
check "reopened for withdrawing" wait_for "3 of 3"
type_text "trainee:ana scenario:late"
wait_for "1 of 3" >/dev/null
keys Enter
check "the viewer opens" wait_for "Notes by sam (2)"
keys x
check "x asks about the newest note on the turn" wait_for "Withdraw your override of empathy (sorry is not empathy) on turn 1?"
keys n
check "n keeps it" wait_for "the note is kept"
keys x
wait_for "Withdraw your override" >/dev/null
keys y
check "y withdraws it" wait_for "your note on turn 1 is withdrawn"
keys g
check "the viewer shows one note left" wait_for "Notes by sam (1)"
keys q
wait_for "EXIT=0" >/dev/null
check "the sidecar holds the comment only" [ "$(jq -r '[.annotations[] | .comment // "override"] | join(",")' "$side")" = "Offer the courier sooner." ]
check "the transcript is still byte-identical" [ "$(cksum <"$tr")" = "$before" ]
run --trainee lee review
wait_for "3 of 3" >/dev/null
type_text "trainee:ana scenario:late"
wait_for "1 of 3" >/dev/null
keys Enter
wait_for "Notes by sam (1)" >/dev/null
keys x
check "another reviewer cannot withdraw sam's note" wait_for "lee has no notes on this transcript"
keys q
wait_for "EXIT=0" >/dev/null
check "sam's note is still there" [ "$(jq '.annotations | length' "$side")" = 1 ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
