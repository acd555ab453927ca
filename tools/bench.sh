#!/bin/sh
# bench.sh: `make bench` — time irate's scorer and, where node and npm are
# installed, compare it with vader-sentiment on the same replies.
# usage: tools/bench.sh BENCH_BINARY   (env: DEV_JSONL, BENCH_COUNT, BENCH_RUNS,
#        VADER_RUNS)
set -u
bench=${1:?usage: tools/bench.sh BENCH_BINARY}
root=$(cd "$(dirname "$0")/.." && pwd)
dev=${DEV_JSONL:-$root/../shared/data/dev.jsonl}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

result() { sed -n "s/^result: .*$1=\([0-9.]*\).*/\1/p" "$2"; }

echo "bench: building a corpus from $dev and $root/scenarios, then grading it with irate's scorer (one thread) ..."
if ! "$bench" --assets "$root/assets" --scenarios "$root/scenarios" \
	--count "${BENCH_COUNT:-100000}" --runs "${BENCH_RUNS:-5}" \
	--dump "$tmp/corpus.jsonl" "$dev" >"$tmp/irate.out"; then
	cat "$tmp/irate.out"
	echo "bench: the benchmark failed" >&2
	exit 1
fi
grep -v '^result:' "$tmp/irate.out"
irate_rps=$(result replies_per_sec "$tmp/irate.out")

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "bench: node or npm is not installed: no comparison with vader; irate's figures only."
	exit 0
fi
echo "bench: installing the npm package vader-sentiment into a scratch directory ($tmp/npm) ..."
if ! npm install --prefix "$tmp/npm" --no-audit --no-fund --no-save \
	vader-sentiment >"$tmp/npm.log" 2>&1; then
	echo "bench: npm install vader-sentiment failed; irate's figures only. npm said:"
	tail -n 5 "$tmp/npm.log" | sed 's/^/  /'
	exit 0
fi
runs=${VADER_RUNS:-3}
echo "bench: timing vader's SentimentIntensityAnalyzer.polarity_scores over the same replies ($runs run(s); vader takes some 25 s a run) ..."
if ! node "$root/tools/vader-bench.js" "$tmp/npm" "$tmp/corpus.jsonl" "$runs" \
	>"$tmp/vader.out"; then
	echo "bench: the vader benchmark failed; irate's figures only."
	exit 0
fi
grep -v '^result:' "$tmp/vader.out"
vader_rps=$(result replies_per_sec "$tmp/vader.out")
awk -v a="$irate_rps" -v b="$vader_rps" 'BEGIN {
	if (b <= 0) { print "bench: no vader figure"; exit }
	r = a / b
	printf "bench: irate %d replies/s, vader %d replies/s: irate is %.1fx vader (goal: at least 50x) -- %s\n",
	    a, b, r, (r >= 50 ? "met" : "NOT met")
}'
