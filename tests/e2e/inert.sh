#!/bin/sh
# inert.sh: text from files — a colleague's scenario, a tampered transcript
# or review — can hold terminal escape sequences (clear the screen, set the
# window title, write the clipboard).  irate must show them as placeholders
# and never send them to the terminal: in plain play, lint messages, list,
# review --show/--list, report, course, and the review screens in tmux.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
. tests/tmux-session.sh

tmux_test_begin inert
ESC=$(printf '\033')
BEL=$(printf '\007')
# no_escapes DESCRIPTION FILE: FILE holds no ESC, BEL or C1 CSI byte
no_escapes() {
	if LC_ALL=C grep -q "[$ESC$BEL]" "$2" || LC_ALL=C grep -q "$(printf '\302\233')" "$2"; then
		ko "$1: an escape sequence reached the output"
		LC_ALL=C sed -n "/[$ESC$BEL]/{l;}" "$2" | head -3
	else
		ok
	fi
}
has() { if grep -F -q -e "$2" "$1"; then ok; else ko "$3: no \"$2\" in $1"; head -5 "$1"; fi; }

# A scenario whose title, customer name and opening line try to clear the
# screen, set the title to "pwned" and write the clipboard (OSC 52).
evil='\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u009b31m'
mkdir -p "$tmp/lib"
jq --arg e "$(printf '%b' '')" ".title = \"Evil $evil title\" | .customer.name = \"Dana$evil\" | .nodes[.start].say[0] = \"Hello$evil there\" | .id = \"evil\"" \
	scenarios/late-order.json | sed 's/\\\\u/\\u/g' >"$tmp/lib/evil.json"
check "the evil scenario is still a scenario (lint)" sh -c "'$IRATE' lint -q '$tmp/lib/evil.json' >'$tmp/lint.out' 2>&1"

# --- plain play -------------------------------------------------------------
printf "I'm sorry, I will send a replacement today.\n/quit\n" |
	"$IRATE" --trainee ana play --plain --seed 3 "$tmp/lib/evil.json" >"$tmp/play.out" 2>&1
no_escapes "play --plain" "$tmp/play.out"
has "$tmp/play.out" "Evil �[2J�]0;pwned��]52;c;cHduZWQ=��31m title" "play --plain shows placeholders"
tr=$(find "$IRATE_DATA_DIR/transcripts/ana" -name '*evil*.json' | head -n 1)
check "plain play saved a transcript" [ -n "$tr" ]

# --- list, lint messages ------------------------------------------------------
"$IRATE" list "$tmp/lib" >"$tmp/list.out" 2>&1
no_escapes "list" "$tmp/list.out"
has "$tmp/list.out" "Evil �[2J" "list shows placeholders"
printf '{"format": 1, "id": "x", "titl\\u001b]0;pwned\\u0007e": 1}\n' >"$tmp/bad.json"
"$IRATE" lint "$tmp/bad.json" >"$tmp/badlint.out" 2>&1
no_escapes "lint message quoting a key" "$tmp/badlint.out"
has "$tmp/badlint.out" 'unknown key "titl�]0;pwned�e"' "lint quotes the key with placeholders"

# --- a transcript tampered with afterwards: reply, comment, reviewer ----------
jq ".turns[0].reply = \"I'm sorry$evil\" | .scenario.title = \"T$evil\"" "$tr" |
	sed 's/\\\\u/\\u/g' >"$tr.new" && mv "$tr.new" "$tr"
"$IRATE" review --show "$tr" >"$tmp/show.out" 2>&1
no_escapes "review --show" "$tmp/show.out"
has "$tmp/show.out" "I'm sorry�[2J" "review --show shows placeholders"
"$IRATE" review --list >"$tmp/rlist.out" 2>&1
no_escapes "review --list" "$tmp/rlist.out"
"$IRATE" report >"$tmp/report.out" 2>&1
no_escapes "report (text)" "$tmp/report.out"
"$IRATE" calibrate >"$tmp/cal.out" 2>&1
no_escapes "calibrate" "$tmp/cal.out"

# --- a course whose step note tries the same ----------------------------------
cat >"$tmp/lib/course.json" <<EOC
{"format": 1, "kind": "course", "id": "c", "title": "Course$evil",
 "summary": "s$evil", "steps": [{"scenario": "evil.json", "mode": "practice",
 "pass": 50, "note": "note$evil"}]}
EOC
"$IRATE" --trainee ana course "$tmp/lib/course.json" >"$tmp/course.out" 2>&1
no_escapes "course" "$tmp/course.out"
has "$tmp/course.out" "note�[2J" "course shows placeholders"

# --- the review screens in tmux: the title stays, the screen is not cleared ---
cat >"$tmp/run.sh" <<EOS
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color IRATE_DATA_DIR='$IRATE_DATA_DIR'
printf '\033]2;clean\007'
exec '$IRATE' --trainee sam review
EOS
tmux_fresh "$SOCK" -d -x 110 -y 40 "sh '$tmp/run.sh'; echo EXIT=\$?; sleep 60"
check "the review browser opens" wait_for "irate review: saved transcripts"
check "the browser lists the tampered transcript" wait_for "evil"
keys Enter
check "the viewer shows the tampered title with placeholders" wait_for "T�[2J"
check "the viewer shows the tampered reply with placeholders" wait_for "I'm sorry�[2J"
title=$(t display-message -p '#{pane_title}')
check "the window title was not changed (it is '$title')" [ "$title" = clean ]
keys q
keys q
check "review quits" wait_for "EXIT=0"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
