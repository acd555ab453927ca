#!/bin/sh
# End-to-end tests of the command line: help, version, exit codes, global
# options anywhere, lint, and plain-mode play to every kind of ending.
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export IRATE_DATA_DIR="$tmp/data"
unset NO_COLOR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect_rc WANT DESCRIPTION -- command…
expect_rc() {
	want=$1 desc=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok; else bad "$desc: exit $rc, want $want"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}
# has_field FILE KEY VALUE DESCRIPTION: a JSON "key": value pair, any spacing
has_field() {
	if grep -qE "\"$2\":[[:space:]]*$3" "$1"; then ok; else bad "$4: no \"$2\": $3 in $1"; fi
}
contains() { # contains FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\" in $1"; sed 's/^/  | /' "$1" | head -20; fi
}

expect_rc 0 "--version" -- "$IRATE" --version
contains "$tmp/out" "irate " "--version output"
expect_rc 0 "--help" -- "$IRATE" --help
contains "$tmp/out" "Commands:" "--help lists commands"
expect_rc 0 "help play" -- "$IRATE" help play
contains "$tmp/out" "usage: irate play" "help play"
expect_rc 0 "play --help" -- "$IRATE" play --help
contains "$tmp/out" "usage: irate play" "play --help"
expect_rc 0 "help lint" -- "$IRATE" help lint
expect_rc 0 "help grade" -- "$IRATE" help grade
expect_rc 2 "unknown command" -- "$IRATE" frobnicate
contains "$tmp/err" "unknown command" "unknown command message"
expect_rc 2 "no command, no terminal" -- "$IRATE"
expect_rc 2 "missing option value" -- "$IRATE" play --trainee
expect_rc 2 "bad seed" -- "$IRATE" play --seed abc scenarios/late-order.json
expect_rc 2 "help for unknown command" -- "$IRATE" help nope

# lint
expect_rc 0 "lint clean" -- "$IRATE" lint scenarios/late-order.json
contains "$tmp/out" "ok (" "lint ok line"
expect_rc 1 "lint problems" -- "$IRATE" lint tests/data/lint/graph-problems.json
contains "$tmp/err" "graph-problems.json:27:5: error: nodes.loop1: no way out" "lint located message"
expect_rc 1 "lint not json" -- "$IRATE" lint tests/data/lint/trailing-comma.json
contains "$tmp/err" "trailing-comma.json:4:1: error:" "lint syntax error located"
expect_rc 1 "lint missing file" -- "$IRATE" lint "$tmp/none.json"
contains "$tmp/err" "cannot open" "lint missing file message"
expect_rc 1 "lint a directory" -- "$IRATE" lint scenarios
expect_rc 2 "lint no files" -- "$IRATE" lint
expect_rc 2 "lint bad option" -- "$IRATE" lint --frob x.json
expect_rc 0 "lint --graph" -- "$IRATE" lint --graph scenarios/late-order.json
contains "$tmp/out" 'digraph "late-order"' "dot output"
contains "$tmp/out" '"opening" -> "escalate_request"' "dot edge"
# Every shipped scenario's graph is valid dot: Graphviz renders it.
for f in scenarios/*.json; do
	if "$IRATE" lint --graph "$f" 2>/dev/null | dot -Tsvg >"$tmp/g.svg" 2>"$tmp/dot.err" &&
		grep -q "<svg" "$tmp/g.svg"; then ok; else bad "dot cannot render $f: $(head -c 200 "$tmp/dot.err")"; fi
done
printf '\000\001\002' > "$tmp/binary.json"
expect_rc 1 "lint binary file" -- "$IRATE" lint "$tmp/binary.json"
contains "$tmp/err" "NUL byte" "binary file message"
expect_rc 0 "list" -- "$IRATE" list
contains "$tmp/out" "late-order" "list shows late-order"

# play: scripted good replies reach resolved; the transcript holds them.
good="$tmp/good.txt"
cat > "$good" <<'R'
I'm so sorry, Dana. Your order was promised for Friday and still hasn't arrived, with your daughter's birthday tomorrow - that's really stressful. I'll send a replacement by express courier today so it arrives tomorrow morning, free of charge.
I completely understand wanting to be sure after this. The express delivery arrives before noon tomorrow; I'll email you the tracking number within the hour and check on it myself first thing.
No, you won't pay anything more: the express courier is on us, and I'm refunding the delivery charge from your first order today.
I understand, you've been let down once already. I'll check the tracking myself at nine tomorrow, and if there's any delay I'll call you straight away and send one by same-day courier from our local store, or refund you in full.
R
"$IRATE" --trainee e2e play --plain --seed 5 scenarios/late-order.json <"$good" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || bad "good path exit $rc"
contains "$tmp/out" "Ending: resolved" "good path resolves"
contains "$tmp/out" "apology: met" "feedback shown in practice mode"
contains "$tmp/out" "Transcript: $IRATE_DATA_DIR/transcripts/e2e/" "transcript path"
cp "$tmp/out" "$tmp/good.out"
tr=$(sed -n 's/^Transcript: //p' "$tmp/out")
has_field "$tr" status '"finished"' "transcript finished"
has_field "$tr" ending '"resolved"' "transcript ending"
contains "$tr" "I'll send a replacement by express courier today" "transcript holds the reply"
expect_rc 0 "transcript holds four turns" -- sh -c "grep -cE '\"n\":[[:space:]]' '$tr' | grep -qx 4"

# Global options after the command are the same as before it.
"$IRATE" play --plain --seed 5 scenarios/late-order.json --trainee e2e2 <"$good" >"$tmp/out2" 2>&1
contains "$tmp/out2" "Trainee: e2e2." "--trainee after the command"
contains "$tmp/out2" "Ending: resolved" "same seed, same path"

# Same seed, same customer lines.
"$IRATE" --trainee e2e play --plain --seed 5 late-order <"$good" >"$tmp/out3" 2>&1
if [ "$(grep '^Dana' "$tmp/good.out" | cksum)" = "$(grep '^Dana' "$tmp/out3" | cksum)" ]; then ok; else bad "seed not reproducible"; fi

# Rude replies: the customer hangs up.
cat > "$tmp/bad.txt" <<'R'
CALM DOWN. It's not my problem, you should have ordered earlier!!!
Whatever. That's just how it is, nothing I can do.
Listen, I already told you, there's nothing I can do.
R
"$IRATE" --trainee e2e play --plain --seed 5 scenarios/late-order.json <"$tmp/bad.txt" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || bad "bad path exit $rc"
contains "$tmp/out" "Ending: hung_up" "bad path hangs up"

# Exam mode: no feedback until the end.
"$IRATE" --trainee e2e play --plain --exam --seed 5 scenarios/late-order.json <"$good" >"$tmp/out" 2>&1
if grep -q "apology: met," "$tmp/out"; then bad "exam mode shows per-turn feedback"; else ok; fi
contains "$tmp/out" "Overall score:" "exam mode shows the result"

# Input that ends before an ending: exit 3, the turns played are saved.
head -n 1 "$good" > "$tmp/one.txt"
"$IRATE" --trainee e2e play --plain --seed 5 scenarios/late-order.json <"$tmp/one.txt" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok || bad "early end of input: exit $rc, want 3"
tr=$(sed -n 's/^Transcript: //p' "$tmp/out")
has_field "$tr" status '"unfinished"' "unfinished transcript"
has_field "$tr" n 1 "unfinished transcript keeps turn 1"

# Bad replies never crash: empty, control characters, invalid UTF-8, huge.
{ printf '\n   \n'; printf 'bad \033[31m escape\n'; printf 'bad \377 byte\n';
  head -c 5000 /dev/zero | tr '\0' 'a'; printf '\n'; printf '/help\n/model\n/frob\n/quit\n'; } > "$tmp/weird.txt"
"$IRATE" --trainee e2e play --plain --seed 5 scenarios/late-order.json <"$tmp/weird.txt" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok || bad "weird input: exit $rc, want 3"
contains "$tmp/out" "control character; not sent" "control characters refused"
contains "$tmp/out" "not valid UTF-8; not sent" "invalid UTF-8 refused"
contains "$tmp/out" "too long" "long reply refused"
contains "$tmp/out" "model reply:" "/model"
contains "$tmp/out" "unknown command /frob" "unknown slash command"

# SIGTERM while waiting for a reply: transcript saved as interrupted.
fifo="$tmp/fifo"
mkfifo "$fifo"
"$IRATE" --trainee e2e play --plain --seed 5 scenarios/late-order.json <"$fifo" >"$tmp/out" 2>&1 &
pid=$!
exec 7>"$fifo"
head -n 1 "$good" >&7
i=0
while ! grep -q "score " "$tmp/out" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
wait $pid
rc=$?
exec 7>&-
[ "$rc" -eq 143 ] && ok || bad "SIGTERM: exit $rc, want 143"
tr=$(sed -n 's/^Transcript: //p' "$tmp/out")
if [ -n "$tr" ]; then has_field "$tr" status '"interrupted"' "interrupted transcript"; else bad "no transcript after SIGTERM"; fi

# SIGKILL after two replies: nothing to clean up with, yet the transcript on
# disk is valid JSON holding both turns (each turn is saved atomically
# before its feedback is printed).
fifo2="$tmp/fifo2"
mkfifo "$fifo2"
"$IRATE" --trainee kill9 play --plain --seed 5 scenarios/late-order.json <"$fifo2" >"$tmp/out" 2>&1 &
pid=$!
exec 8>"$fifo2"
head -n 2 "$good" >&8
i=0
while [ "$(grep -c '^  score ' "$tmp/out" 2>/dev/null)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -KILL $pid
wait $pid 2>/dev/null
exec 8>&-
k9=$(find "$IRATE_DATA_DIR/transcripts/kill9" -name '*.json')
if [ -n "$k9" ] && jq -e '.turns | length == 2' "$k9" >/dev/null 2>&1; then ok; else bad "SIGKILL: transcript missing or without both turns"; fi
has_field "$k9" status '"in_progress"' "a killed session is left in_progress, readable"
[ -z "$(find "$IRATE_DATA_DIR/transcripts/kill9" -name '*.tmp')" ] && ok || bad "SIGKILL left a temporary file"

# Trainee names that are not safe as file names are encoded or refused.
"$IRATE" --trainee "../../escape" play --plain --seed 1 scenarios/late-order.json <"$tmp/one.txt" >"$tmp/out" 2>&1
contains "$tmp/out" "transcripts/%2E%2E%2F%2E%2E%2Fescape/" "trainee name encoded"
[ ! -e "$tmp/escape" ] && ok || bad "trainee name escaped the data directory"
expect_rc 2 "control characters in the trainee name" -- "$IRATE" --trainee "$(printf 'a\tb')" play --plain scenarios/late-order.json
contains "$tmp/err" "trainee name refused" "refused trainee message"

# A scenario that cannot be loaded: exit 1 with located messages.
expect_rc 1 "play a broken scenario" -- "$IRATE" play --plain tests/data/lint/bad-types.json
contains "$tmp/err" "bad-types.json:8:3: error: difficulty" "play reports the scenario's problems"
expect_rc 1 "play an unknown id" -- "$IRATE" play --plain no-such-scenario

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
