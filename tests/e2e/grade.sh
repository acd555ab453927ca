#!/bin/sh
# grade.sh: end-to-end tests of `irate grade`, run on the real binary ($IRATE).
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	desc=$1
	shift
	if "$@"; then ok; else ko "$desc"; fi
}
# has FILE STRING: FILE contains STRING (fixed string).
has() { grep -F -q -e "$2" "$1"; }
# line_is FILE N STRING: line N of FILE starts with STRING.
line_starts() {
	got=$(sed -n "$2p" "$1")
	case $got in "$3"*) return 0 ;; esac
	printf '  line %s of %s: %.70s...\n' "$2" "$(basename "$1")" "$got" >&2
	return 1
}
nlines() { wc -l <"$1" | tr -d ' '; }
# run ARGS...: irate grade ARGS <$tmp/stdin >$tmp/out 2>$tmp/err; sets rc.
run() {
	"$IRATE" grade "$@" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
# ids FILE: the id of each JSON output line, one a line.
ids() { sed -n 's/^{"id":\("[^"]*"\|-\{0,1\}[0-9.]*\),.*/\1/p' "$1"; }
valid_json_lines() {
	jq -c . "$1" >/dev/null 2>&1
}

: >"$tmp/stdin"

# --- good lines: one result each, in order, with the right ids -----------
cat >"$tmp/good.jsonl" <<'EOF'
{"id": "r1", "customer": "My card was blocked in Lisbon!", "reply": "I'm so sorry your card was blocked in Lisbon. I've lifted the block now.", "at_fault": true, "facts": ["card blocked", "in Lisbon"]}
{"id": 2, "reply": "Calm down, that's just how it is.", "at_fault": false, "history": ["Hello."], "unknown_key": [1, {"x": null}]}
{"reply": "Your suitcase is still in Frankfurt; I'll have it delivered to your hotel tomorrow morning."}
EOF
run "$tmp/good.jsonl"
check "good: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
check "good: three output lines" [ "$(nlines "$tmp/out")" -eq 3 ]
check "good: ids in order" [ "$(ids "$tmp/out" | tr '\n' ' ')" = '"r1" 2 3 ' ]
check "good: nothing on stderr" [ ! -s "$tmp/err" ]
check "good: results have overall, criteria, pitfalls" \
	[ "$(grep -c '"overall":[0-9]*,"criteria":{"calm":{"detected":.*"alternative":{.*"pitfalls":\[' "$tmp/out")" -eq 3 ]
check "good: output is JSON" valid_json_lines "$tmp/out"

# --- a bad line in the middle: error object, stderr, the rest graded -----
{
	printf '%s\n' '{"id": "a1", "reply": "Sorry about the wait."}'
	printf '%s\n' '{"id": "b2", "reply": 42}'
	printf '\n   \n'
	printf '%s\n' 'not json at all'
	printf '{"id": "u5", "reply": "caf\303\251 \377"}\n'
	printf '{"id": "n6", "reply": "a\000b"}\n'
	printf '%s\n' '{"customer": "where is it"}'
	printf '%s\n' '{"id": "z8", "reply": "I can see how frustrating this is."}'
} >"$tmp/mixed.jsonl"
run "$tmp/mixed.jsonl"
check "mixed: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
check "mixed: one output per non-blank line" [ "$(nlines "$tmp/out")" -eq 7 ]
check "mixed: ids in order" \
	[ "$(ids "$tmp/out" | tr '\n' ' ')" = '"a1" "b2" 5 6 7 8 "z8" ' ]
check "mixed: line 1 graded" line_starts "$tmp/out" 1 '{"id":"a1","overall":'
check "mixed: line 2 error object" line_starts "$tmp/out" 2 \
	'{"id":"b2","line":2,"error":"reply: must be a string, not a number"}'
check "mixed: not JSON" line_starts "$tmp/out" 3 \
	'{"id":5,"line":5,"error":"not valid JSON: unexpected character '"'n'"'"}'
check "mixed: invalid UTF-8" line_starts "$tmp/out" 4 \
	'{"id":6,"line":6,"error":"invalid UTF-8 (byte 0xff)'
check "mixed: NUL byte" line_starts "$tmp/out" 5 \
	'{"id":7,"line":7,"error":"NUL byte in the line"}'
check "mixed: missing reply" line_starts "$tmp/out" 6 \
	'{"id":8,"line":8,"error":"missing required key \"reply\"'
check "mixed: last line graded" line_starts "$tmp/out" 7 '{"id":"z8","overall":'
check "mixed: stderr file:line: for line 2" \
	has "$tmp/err" "$tmp/mixed.jsonl:2:14: error: reply: must be a string, not a number"
check "mixed: stderr file:line: for line 5" \
	has "$tmp/err" "$tmp/mixed.jsonl:5:1: error: not valid JSON"
check "mixed: stderr for lines 6, 7, 8" \
	[ "$(grep -c -e "mixed.jsonl:6:" -e "mixed.jsonl:7:" -e "mixed.jsonl:8:" "$tmp/err")" -eq 3 ]
check "mixed: five messages on stderr" [ "$(nlines "$tmp/err")" -eq 5 ]
check "mixed: output is JSON" valid_json_lines "$tmp/out"

# --- CSV: header, one row a line, RFC 4180 quoting -----------------------
{
	printf '%s\n' '{"id": "a,\"b\"", "reply": "Sorry, \"really\".\nTruly."}'
	printf '%s\n' '{"id": 12, "reply": true}'
	printf '%s\n' '{"reply": "I will refund you today."}'
} >"$tmp/csv.jsonl"
run --format csv "$tmp/csv.jsonl"
header='id,overall,calm_detected,calm_met,calm_score,restate_detected,restate_met,restate_score,empathy_detected,empathy_met,empathy_score,apology_detected,apology_met,apology_score,alternative_detected,alternative_met,alternative_score,pitfalls,error'
check "csv: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
check "csv: header" [ "$(sed -n 1p "$tmp/out")" = "$header" ]
check "csv: header and three rows" [ "$(nlines "$tmp/out")" -eq 4 ]
check "csv: quoted id" line_starts "$tmp/out" 2 '"a,""b""",'
check "csv: graded row has 19 fields" \
	[ "$(sed -n 4p "$tmp/out" | awk -F, '{print NF}')" = 19 ]
check "csv: graded row values" \
	grep -q -E '^3,[0-9]+(,[01],[01],[0-9]+){5},[a-z_;]*,$' "$tmp/out"
check "csv: error row, message quoted" [ "$(sed -n 3p "$tmp/out")" = \
	'12,,,,,,,,,,,,,,,,,,"reply: must be a string, not true/false"' ]
run --format=csv "$tmp/good.jsonl"
check "csv: --format=csv, exit 0" [ "$rc" -eq 0 ]
check "csv: every good row has 19 fields" \
	[ "$(sed 1d "$tmp/out" | awk -F, 'NF != 19' | wc -l | tr -d ' ')" -eq 0 ]

# --- standard input: "-" and no file; <stdin> in messages; CRLF; no final newline
cp "$tmp/mixed.jsonl" "$tmp/stdin"
run -
check "stdin -: exit status 1" [ "$rc" -eq 1 ]
check "stdin -: seven results" [ "$(nlines "$tmp/out")" -eq 7 ]
check "stdin -: <stdin> in messages" has "$tmp/err" "<stdin>:2:14: error:"
run
check "stdin (no file): seven results" [ "$(nlines "$tmp/out")" -eq 7 ]
printf '{"id": "c1", "reply": "Sorry."}\r\n{"id": "c2", "reply": "Fine."}' >"$tmp/stdin"
run -
check "crlf, no final newline: exit 0 (got $rc)" [ "$rc" -eq 0 ]
check "crlf, no final newline: both graded" \
	[ "$(ids "$tmp/out" | tr '\n' ' ')" = '"c1" "c2" ' ]
: >"$tmp/stdin"
run -
check "empty input: exit 0" [ "$rc" -eq 0 ]
check "empty input: no output" [ ! -s "$tmp/out" ]

# --- long lines: fine up to 1 MiB, an error beyond, and the next graded ---
awk 'BEGIN {
	s = "Sorry. "; while (length(s) < 600000) s = s s
	printf "{\"id\": \"big\", \"reply\": \"%s\"}\n", s
	s = s s
	printf "{\"id\": \"huge\", \"reply\": \"%s\"}\n", s
	print "{\"id\": \"after\", \"reply\": \"Sorry.\"}"
}' >"$tmp/long.jsonl"
run "$tmp/long.jsonl"
check "long: exit status 1" [ "$rc" -eq 1 ]
check "long: ids" [ "$(ids "$tmp/out" | tr '\n' ' ')" = '"big" 2 "after" ' ]
check "long: too long message" has "$tmp/out" '"line":2,"error":"line is too long ('
check "long: stderr" has "$tmp/err" "long.jsonl:2: error: line is too long"

# --- command line ---------------------------------------------------------
run --bogus
check "usage: unknown option exits 2 (got $rc)" [ "$rc" -eq 2 ]
check "usage: names the option" has "$tmp/err" "--bogus"
run --format xml
check "usage: unknown format exits 2" [ "$rc" -eq 2 ]
run --format
check "usage: --format without value exits 2" [ "$rc" -eq 2 ]
run a b
check "usage: two files exit 2" [ "$rc" -eq 2 ]
run --help
check "help: exit 0" [ "$rc" -eq 0 ]
check "help: usage line on stdout" has "$tmp/out" "usage: irate grade [--format json|csv] [FILE|-]"
run "$tmp/does-not-exist.jsonl"
check "missing file: exit 1 (got $rc)" [ "$rc" -eq 1 ]
check "missing file: message" has "$tmp/err" "cannot open $tmp/does-not-exist.jsonl"
run "$tmp"
check "directory: exit 1" [ "$rc" -eq 1 ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
