#!/bin/sh
# End-to-end tests of irate report and irate calibrate on the fixture data
# directory; the HTML report is rendered in headless Chromium when it is
# installed (screenshot and DOM checked).
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=tests/data/report/data
export IRATE_DATA_DIR="$tmp/empty"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_rc() { # expect_rc WANT DESCRIPTION -- command…
	want=$1 desc=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok; else bad "$desc: exit $rc, want $want"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}
contains() { # contains FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\" in $1"; sed 's/^/  | /' "$1" | head -20; fi
}
same() { # same GOT WANT DESCRIPTION
	if cmp -s "$1" "$2"; then ok; else bad "$3 differs from $2"; diff "$2" "$1" | head -20; fi
}

# Text and CSV match the golden files of the unit tests.
expect_rc 0 "report text" -- "$IRATE" --data-dir "$data" report
same "$tmp/out" tests/data/report/report.txt.expected "text report"
contains "$tmp/err" "0c0003.json: warning: transcript left out of the report" "unreadable transcript reported"
contains "$tmp/err" "0c0003.json:4:1: warning: not valid JSON" "located problem"
expect_rc 0 "report csv" -- "$IRATE" --data-dir "$data" report --format csv
same "$tmp/out" tests/data/report/report.csv.expected "CSV report"
expect_rc 0 "report json" -- "$IRATE" --data-dir "$data" report --format=json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["group"]["sessions"] == 6' "$tmp/out"; then ok; else bad "JSON report does not parse"; fi

# Choosing trainees: repeated --trainee, a cohort file, a global --trainee.
expect_rc 0 "two trainees" -- "$IRATE" --data-dir "$data" report --trainee "Bo Li" --trainee=Cy
contains "$tmp/out" "irate report: 2 trainees, 3 sessions, 5 turns" "two trainees"
printf '# cohort\nAna\n\n  Cy  \r\nNobody\n' > "$tmp/cohort"
expect_rc 0 "cohort" -- "$IRATE" --data-dir "$data" report --cohort "$tmp/cohort"
contains "$tmp/out" "irate report: 3 trainees, 4 sessions, 6 turns" "cohort"
contains "$tmp/out" "== Nobody ==" "cohort member with no sessions"
contains "$tmp/err" "no transcripts for trainee \"Nobody\"" "warning for an unknown trainee"
expect_rc 0 "global trainee" -- "$IRATE" --trainee Ana --data-dir "$data" report
contains "$tmp/out" "irate report: 1 trainee, 3 sessions, 5 turns" "global --trainee"
expect_rc 0 "empty data dir" -- "$IRATE" report
contains "$tmp/out" "0 trainees, 0 sessions" "empty data dir"

# Usage errors and unreadable inputs.
expect_rc 2 "bad format" -- "$IRATE" report --format xml
contains "$tmp/err" "unknown format" "bad format message"
expect_rc 2 "stray argument" -- "$IRATE" report extra
expect_rc 2 "-o without value" -- "$IRATE" report -o
expect_rc 1 "missing cohort" -- "$IRATE" report --cohort "$tmp/none"
expect_rc 1 "unwritable output" -- "$IRATE" --data-dir "$data" report -o "$tmp/no/such/dir/r.txt"
expect_rc 0 "help report" -- "$IRATE" help report
contains "$tmp/out" "usage: irate report" "help report"

# HTML: one file, no network, rendered by a browser when there is one.
expect_rc 0 "report html" -- "$IRATE" --data-dir "$data" report --format html -o "$tmp/r.html"
contains "$tmp/r.html" '<meta charset="utf-8">' "UTF-8 meta"
contains "$tmp/r.html" "That&#39;s useless." "escaped excerpt"
if grep -qE 'https?://|src=|url\(' "$tmp/r.html"; then bad "external reference in HTML"; else ok; fi
nsvg=$(grep -o '<svg' "$tmp/r.html" | wc -l)
if [ "$nsvg" -eq 20 ]; then ok; else bad "HTML has $nsvg charts, want 20"; fi
if command -v chromium >/dev/null 2>&1; then
	chrome() {
		timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		    --no-first-run --disable-background-networking --disable-component-update \
		    --disable-sync --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" \
		    2>>"$tmp/chromium.log"
	}
	(cd "$tmp" && chrome --screenshot="$tmp/r.png" --window-size=1200,2000 "file://$tmp/r.html" >/dev/null)
	size=$(wc -c <"$tmp/r.png" 2>/dev/null || echo 0)
	if [ "$size" -gt 20000 ] && [ "$(head -c 8 "$tmp/r.png" | od -An -c | tr -d ' \n')" = '211PNG\r\n032\n' ]; then
		ok
	else
		bad "no usable screenshot ($size bytes)"; tail -5 "$tmp/chromium.log"
	fi
	chrome --dump-dom "file://$tmp/r.html" >"$tmp/dom.html"
	contains "$tmp/dom.html" "<h2>Bo Li</h2>" "rendered DOM: a trainee"
	contains "$tmp/dom.html" "Weakest: restate" "rendered DOM: weakest criterion"
	contains "$tmp/dom.html" "<polyline" "rendered DOM: a trend line"
else
	echo "skip: chromium not installed, HTML not rendered"
fi

# Calibration.
expect_rc 0 "calibrate" -- "$IRATE" --data-dir "$data" calibrate
contains "$tmp/out" "7 supervisor overrides in 5 reviews" "calibrate summary"
contains "$tmp/out" "restate              2      0         0%  -1.00" "calibrate kappa row"
contains "$tmp/out" "Cy, late-order, 2026-11-06, turn 1: restate (scorer 0, supervisor 1)" "disagreement listed"
expect_rc 0 "calibrate --export" -- "$IRATE" --data-dir "$data" calibrate --export -o "$tmp/cases.jsonl"
n=$(wc -l <"$tmp/cases.jsonl")
if [ "$n" -eq 3 ]; then ok; else bad "export has $n lines, want 3"; fi
contains "$tmp/cases.jsonl" '"labels":{"restate":1,"alternative":1}' "export labels"
expect_rc 0 "exported cases grade" -- "$IRATE" grade "$tmp/cases.jsonl"
expect_rc 2 "calibrate bad option" -- "$IRATE" calibrate --frob

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
