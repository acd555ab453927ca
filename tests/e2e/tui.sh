#!/bin/sh
# tui.sh: end-to-end tests of the terminal interface — the real binary
# ($IRATE) in a private tmux server, keys sent, the screen captured, the
# saved transcripts checked against what the screen showed.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh

tmux_test_begin tui
SCEN=scenarios/late-order.json
GOOD="I'm so sorry your order hasn't arrived. With the birthday tomorrow that's really stressful. I'll send a replacement by express courier today so it arrives tomorrow morning, free of charge."
RUDE="CALM DOWN. It's not my problem, you should have ordered earlier!!!"


# run NAME TERM ARGS...: start irate ARGS in a fresh 100x30 tmux session with
# its own data directory ($tmp/NAME); its exit status appears as EXIT=n.
run() {
	name=$1 term=$2
	shift 2
	data="$tmp/$name"
	mkdir -p "$data"
	: >"$tmp/cmd"
	for a in "$IRATE" "$@"; do
		printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")" >>"$tmp/cmd"
	done
	cat >"$tmp/$name.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$term IRATE_DATA_DIR='$data'
unset NO_COLOR
echo \$\$ >'$tmp/$name.pid'
exec $(cat "$tmp/cmd")
EOS
	tmux_fresh "$SOCK" -d -x 100 -y 30 "trap '' INT; sh '$tmp/$name.sh'; echo EXIT=\$?; sleep 60"
}

screen() {
	grab
	printf '%s\n' "$last_screen"
}
# wait_for STRING [SECONDS]: poll the screen until it shows STRING.
# wait_gone STRING [SECONDS]: poll the screen until it no longer shows STRING.
wait_line_re() { printf '%s\n' "$last_screen" | grep -E -q -e "$1"; }
# wait_for_line REGEX: poll until a screen line matches REGEX
wait_for_line() {
	_w=100
	while [ "$_w" -gt 0 ]; do
		grab
		wait_line_re "$1" && return 0
		sleep 0.1
		_w=$((_w - 1))
	done
	return 1
}
wait_gone() {
	n=$(( ${2:-10} * 10 ))
	while [ "$n" -gt 0 ]; do
		shows "$1" || return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}
shows() {
	grab
	printf '%s\n' "$last_screen" | grep -F -q -e "$1"
}
# the transcript file of a run (there is one per session)
transcript() { find "$tmp/$1/transcripts" -name '*.json' 2>/dev/null | sort | tail -n 1; }
jq_is() { # FILE FILTER EXPECTED
	[ "$(jq -r "$2" "$1" 2>/dev/null)" = "$3" ] || {
		echo "  $2 is $(jq -r "$2" "$1" 2>/dev/null), not $3" >&2
		return 1
	}
}

# play_until NAME REPLY: send REPLY at each turn until the call ends; the
# feedback screen after each reply is left with Enter.
play_until() {
	i=0
	while [ $i -lt 10 ]; do
		wait_for "Your reply" 10 || return 1
		type_text "$2"
		keys Enter
		wait_for "Feedback on reply" 10 || return 1
		if shows "the call has ended"; then
			keys Enter
			wait_for "The call ended" 5
			return $?
		fi
		keys Enter
		i=$((i + 1))
	done
	return 1
}

# --- good replies: resolved, exit 0, the transcript matches the screen ----
run good xterm-256color --trainee tester play --seed 7 "$SCEN"
check "good: the play screen opens with the briefing" wait_for "Briefing:"
check "good: the header shows turn 1 of 10" wait_for "turn 1 of 10"
check "good: a mood meter with a number" wait_for "mood ["
check "good: the call is resolved" play_until good "$GOOD"
check "good: the result says resolved" wait_for "The call ended: resolved"
overall=$(screen | sed -n 's/.*overall \([0-9]*\) of 100.*/\1/p' | head -n 1)
replies=$(screen | sed -n 's/.*after \([0-9]*\) repl.*/\1/p' | head -n 1)
keys t
check "good: t shows the transcript" wait_for "Transcript: The birthday present"
check "good: the transcript screen shows turn 1" wait_for "Turn 1 - score"
keys Escape
check "good: Esc goes back to the result" wait_for "The call ended: resolved"
keys q
check "good: q quits with status 0" wait_for "EXIT=0"
tr=$(transcript good)
check "good: a transcript was saved" [ -n "$tr" ]
if [ -n "$tr" ]; then
	check "good: saved as finished" jq_is "$tr" .status finished
	check "good: saved ending resolved" jq_is "$tr" .ending resolved
	check "good: saved overall as shown ($overall)" jq_is "$tr" .overall "$overall"
	check "good: saved replies as shown ($replies)" jq_is "$tr" '.turns | length' "$replies"
	check "good: the reply saved as typed" jq_is "$tr" .turns[0].reply "$GOOD"
	check "good: the trainee saved" jq_is "$tr" .trainee tester
fi

# --- rude replies: the customer hangs up ------------------------------------
run rude screen --trainee tester play --seed 7 "$SCEN"
check "rude: the customer hangs up" play_until rude "$RUDE"
check "rude: the result says hung_up" wait_for "The call ended: hung_up"
check "rude: points lost are listed with a model reply" wait_for "Model"
keys q
check "rude: q quits with status 0" wait_for "EXIT=0"
tr=$(transcript rude)
if [ -n "$tr" ]; then
	check "rude: saved ending hung_up" jq_is "$tr" .ending hung_up
fi

# --- feedback shows the criteria, evidence and the mood ---------------------
run feedback xterm-256color --trainee tester play --seed 7 "$SCEN"
wait_for "Your reply"
type_text "$GOOD"
keys Enter
check "feedback: shown after a reply" wait_for "Feedback on reply 1 of 10"
for c in "calm" "restates the problem" "empathy" "apology" "alternative" "Mood 72 ->"; do
	check "feedback: shows $c" wait_for "$c"
done
check "feedback: shows pitfalls" sh -c 'tmux -L "$1" capture-pane -p | grep -E -q "Pitfall"' _ "$SOCK"
keys q
check "feedback: q quits mid-call with status 3" wait_for "EXIT=3"
tr=$(transcript feedback)
if [ -n "$tr" ]; then
	check "feedback: saved as unfinished with the turn" jq_is "$tr" \
		'[.status, (.turns | length)] | join(" ")' "unfinished 1"
fi

# --- exam mode: no feedback until the end -----------------------------------
run exam xterm-256color --trainee tester play --exam --seed 7 "$SCEN"
wait_for "Your reply"
type_text "$GOOD"
keys Enter
check "exam: straight back to the call" wait_for "turn 2 of 10"
check "exam: no feedback screen" sh -c '! tmux -L "$1" capture-pane -p | grep -q "Feedback on reply"' _ "$SOCK"
keys F10
check "exam: F10 quits mid-call with status 3" wait_for "EXIT=3"

# --- resize mid-typing keeps the text; too small, then back -----------------
run resize xterm-256color --trainee tester play --seed 7 "$SCEN"
wait_for "Your reply"
type_text "I hear you, the birthday"
t resize-window -x 72 -y 20
check "resize: the typed text survives a smaller window" wait_for "> I hear you, the birthday"
t resize-window -x 40 -y 10
check "resize: too small says so" wait_for "too small"
t resize-window -x 100 -y 30
check "resize: the text is back at full size" wait_for "> I hear you, the birthday"
type_text " is tomorrow"
keys Enter
check "resize: the reply is sent whole" wait_for "Feedback on reply 1"
keys Enter
check "resize: the conversation shows it" wait_for "I hear you, the birthday is tomorrow"
keys F10
wait_for "EXIT=3"

# --- non-ASCII typing and editing (Latvian, Georgian) -----------------------
run utf8 xterm-256color --trainee tester play --seed 7 "$SCEN"
wait_for "Your reply"
type_text "Atvainojiet, lxūdzu"
keys Left Left Left Left BSpace End
type_text " ბოდიXში"
keys Left Left BSpace
want="Atvainojiet, lūdzu ბოდიში"
check "utf8: the edited line is shown" wait_for "> $want"
keys Home
type_text "¡"
keys End
check "utf8: Home and End" wait_for "> ¡$want"
keys Home Delete
check "utf8: Delete at the start" wait_for "> $want"
keys Enter
check "utf8: sent" wait_for "Feedback on reply 1"
check "utf8: the feedback shows the reply" wait_for "> $want"
keys Enter
check "utf8: the conversation shows the reply" wait_for "You      $want"
keys F10
wait_for "EXIT=3"
tr=$(transcript utf8)
if [ -n "$tr" ]; then
	check "utf8: saved exactly as shown" jq_is "$tr" .turns[0].reply "$want"
fi

# --- history recall, Ctrl-W, Ctrl-U --------------------------------------
run edit xterm-256color --trainee tester play --seed 7 "$SCEN"
wait_for "Your reply"
type_text "first reply about the birthday"
keys Enter
wait_for "Feedback on reply 1"
keys Enter
wait_for "turn 2 of 10"
keys Up
check "edit: Up recalls the last reply" wait_for "> first reply about the birthday"
keys C-w C-w
# the edit line ends right after "about" (the conversation above still
# holds the whole first reply, so look at the prompt line itself)
check "edit: Ctrl-W deletes words" wait_for_line '^> first reply about *$'
keys C-u
check "edit: Ctrl-U clears to the start" wait_gone "> first reply"
# A bracketed paste with line breaks joins them instead of sending.
printf 'pasted first line\nsecond line \305\253\n' >"$tmp/paste.txt"
t load-buffer "$tmp/paste.txt"
t paste-buffer -p
check "edit: a pasted line break does not send" wait_for "> pasted first line second line ū"
check "edit: still on turn 2 after the paste" wait_for "turn 2 of 10"
keys F10
wait_for "EXIT=3"

# --- quitting from every screen --------------------------------------------
lib="$tmp/lib"
mkdir -p "$lib"
cp "$SCEN" "$lib/"
export IRATE_SCENARIOS="$lib"
run q_start xterm-256color --trainee tester play
check "quit: the library opens" wait_for "The birthday present that never came"
check "quit: the library shows the trainee" wait_for "Trainee: tester"
keys F10
check "quit: F10 on the library exits 0" wait_for "EXIT=0"

run q_help xterm-256color --trainee tester play
wait_for "The birthday present"
keys F1
check "help: F1 opens the help" wait_for "Scenario library"
check "help: written from the key table" wait_for "sort by difficulty"
keys q
check "help: q closes it" wait_for "Filter:"
keys Enter
check "library: Enter plays the selected scenario" wait_for "Your reply"
keys F1
wait_for "During the call"
keys Escape
check "help: Esc goes back to the call" wait_for "Your reply"
keys Escape
check "play: Esc leaves the call for the result" wait_for "You left the call"
keys l
check "result: l goes back to the library" wait_for "unfinished"
keys F10
check "quit: after leaving a call, exit 3" wait_for "EXIT=3"

run q_filter xterm-256color --trainee tester play
wait_for "The birthday present"
type_text "zzz"
check "library: the filter hides what does not match" wait_for "No scenario matches"
keys Escape
check "library: Esc clears the filter" wait_for "The birthday present"
keys Tab C-u
type_text "Jānis"
keys Enter
check "library: the trainee name can be changed" wait_for "training as Jānis"
keys Enter
wait_for "Your reply"
keys C-c
check "quit: Ctrl-C mid-call exits 3" wait_for "EXIT=3"
tr=$(find "$tmp/q_filter/transcripts" -name '*.json' | head -n 1)
check "quit: Ctrl-C saved under the new name" sh -c 'echo "$1" | grep -q "J%C4%81nis"' _ "$tr"
if [ -n "$tr" ]; then
	check "quit: Ctrl-C saved as interrupted" jq_is "$tr" .status interrupted
fi

run q_term xterm-256color --trainee tester play --seed 3 "$SCEN"
wait_for "Your reply"
type_text "$GOOD"
keys Enter
wait_for "Feedback on reply 1"
kill -TERM "$(cat "$tmp/q_term.pid")"
check "signal: SIGTERM exits 143" wait_for "EXIT=143"
check "signal: the terminal is restored" sh -c '! tmux -L "$1" capture-pane -p | grep -q "Feedback on reply"' _ "$SOCK"
tr=$(transcript q_term)
if [ -n "$tr" ]; then
	check "signal: saved as interrupted with its turn" jq_is "$tr" \
		'[.status, (.turns | length)] | join(" ")' "interrupted 1"
fi

# --- terminals: colours and monochrome -------------------------------------
for term in xterm-256color screen linux vt100; do
	run "term_$term" "$term" --trainee tester play --seed 7 "$SCEN"
	check "$term: the play screen draws" wait_for "Your reply"
	keys C-x
	check "$term: Ctrl-X quits cleanly" wait_for "EXIT=3"
done
run nocolor xterm-256color --no-color --trainee tester play --seed 7 "$SCEN"
check "--no-color: the play screen draws" wait_for "Your reply"
keys F10
wait_for "EXIT=3"

# --- escape sequences in scenario text are drawn inert ----------------------
sed 's/"title": "The birthday present that never came"/"title": "Evil\\u001b[2J\\u001b]0;pwned\\u0007 title"/' \
	"$SCEN" >"$tmp/evil.json"
run evil xterm-256color --trainee tester play --seed 7 "$tmp/evil.json"
if wait_for "Your reply" 5; then
	check "inert: control characters shown as placeholders" wait_for "Evil�[2J�]0;pwned� title"
	keys F10
	wait_for "EXIT=3"
else
	check "inert: the scenario with control characters is refused cleanly" \
		wait_for "EXIT=1"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
