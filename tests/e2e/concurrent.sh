#!/bin/sh
# Many trainees, one server: 50 plain-mode sessions at once against one
# data directory (10 trainee names, five sessions each, so the same name
# plays several sessions at the same moment), while irate report and
# irate review --list read that directory.  Every transcript must be there,
# valid JSON, finished, with its own trainee, scenario and turn count.
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$tmp/data
export IRATE_DATA_DIR="$data"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if ! command -v jq >/dev/null 2>&1; then
	echo "concurrent: jq is missing (make test-deps installs it)"
	echo "0 passed, 1 failed"
	exit 1
fi

scenarios="late-order bank-double-debit dry-cleaning-stain hotel-noisy-room red-dress-out-of-stock"
names="Ana|Bo Li|Cy|Dana|Émile|Fran|Gus|Hiroko|Ines|Jo"

# The turn count of each scenario's good path, from one session alone.
for s in $scenarios; do
	"$IRATE" --data-dir "$tmp/ref" --trainee ref play --plain --seed 7 "$s" \
	    <tests/data/paths/$s/good.txt >/dev/null 2>&1
	n=$(jq -r 'select(.scenario.id == "'"$s"'") | .turns | length' \
	    "$tmp"/ref/transcripts/ref/*.json | head -n 1)
	if [ -n "$n" ] && [ "$n" -gt 0 ]; then ok; else bad "$s: no reference session"; fi
	echo "$s $n" >>"$tmp/turns"
done

# 50 sessions at once; session i is trainee i % 10 on scenario i / 10:
# every trainee plays every scenario, five sessions per name at once.
: >"$tmp/want"
i=0
while [ $i -lt 50 ]; do
	name=$(printf '%s' "$names" | cut -d'|' -f$((i % 10 + 1)))
	s=$(echo $scenarios | cut -d' ' -f$((i / 10 + 1)))
	n=$(sed -n "s/^$s //p" "$tmp/turns")
	printf '%s|%s|finished|%s\n' "$name" "$s" "$n" >>"$tmp/want"
	( "$IRATE" --data-dir "$data" --trainee "$name" play --plain --seed "$i" "$s" \
	    <tests/data/paths/$s/good.txt >"$tmp/out.$i" 2>&1
	  echo $? >"$tmp/rc.$i" ) &
	i=$((i + 1))
done

# Readers while the sessions write.
reads=0 readfail=0
while [ "$(ls "$tmp" | grep -c '^rc\.')" -lt 50 ] && [ $reads -lt 200 ]; do
	"$IRATE" --data-dir "$data" report >/dev/null 2>"$tmp/report.err" || {
		readfail=$((readfail + 1)); sed 's/^/  | /' "$tmp/report.err" | head -3; }
	"$IRATE" --data-dir "$data" review --list >/dev/null 2>"$tmp/review.err" || {
		readfail=$((readfail + 1)); sed 's/^/  | /' "$tmp/review.err" | head -3; }
	reads=$((reads + 1))
done
wait
if [ $reads -gt 0 ] && [ $readfail -eq 0 ]; then ok; else bad "report/review --list during the sessions: $readfail of $((2 * reads)) failed"; fi

i=0 rcbad=0
while [ $i -lt 50 ]; do
	rc=$(cat "$tmp/rc.$i" 2>/dev/null)
	if [ "$rc" != 0 ]; then
		rcbad=$((rcbad + 1))
		echo "  session $i: exit ${rc:-?}"; tail -n 3 "$tmp/out.$i" | sed 's/^/  | /'
	fi
	i=$((i + 1))
done
if [ $rcbad -eq 0 ]; then ok; else bad "$rcbad sessions did not end cleanly"; fi

files=$(find "$data/transcripts" -name '*.json' ! -name '*.review.*' | wc -l)
if [ "$files" -eq 50 ]; then ok; else bad "$files transcripts, want 50"; fi
invalid=0
for f in $(find "$data/transcripts" -name '*.json' ! -name '*.review.*'); do
	jq -e . "$f" >/dev/null 2>&1 || { invalid=$((invalid + 1)); echo "  invalid: $f"; }
done
if [ $invalid -eq 0 ]; then ok; else bad "$invalid transcripts are not valid JSON"; fi

find "$data/transcripts" -name '*.json' ! -name '*.review.*' -exec \
    jq -r '"\(.trainee)|\(.scenario.id)|\(.status)|\(.turns | length)"' {} + \
    | sort >"$tmp/got"
sort "$tmp/want" >"$tmp/want.sorted"
if cmp -s "$tmp/got" "$tmp/want.sorted"; then ok; else
	bad "transcripts do not match the sessions (trainee|scenario|status|turns)"
	diff "$tmp/want.sorted" "$tmp/got" | head -20
fi
# Each trainee's transcripts, and only theirs, sit in one directory.
mixed=0
for d in "$data"/transcripts/*/; do
	n=$(jq -r .trainee "$d"*.json | sort -u | wc -l)
	[ "$n" -eq 1 ] || { mixed=$((mixed + 1)); echo "  $d holds $n trainees"; }
done
if [ $mixed -eq 0 ]; then ok; else bad "$mixed directories mix trainees"; fi
dirs=$(find "$data/transcripts" -mindepth 1 -maxdepth 1 -type d | wc -l)
if [ "$dirs" -eq 10 ]; then ok; else bad "$dirs trainee directories, want 10"; fi

# After the sessions the report covers all 50.
if "$IRATE" --data-dir "$data" report --format json >"$tmp/r.json" 2>"$tmp/r.err" &&
    [ "$(jq '.group.sessions' "$tmp/r.json")" = 50 ]; then ok; else
	bad "final report does not hold 50 sessions"; head -5 "$tmp/r.err"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
