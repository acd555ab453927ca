#!/bin/sh
# Build seed corpora from the shipped files and run every fuzz target for
# a set time.  Usage: fuzz/run.sh BUILD_DIR SECONDS [target...]
# Corpora live in BUILD_DIR/corpus (never committed); crashes are written
# to BUILD_DIR/artifacts.  Prints how long each target ran clean; exits 1
# if any target found a problem.
set -u
cd "$(dirname "$0")/.." || exit 2
b=$1 secs=$2
shift 2
targets=${*:-"fuzz_scenario fuzz_gradeline fuzz_score fuzz_transcript fuzz_course fuzz_review"}
dev=../shared/data/dev.jsonl
corpus=$b/corpus
mkdir -p "$b/artifacts"

seed_files() { # dir files...
	d=$1
	shift
	mkdir -p "$d"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$d/$(printf '%s' "$f" | tr '/ %' '___')"
	done
}

seed_lines() { # dir file: each line a seed
	mkdir -p "$1"
	[ -f "$2" ] || return 0
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		printf '%s\n' "$line" >"$1/line-$n"
	done <"$2"
}

seed() {
	s=$corpus/$1/seeds
	rm -rf "$s"
	mkdir -p "$s"
	case $1 in
	fuzz_scenario)
		seed_files "$s" scenarios/*.json courses/*.json \
		    $(find tests/data -name '*.json' ! -path '*/transcripts/*') ;;
	fuzz_gradeline)
		seed_lines "$s" "$dev"
		seed_files "$s" tests/data/malformed/gradeline-* ;;
	fuzz_score)
		if command -v jq >/dev/null && [ -f "$dev" ]; then
			n=0
			jq -c '[.customer // "", .reply]' "$dev" | while IFS= read -r pair; do
				n=$((n + 1))
				printf '%s' "$pair" | jq -j '.[0] + "\n" + .[1]' >"$s/dev-$n"
			done
		fi
		for p in tests/data/paths/*/*.txt; do
			cp "$p" "$s/$(printf '%s' "$p" | tr '/' '_')"
		done ;;
	fuzz_transcript)
		seed_files "$s" $(find tests/data -path '*/transcripts/*' -name '*.json' ! -name '*.review.*') \
		    tests/data/malformed/transcript-* ;;
	fuzz_course)
		seed_files "$s" courses/*.json tests/data/course/*.json ;;
	fuzz_review)
		seed_files "$s" tests/data/review/*.json \
		    $(find tests/data -name '*.review.*.json') ;;
	esac
}

status=0
for t in $targets; do
	bin=$b/fuzz/$t
	[ -x "$bin" ] || { echo "fuzz: $bin is missing"; status=1; continue; }
	seed "$t"
	mkdir -p "$corpus/$t/work"
	log=$b/$t.log
	start=$(date +%s)
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$b/artifacts/$t-" \
	    "$corpus/$t/work" "$corpus/$t/seeds" >"$log" 2>&1
	rc=$?
	end=$(date +%s)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "fuzz: $t ran clean for $((end - start)) s (${runs:-?} runs)"
	else
		echo "fuzz: $t FAILED after $((end - start)) s (exit $rc); see $log:"
		grep -E 'ERROR|SUMMARY|artifact' "$log" | head -n 5
		status=1
	fi
done
exit $status
