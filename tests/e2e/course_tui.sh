#!/bin/sh
# course_tui.sh: end-to-end tests of the course screens — the real binary
# ($IRATE) in a private tmux server: the library opens the courses, a
# course shows its steps, a step is played in its mode and the course
# comes back with the progress refreshed; locked steps refuse to start.
# Scores are checked to be numbers from 0 to 100, never exact values, so
# that the scorer's lexicon can improve without breaking this test.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh

tmux_test_begin course
GOOD=tests/data/paths/dry-cleaning-stain/good.txt
BAD=tests/data/paths/late-order/bad.txt

# wait_for STRING [SECONDS]: poll the screen until it shows STRING.
shows() {
	grab
	printf '%s\n' "$last_screen" | grep -F -q -e "$1"
}
# step_row N: the course screen's row of step N, spaces squeezed.
step_row() {
	grab
	printf '%s\n' "$last_screen" | grep -E "^ +$1\. " | tr -s ' ' | sed 's/^ //'
}
# row_is N PATTERN: step N's row matches the extended regex PATTERN (polled
# for up to 10 seconds, as the screen may still be drawing).
row_is() {
	n=100
	while [ "$n" -gt 0 ]; do
		got=$(step_row "$1")
		printf '%s\n' "$got" | grep -E -q -e "$2" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	echo "  step $1 is \"$got\"" >&2
	return 1
}
# in_range N: N is a whole number from 0 to 100.
in_range() {
	case $1 in '' | *[!0-9]*) return 1 ;; esac
	[ "$1" -ge 0 ] && [ "$1" -le 100 ]
}
transcripts() { find "$IRATE_DATA_DIR/transcripts" -name '*.json' 2>/dev/null | sort; }

# run ARGS...: irate ARGS in a fresh 100x30 tmux session; EXIT=n at the end.
run() {
	cat >"$tmp/run.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color IRATE_DATA_DIR='$IRATE_DATA_DIR'
${COURSES:+export IRATE_COURSES='$COURSES'}
unset NO_COLOR
exec '$IRATE' $*
EOS
	tmux_fresh "$SOCK" -d -x 100 -y 30 "sh '$tmp/run.sh'; echo EXIT=\$?; sleep 60"
}

# play_lines FILE: send each line of FILE as a reply (the feedback screen
# after each one is left with Enter, when there is one) until the result.
play_lines() {
	while IFS= read -r line; do
		wait_for "Your reply" 10 || return 1
		type_text "$line"
		keys Enter
		if [ "$exam" = yes ]; then
			wait_for_either "Your reply" "Result:" || return 1
			shows "Result:" && return 0
			continue
		fi
		wait_for "Feedback on reply" 10 || return 1
		if shows "the call has ended"; then
			keys Enter
			wait_for "Result:" 5
			return $?
		fi
		keys Enter
	done <"$1"
	wait_for "Result:" 5
}
wait_for_either() {
	n=100
	while [ "$n" -gt 0 ]; do
		grab
		if printf '%s\n' "$last_screen" | grep -F -q -e "Result:"; then
			return 0
		fi
		# the next turn: the header counts on
		if printf '%s\n' "$last_screen" | grep -F -q -e "turn $((turn + 1)) of"; then
			turn=$((turn + 1))
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# --- the shipped course, step 1 played to a pass --------------------------
COURSES=
exam=no
run --trainee ana
check "the library opens" wait_for "irate: calm the angry customer"
check "the library's footer offers the courses" wait_for "F4 courses"
keys F4
check "F4 opens the courses" wait_for "irate: courses"
check "the shipped course is listed" wait_for "New hire, day one"
check "with 0 of 5 steps passed" wait_for "0 of 5"
check "and its next step" wait_for "1. The wine stain that came back"
keys Enter
check "Enter opens the course" wait_for "Course: New hire, day one"
check "0 of 5 steps passed for ana" wait_for "0 of 5 steps passed; trainee ana"
check "the next step is 1" wait_for "Next: step 1, dry-cleaning-stain (practice)."
check "fresh: step 1 open" row_is 1 "^1\. The wine stain that came back practice 60 - open$"
check "fresh: step 2 locked" row_is 2 "^2\. .* practice 65 - locked$"
check "fresh: step 5 locked, an exam" row_is 5 "^5\. .* exam 70 - locked$"
check "the selected step's note" wait_for "Warm-up."

# a locked step refuses to start
keys Down Down
check "the detail says what unlocks step 3" wait_for "Locked until step 2 is passed."
keys Enter
check "a locked step refuses to start" wait_for "Step 3 is locked: pass step 2 first."
check "and the course stays shown" wait_for "Course: New hire, day one"
check "no session was started" [ -z "$(transcripts)" ]

# step 1, played through the play screen in practice mode
keys Up Up Enter
check "Enter plays step 1" wait_for "irate: The wine stain that came back"
check "in practice mode" wait_for "Practice mode"
check "the good replies resolve the call" play_lines "$GOOD"
check "the result says resolved" wait_for "The call ended: resolved"
check "the result's footer offers going back" wait_for "Esc back"
keys Escape
check "Esc goes back to the course" wait_for "Course: New hire, day one"
check "saying step 1 was passed" wait_for "Step 1 passed."
check "1 of 5 steps passed" wait_for "1 of 5 steps passed"
check "step 1 passed" row_is 1 "^1\. .* practice 60 [0-9]+ passed$"
best=$(step_row 1 | awk '{print $(NF-1)}')
check "step 1's best is a score from 60 to 100 ($best)" sh -c '[ "$1" -ge 60 ] && [ "$1" -le 100 ]' _ "$best"
check "step 2 open" row_is 2 "^2\. .* practice 65 - open$"
check "step 3 still locked" row_is 3 "^3\. .* locked$"
check "the next step is 2" wait_for "Next: step 2, late-order (practice)."
tr=$(transcripts | head -n 1)
check "the call was saved" [ -n "$tr" ]
if [ -n "$tr" ] && command -v jq >/dev/null 2>&1; then
	check "saved in practice mode" [ "$(jq -r .mode "$tr")" = practice ]
	check "saved as finished" [ "$(jq -r .status "$tr")" = finished ]
fi

# step 2 with bad replies: not passed, failed (1 attempt), says why
keys n
check "n plays the next step" wait_for "irate: The birthday present that never came"
check "the bad replies end the call" play_lines "$BAD"
keys Escape
check "back at the course" wait_for "Course: New hire, day one"
check "step 2 not passed, with the score and mark" sh -c 'tmux -L "$1" capture-pane -p | grep -E -q "Step 2 not passed yet: this call scored [0-9]+ \(pass mark 65\)"' _ "$SOCK"
check "step 2 failed (1 attempt)" row_is 2 "^2\. .* practice 65 [0-9]+ failed \(1 attempt\)$"
check "step 3 still locked" row_is 3 "locked$"
keys Escape
check "Esc goes back to the courses" wait_for "irate: courses"
check "the list shows the progress" wait_for "1 of 5"
keys F1
wait_for "irate: keys" >/dev/null
# scroll_to TEXT: page down the help until it shows TEXT
scroll_to() {
	for _ in 1 2 3 4 5 6; do
		shows "$1" && return 0
		keys NPage
		sleep 0.2
	done
	shows "$1"
}
check "the help has the courses keys" scroll_to "play the course's next step"
check "from the key table, with its heading" wait_for "One course: its steps"
keys Escape
wait_for "irate: courses" >/dev/null
keys Escape
check "Esc goes back to the library" wait_for "irate: calm the angry customer"
keys F10
check "F10 quits with status 0" wait_for "EXIT=0"

# --- a course of one exam step, from IRATE_COURSES --------------------------
COURSES="$tmp/courses"
mkdir -p "$COURSES/own"
cp scenarios/dry-cleaning-stain.json "$COURSES/own/"
cat >"$COURSES/exam.json" <<J
{"format": 1, "kind": "course", "id": "exam-only", "title": "Exam only",
 "summary": "One call in exam mode.", "steps": [
  {"scenario": "own/dry-cleaning-stain.json", "mode": "exam", "pass": 60}]}
J
printf '{"format": 1, "kind": "course"' >"$COURSES/broken.json"
exam=yes
turn=1
run --trainee bo
wait_for "irate: calm the angry customer" >/dev/null
keys C-k
check "Ctrl-K opens the courses" wait_for "irate: courses"
check "a broken course file is reported" wait_for "1 course file left out"
check "the exam course is listed" wait_for "Exam only"
keys Enter
check "the exam course opens" wait_for "Course: Exam only"
check "step 1 open, an exam" row_is 1 "^1\. .* exam 60 - open$"
keys Enter
check "the step starts in exam mode" wait_for "Exam mode"
check "the good replies end the exam with no feedback screen" play_lines "$GOOD"
check "the result" wait_for "The call ended: resolved"
keys Escape
check "back at the exam course" wait_for "Course: Exam only"
check "the exam step passed and the course complete" wait_for "Step 1 passed. Course complete: every step passed."
check "step 1 passed" row_is 1 "^1\. .* exam 60 [0-9]+ passed$"
keys n
check "n on a complete course says so" wait_for "Course complete: every step passed."
keys q
check "q quits" wait_for "EXIT=0"
tr=$(find "$IRATE_DATA_DIR/transcripts/bo" -name '*.json' | head -n 1)
if [ -n "$tr" ] && command -v jq >/dev/null 2>&1; then
	check "the exam was saved in exam mode" [ "$(jq -r .mode "$tr")" = exam ]
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
