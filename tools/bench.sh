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
# vader and irate in turns: the machine's speed drifts (other load, a
# shared host), so each vader run is compared with an irate run made just
# before it, and the verdict is on the median of those ratios.
runs=${VADER_RUNS:-3}
echo "bench: timing vader's SentimentIntensityAnalyzer.polarity_scores over the same replies, in $runs round(s) each paired with an irate run (vader takes some 25 s a run) ..."
ratios=""
i=1
while [ "$i" -le "$runs" ]; do
	if ! "$bench" --assets "$root/assets" --scenarios "$root/scenarios" \
		--count "${BENCH_COUNT:-100000}" --runs "${BENCH_RUNS:-5}" \
		"$dev" >"$tmp/irate.$i"; then
		echo "bench: the benchmark failed" >&2
		exit 1
	fi
	if ! node "$root/tools/vader-bench.js" "$tmp/npm" "$tmp/corpus.jsonl" 1 \
		>"$tmp/vader.$i"; then
		echo "bench: the vader benchmark failed; irate's figures only."
		exit 0
	fi
	a=$(result replies_per_sec "$tmp/irate.$i")
	b=$(result replies_per_sec "$tmp/vader.$i")
	awk -v i="$i" -v a="$a" -v b="$b" 'BEGIN {
		printf "round %d: irate %d replies/s, vader %d replies/s: %.1fx\n", i, a, b, (b > 0 ? a / b : 0)
	}'
	ratios="$ratios $a:$b"
	i=$((i + 1))
done
grep -v '^result:' "$tmp/vader.1" | sed 's/(median of 1 runs)/(round 1)/'
echo "$ratios" | tr ' ' '\n' | awk -F: 'NF == 2 && $2 > 0 { r[n++] = $1 / $2; ia[n] = $1; vb[n] = $2 }
END {
	if (n == 0) { print "bench: no vader figure"; exit }
	for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
	m = (n % 2) ? r[int(n / 2)] : (r[n / 2 - 1] + r[n / 2]) / 2
	printf "bench: irate is %.1fx vader (median of %d paired rounds, %.1fx to %.1fx; goal: at least 50x) -- %s\n",
	    m, n, r[0], r[n - 1], (m >= 50 ? "met" : "NOT met")
}'
