#!/bin/sh
# trust.sh: nothing in a file or in the data directory can make irate read
# or write outside it — symbolic links, FIFOs and files placed in the data
# directory, course steps that point elsewhere, scenario ids that look like
# paths, a transcript that names a FIFO as its scenario.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
has() { if grep -F -q -e "$2" "$1"; then ok; else bad "$3: no \"$2\" in $1"; sed 's/^/  | /' "$1" | head -8; fi; }
empty_dir() { if [ -z "$(ls -A "$1")" ]; then ok; else bad "$2: $(ls -A "$1" | head -3)"; fi; }
# play DATA TRAINEE: one plain session of late-order, two replies
play() {
	printf "I'm so sorry your order is late.\nI will send a replacement today.\n/quit\n" |
		IRATE_DATA_DIR="$1" timeout 20 "$IRATE" --trainee "$2" play --plain --seed 1 late-order \
		>"$tmp/play.out" 2>"$tmp/play.err"
}

out="$tmp/outside"
mkdir -p "$out"

# --- a trainee's directory that is a symbolic link to elsewhere ----------------
data="$tmp/d1"
mkdir -p "$data/transcripts"
ln -s "$out" "$data/transcripts/mallory"
play "$data" mallory
rc=$?
[ "$rc" -eq 1 ] && ok || bad "play into a linked trainee directory: exit $rc, want 1"
has "$tmp/play.err" "is a symbolic link; irate does not follow links inside its data directory" "play says why"
empty_dir "$out" "play wrote through a linked trainee directory"

# --- the transcripts directory itself a link ------------------------------------
data="$tmp/d2"
mkdir -p "$data"
ln -s "$out" "$data/transcripts"
play "$data" ana
rc=$?
[ "$rc" -eq 1 ] && ok || bad "play into a linked transcripts directory: exit $rc, want 1"
empty_dir "$out" "play wrote through a linked transcripts directory"
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" report >"$tmp/r.out" 2>"$tmp/r.err"
rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && ok || bad "report of a linked transcripts directory: exit $rc, want an error"
has "$tmp/r.err" "is a symbolic link" "report says why"

# --- links, FIFOs and directories placed among real transcripts -----------------
data="$tmp/d3"
play "$data" ana
real=$(find "$data/transcripts/ana" -name '*.json' | head -n 1)
[ -n "$real" ] && ok || bad "no transcript for ana"
# a valid transcript of someone else's, outside, linked in under two names
cp "$real" "$out/secret.json"
sed -i 's/"trainee": *"ana"/"trainee": "zed"/' "$out/secret.json"
ln -s "$out/secret.json" "$data/transcripts/ana/20990101T000000Z-late-order-1-000001.json"
ln -s "$out" "$data/transcripts/zed"
mkfifo "$data/transcripts/ana/20990101T000000Z-late-order-2-000002.json"
mkdir "$data/transcripts/ana/20990101T000000Z-late-order-3-000003.json"
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" report --format csv >"$tmp/r.out" 2>"$tmp/r.err"
rc=$?
[ "$rc" -ne 124 ] && ok || bad "report hung on a FIFO in the data directory"
has "$tmp/r.err" "late-order-1-000001.json: warning: left out of the report: it is a symbolic link" "report names the linked transcript"
has "$tmp/r.err" "late-order-2-000002.json: warning: left out of the report: it is not a regular file" "report names the FIFO"
has "$tmp/r.err" "\"zed\" left out: it is a symbolic link" "report names the linked trainee directory"
grep -q '^trainee,ana,1,' "$tmp/r.out" && ok || bad "report: ana should have one session, the real one: $(grep ana "$tmp/r.out")"
grep -q zed "$tmp/r.out" && bad "report read the linked transcript or trainee" || ok
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" review --list >"$tmp/l.out" 2>"$tmp/l.err"
[ "$(grep -c 'late-order' "$tmp/l.out")" -eq 1 ] && ok || bad "review --list shows linked or FIFO entries"
# history and course progress (both read the trainee's directory)
printf "/quit\n" | IRATE_DATA_DIR="$data" timeout 20 "$IRATE" --trainee ana play --plain --seed 1 late-order \
	>"$tmp/p2.out" 2>&1
rc=$?
[ "$rc" -ne 124 ] && ok || bad "play hung reading ana's history with a FIFO in it"
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" --trainee ana course --status new-hire-day-one >"$tmp/c.out" 2>&1
rc=$?
[ "$rc" -ne 124 ] && ok || bad "course --status hung on a FIFO in the data directory"

# a review sidecar that is a link to a file outside
stem=${real%.json}
printf '{"not": "a review"}\n' >"$out/review.json"
ln -s "$out/review.json" "$stem.review.eve.json"
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" review --show "$real" >"$tmp/s.out" 2>"$tmp/s.err"
has "$tmp/s.err" "review left out: it is a symbolic link" "review --show leaves a linked sidecar out"

# --- last-trainee as a link: remembering a name replaces the link -------------
data="$tmp/d4"
mkdir -p "$data"
printf 'keep me\n' >"$out/precious"
ln -s "$out/precious" "$data/last-trainee"
play "$data" ana
[ "$(cat "$out/precious")" = "keep me" ] && ok || bad "remembering the trainee wrote through a link"
[ ! -L "$data/last-trainee" ] && ok || bad "last-trainee is still a link"

# --- a transcript whose scenario file is a FIFO -----------------------------------
data="$tmp/d5"
play "$data" ana
tr=$(find "$data/transcripts/ana" -name '*.json' | head -n 1)
mkfifo "$tmp/fifo"
jq --arg f "$tmp/fifo" '.scenario.file = $f' "$tr" >"$tr.new" && mv "$tr.new" "$tr"
IRATE_DATA_DIR="$data" timeout 20 "$IRATE" review --show "$tr" >"$tmp/s.out" 2>&1
rc=$?
[ "$rc" -ne 124 ] && ok || bad "review --show hung on a transcript naming a FIFO as its scenario"
has "$tmp/s.out" "The scenario file cannot be read" "review --show says the scenario cannot be read"

# --- course steps that point outside the course's directory ------------------------
mkdir -p "$tmp/courses/mine"
cp scenarios/late-order.json "$tmp/courses/mine/own.json"
ln -s "$(pwd)/scenarios/refund-not-received.json" "$tmp/courses/mine/link.json"
for step in /etc/passwd ../../etc/passwd mine/../../x.json mine/link.json; do
	cat >"$tmp/courses/c.json" <<EOC
{"format": 1, "kind": "course", "id": "c", "title": "T", "summary": "S",
 "steps": [{"scenario": "$step", "mode": "practice", "pass": 50}]}
EOC
	"$IRATE" lint "$tmp/courses/c.json" >"$tmp/cl.out" 2>&1
	rc=$?
	[ "$rc" -eq 1 ] && ok || bad "lint of a course step \"$step\": exit $rc, want 1"
	grep -q -e 'absolute path' -e 'goes up with ".."' -e 'leads outside' "$tmp/cl.out" && ok ||
		bad "lint of a course step \"$step\" does not say why: $(cat "$tmp/cl.out")"
	IRATE_DATA_DIR="$tmp/d6" "$IRATE" --trainee ana course "$tmp/courses/c.json" >/dev/null 2>&1
	rc=$?
	[ "$rc" -ne 0 ] && ok || bad "course with step \"$step\" was accepted"
done
cat >"$tmp/courses/c.json" <<EOC
{"format": 1, "kind": "course", "id": "c", "title": "T", "summary": "S",
 "steps": [{"scenario": "mine/own.json", "mode": "practice", "pass": 50}]}
EOC
"$IRATE" lint "$tmp/courses/c.json" >"$tmp/cl.out" 2>&1 && ok || bad "a course step in a folder below is refused: $(cat "$tmp/cl.out")"

# --- a scenario id that looks like a path ---------------------------------------------
sed 's/"id": "late-order"/"id": "..\/..\/evil"/' scenarios/late-order.json >"$tmp/idpath.json"
"$IRATE" lint "$tmp/idpath.json" >"$tmp/il.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || bad "lint of a scenario id with ../: exit $rc, want 1"
has "$tmp/il.out" "an id may use only a-z, 0-9, '-' and '_'" "lint says why"
printf "/quit\n" | IRATE_DATA_DIR="$tmp/d7" "$IRATE" --trainee ana play --plain "$tmp/idpath.json" >/dev/null 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok || bad "play of a scenario with id ../../evil: exit $rc, want 1"
[ ! -e "$tmp/evil" ] && [ -z "$(find "$tmp" -name '*evil*' ! -name idpath.json)" ] && ok || bad "a file named after the id was written"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
