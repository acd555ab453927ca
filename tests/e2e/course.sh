#!/bin/sh
# End-to-end tests of courses: lint of course files, progress on a fresh
# trainee, playing the next step in plain mode to a pass and to a failure.
# Best scores are checked to be whole numbers in the range the state
# implies, never exact values: they move whenever the scorer improves.
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
IRATE_DATA_DIR=$(mktemp -d "$tmp/data.XXXXXX")
export IRATE_DATA_DIR
unset NO_COLOR
course=courses/new-hire-day-one.json
paths=tests/data/paths

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect_rc WANT DESCRIPTION INPUT -- command…
expect_rc() {
	want=$1 desc=$2 input=$3
	shift 4
	"$@" >"$tmp/out" 2>"$tmp/err" <"$input"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok; else bad "$desc: exit $rc, want $want"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}
contains() { # contains FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\" in $1"; sed 's/^/  | /' "$1" | head -20; fi
}
# row FILE STEP: the table row of step STEP, spaces squeezed
row() { grep -E "^ +$2  " "$1" | tr -s ' ' | sed 's/^ //'; }
has_row() { # has_row FILE STEP TEXT DESCRIPTION
	got=$(row "$1" "$2")
	if [ "$got" = "$3" ]; then ok; else bad "$4: step $2 is \"$got\", want \"$3\""; fi
}
# has_scored_row FILE STEP "BEFORE" "AFTER" LO HI DESCRIPTION: the row is
# BEFORE, a best score from LO to HI, then AFTER.
has_scored_row() {
	got=$(row "$1" "$2")
	rest=${got#"$3 "}
	best=${rest%%" "*}
	case $best in '' | *[!0-9]*) best=x ;; esac
	if [ "$rest" != "$got" ] && [ "$best" != x ] && [ "$rest" = "$best $4" ] &&
		[ "$best" -ge "$5" ] && [ "$best" -le "$6" ]; then
		ok
	else
		bad "$7: step $2 is \"$got\", want \"$3 <$5..$6> $4\""
	fi
}

# lint: the shipped course is clean; a bad one is located.
expect_rc 0 "lint shipped course" /dev/null -- "$IRATE" lint "$course"
contains "$tmp/out" "new-hire-day-one.json: ok (course, 5 steps)" "lint ok line"
expect_rc 0 "lint course and scenario together" /dev/null -- "$IRATE" lint -q "$course" scenarios/late-order.json
expect_rc 1 "lint bad course" /dev/null -- "$IRATE" lint tests/data/course/bad-values.json
contains "$tmp/err" 'bad-values.json:8:6: error: steps[0].scenario: no scenario "late-ordr" in' "unknown scenario located"
contains "$tmp/err" 'did you mean "late-order"?' "did-you-mean on scenario ids"
expect_rc 1 "lint duplicate steps" /dev/null -- "$IRATE" lint tests/data/course/duplicate-steps.json
contains "$tmp/err" "one session would pass both" "duplicate step"
expect_rc 1 "lint future course format" /dev/null -- "$IRATE" lint tests/data/course/future-format.json
contains "$tmp/err" "format version 2 is not supported" "future format refused"

# help and usage
expect_rc 0 "help course" /dev/null -- "$IRATE" help course
contains "$tmp/out" "usage: irate course" "help course text"
expect_rc 2 "unknown option" /dev/null -- "$IRATE" course --frob "$course"
expect_rc 2 "--next without a course" /dev/null -- "$IRATE" course --next
expect_rc 2 "two courses" /dev/null -- "$IRATE" course "$course" "$course"
expect_rc 1 "no such course" /dev/null -- "$IRATE" course --status nope
contains "$tmp/err" 'no course file or id "nope"' "no such course message"
expect_rc 1 "a broken course" /dev/null -- "$IRATE" course --status tests/data/course/bad-keys.json
contains "$tmp/err" 'did you mean "summary"?' "broken course problems printed"

# a fresh trainee: the first step open, the after_previous ones locked
expect_rc 0 "status, fresh" /dev/null -- "$IRATE" --trainee ana course --status "$course"
cp "$tmp/out" "$tmp/fresh.out"
contains "$tmp/out" "New hire, day one: 0 of 5 steps passed (trainee ana)" "fresh header"
has_row "$tmp/out" 1 "1 dry-cleaning-stain practice 60 - open" "fresh"
has_row "$tmp/out" 2 "2 late-order practice 65 - locked" "fresh"
has_row "$tmp/out" 5 "5 car-repair-parts-delay exam 70 - locked" "fresh"
contains "$tmp/out" "Next: step 1, dry-cleaning-stain (practice)." "fresh next"
expect_rc 0 "course by id" /dev/null -- "$IRATE" --trainee ana course new-hire-day-one
contains "$tmp/out" "Warm-up." "notes shown"
expect_rc 0 "course list" /dev/null -- "$IRATE" --trainee ana course
contains "$tmp/out" "new-hire-day-one" "list shows the shipped course"

# play step 1 with good replies: passed, step 2 unlocked
expect_rc 0 "next: step 1, good replies" "$paths/dry-cleaning-stain/good.txt" -- \
	"$IRATE" --trainee ana course --next --plain --seed 1 "$course"
contains "$tmp/out" "step 1 of 5: The wine stain that came back (practice mode" "step announced"
contains "$tmp/out" "Ending: resolved" "step 1 played to resolved"
contains "$tmp/out" "Step 1 passed." "step 1 passed"
has_scored_row "$tmp/out" 1 "1 dry-cleaning-stain practice 60" "passed" 60 100 "after step 1"
has_row "$tmp/out" 2 "2 late-order practice 65 - open" "after step 1"
has_row "$tmp/out" 3 "3 red-dress-out-of-stock practice 65 - locked" "after step 1"
ls "$IRATE_DATA_DIR"/transcripts/ana/*dry-cleaning-stain*.json >/dev/null 2>&1 && ok || bad "no transcript saved"
grep -qE '"mode":[[:space:]]*"practice"' "$IRATE_DATA_DIR"/transcripts/ana/*dry-cleaning-stain*.json && ok || bad "step 1 not saved in practice mode"

# step 2 with bad replies: the customer hangs up; the step is failed
expect_rc 0 "next: step 2, bad replies" "$paths/late-order/bad.txt" -- \
	"$IRATE" --trainee ana course --next --plain --seed 1 "$course"
contains "$tmp/out" "Ending: hung_up" "step 2 hung up"
contains "$tmp/out" "Step 2 not passed yet" "step 2 not passed"
has_scored_row "$tmp/out" 2 "2 late-order practice 65" "failed (1 attempt)" 0 100 "after a failure"
has_row "$tmp/out" 3 "3 red-dress-out-of-stock practice 65 - locked" "after a failure"
# stopping before an ending: exit 3, not an attempt
expect_rc 3 "next: step 2, no input" /dev/null -- \
	"$IRATE" --trainee ana course --next --plain "$course"
has_scored_row "$tmp/out" 2 "2 late-order practice 65" "failed (1 attempt)" 0 100 "unfinished is no attempt"
expect_rc 0 "status after" /dev/null -- "$IRATE" --trainee ana course --status "$course"
contains "$tmp/out" "1 of 5 steps passed" "status after"
has_scored_row "$tmp/out" 2 "2 late-order practice 65" "failed (1 attempt)" 0 100 "failure stays failed"
contains "$tmp/out" "Next: step 2, late-order (practice)." "retry is next"

# another trainee sees none of it
expect_rc 0 "status, other trainee" /dev/null -- "$IRATE" --trainee bo course --status "$course"
has_row "$tmp/out" 1 "1 dry-cleaning-stain practice 60 - open" "other trainee"

# step 2 with good replies: passed, step 3 unlocked
expect_rc 0 "next: step 2, good replies" "$paths/late-order/good.txt" -- \
	"$IRATE" --trainee ana course --next --plain --seed 1 "$course"
contains "$tmp/out" "Step 2 passed." "step 2 passed on retry"
has_row "$tmp/out" 3 "3 red-dress-out-of-stock practice 65 - open" "after step 2"

# steps 3 to 5 with good replies: the last in exam mode, then complete
for s in red-dress-out-of-stock wrong-account-transfer; do
	expect_rc 0 "next: $s, good replies" "$paths/$s/good.txt" -- \
		"$IRATE" --trainee ana course --next --plain --seed 1 "$course"
done
expect_rc 0 "next: exam step" "$paths/car-repair-parts-delay/good.txt" -- \
	"$IRATE" --trainee ana course --next --plain --seed 1 "$course"
contains "$tmp/out" "Exam mode." "the last step is played in exam mode"
if grep -qE "^  [a-z]+: (met|missed), [0-9]+" "$tmp/out"; then bad "feedback shown in exam mode"; else ok; fi
contains "$tmp/out" "Step 5 passed." "exam passed"
contains "$tmp/out" "Course complete: every step passed." "course complete"
expect_rc 0 "next on a complete course" /dev/null -- \
	"$IRATE" --trainee ana course --next --plain "$course"
contains "$tmp/out" "Course complete" "nothing left to play"
expect_rc 0 "list after" /dev/null -- "$IRATE" --trainee ana course
contains "$tmp/out" "5 of 5 steps passed" "list shows progress"

# a course of its own, beside its scenario: paths are relative to it
mkdir -p "$tmp/mine/sc"
cp scenarios/late-order.json "$tmp/mine/sc/"
cat >"$tmp/mine/c.json" <<'J'
{"format": 1, "kind": "course", "id": "mine", "title": "Mine",
 "summary": "One exam.", "steps": [
  {"scenario": "sc/late-order.json", "mode": "exam", "pass": 95}]}
J
expect_rc 0 "lint own course" /dev/null -- "$IRATE" lint "$tmp/mine/c.json"
expect_rc 0 "own course, exam below the mark" "$paths/late-order/good.txt" -- \
	"$IRATE" --trainee cy course --next --plain --seed 1 "$tmp/mine/c.json"
has_scored_row "$tmp/out" 1 "1 late-order exam 95" "failed (1 attempt)" 0 94 "own course"

echo "course: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
