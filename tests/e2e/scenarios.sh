#!/bin/sh
# scenarios.sh: every shipped scenario, played end to end on the real binary
# ($IRATE) with the real scorer.  For each scenarios/ID.json there are three
# scripted trainees in tests/data/paths/ID/ (one reply a line):
#   good.txt      must reach the ending named in the table below (resolved);
#   bad.txt       must end the call badly (hung_up or escalated);
#   middling.txt  must land in between: the call does not end badly, does not
#                 resolve faster than the good path, and the customer is
#                 angrier after those replies than after as many good ones.
# Each scenario must also lint clean.  A scenario with no row in the table,
# or no scripts, fails: add both when you add a scenario.
# Prints "N passed, N failed" and exits non-zero if anything failed.
set -u
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2

tmp=$(mktemp -d) || exit 2
IRATE_DATA_DIR=$(mktemp -d) || exit 2
export IRATE_DATA_DIR
trap 'rm -rf "$tmp" "$IRATE_DATA_DIR"' EXIT
trap 'exit 2' INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

# id | good path ending | bad path endings (|-separated) | seed
# The seed picks the customer's line variants; 1 everywhere keeps the
# runs reproducible.
table='
airline-family-seats      resolved hung_up|escalated 1
bank-double-debit         resolved hung_up|escalated 1
broadband-outage-abusive  resolved hung_up|escalated 1
car-repair-parts-delay    resolved hung_up|escalated 1
clinic-results-callback   resolved hung_up|escalated 1
council-bin-missed        resolved hung_up|escalated 1
dry-cleaning-stain        resolved hung_up|escalated 1
food-delivery-allergy     resolved hung_up|escalated 1
gym-cancellation-fee      resolved hung_up|escalated 1
hotel-noisy-room          resolved hung_up|escalated 1
hotel-storm-anniversary   resolved hung_up|escalated 1
insurance-claim-supervisor resolved hung_up          1
late-order                resolved hung_up|escalated 1
mobile-number-port        resolved hung_up|escalated 1
passport-renewal-delay    resolved hung_up|escalated 1
rail-cancelled-interview  resolved hung_up|escalated 1
red-dress-out-of-stock    resolved hung_up|escalated 1
refund-not-received       resolved hung_up|escalated 1
saas-canned-reply         resolved hung_up|escalated 1
utility-estimated-bill    resolved hung_up|escalated 1
wrong-account-transfer    resolved hung_up|escalated 1
'

# play ID KIND SEED: play the scripted replies; sets rc, out (the output
# file), ending ("resolved", …, or "none" when input ran out first) and
# nreplies.
play() {
	out="$tmp/$1.$2.out"
	"$IRATE" play --plain --seed "$3" "scenarios/$1.json" \
	    <"tests/data/paths/$1/$2.txt" >"$out" 2>"$tmp/$1.$2.err"
	rc=$?
	ending=$(sed -n 's/^Ending: \([a-z_]*\) after \([0-9]*\) repl.*/\1/p' "$out")
	nreplies=$(sed -n 's/^Ending: [a-z_]* after \([0-9]*\) repl.*/\1/p' "$out")
	if [ -z "$ending" ]; then
		ending=none
		nreplies=$(sed -n 's/^Stopped before an ending, after \([0-9]*\) repl.*/\1/p' "$out")
	fi
	: "${nreplies:=0}"
}

# mood_after FILE N: the customer's mood after reply N (from the practice
# mode feedback line "score S of 100; mood A -> B (…)"), or empty.
mood_after() {
	sed -n 's/.*; mood [0-9]* -> \([0-9]*\) .*/\1/p' "$1" | sed -n "$2p"
}

# why ID KIND: a few lines of context for a failure.
why() {
	grep -E '^(Ending|Stopped)|score [0-9]+ of 100; mood|pitfall ' "$tmp/$1.$2.out" |
	    sed 's/^/    /' | head -n 12
	if [ -s "$tmp/$1.$2.err" ]; then sed 's/^/    stderr: /' "$tmp/$1.$2.err" | head -n 3; fi
}

# Every scenario file must have a row in the table.
for f in scenarios/*.json; do
	id=$(basename "$f" .json)
	if printf '%s\n' "$table" | grep -q "^$id "; then ok; else
		ko "$id: no row in the table of tests/e2e/scenarios.sh"
	fi
done

printf '%s\n' "$table" | while read -r id good bad seed; do
	[ -n "$id" ] || continue
	echo "$id $good $bad $seed"
done >"$tmp/rows"

while read -r id good bad seed; do
	if [ ! -f "scenarios/$id.json" ]; then
		ko "$id: listed in the table but scenarios/$id.json is missing"
		continue
	fi
	missing=
	for k in good bad middling; do
		[ -s "tests/data/paths/$id/$k.txt" ] || missing="$missing $k.txt"
	done
	if [ -n "$missing" ]; then
		ko "$id: missing scripted paths in tests/data/paths/$id/:$missing"
		continue
	fi

	# Lint: clean, nothing printed but the ok line.
	if "$IRATE" lint "scenarios/$id.json" >"$tmp/lint.out" 2>"$tmp/lint.err" &&
	    [ ! -s "$tmp/lint.err" ]; then ok; else
		ko "$id: lint is not clean"
		sed 's/^/    /' "$tmp/lint.err" | head -n 5
	fi

	# Good path.
	play "$id" good "$seed"
	good_n=$nreplies
	if [ "$rc" -eq 0 ] && [ "$ending" = "$good" ]; then ok; else
		ko "$id: good path ended '$ending' after $nreplies (exit $rc), want $good"
		why "$id" good
	fi

	# Bad path.
	play "$id" bad "$seed"
	case "|$bad|" in
	*"|$ending|"*) if [ "$rc" -eq 0 ]; then ok; else ko "$id: bad path exit $rc"; fi ;;
	*)
		ko "$id: bad path ended '$ending' after $nreplies (exit $rc), want $bad"
		why "$id" bad
		;;
	esac

	# Middling path: somewhere in between.
	play "$id" middling "$seed"
	mid_ok=yes
	case $ending in
	hung_up | escalated) mid_ok="ended $ending" ;;
	resolved) [ "$nreplies" -gt "$good_n" ] || mid_ok="resolved after $nreplies, as fast as the good path" ;;
	esac
	if [ "$mid_ok" = yes ] && [ "$nreplies" -gt 0 ]; then
		gm=$(mood_after "$tmp/$id.good.out" "$nreplies")
		mm=$(mood_after "$tmp/$id.middling.out" "$nreplies")
		if [ -n "$gm" ] && [ -n "$mm" ] && [ "$mm" -le "$gm" ]; then
			mid_ok="mood $mm after $nreplies middling replies, not above the good path's $gm"
		fi
	fi
	if [ "$mid_ok" = yes ]; then ok; else
		ko "$id: middling path not in between: $mid_ok"
		why "$id" middling
	fi
done <"$tmp/rows"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
