#!/bin/sh
# make install into a temporary prefix (and a DESTDIR), then use the
# installed copy from elsewhere: it must find its lexicon and scenarios.
: "${IRATE:?set IRATE to the irate binary}"
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if make -s install PREFIX="$tmp/prefix" >"$tmp/log" 2>&1; then ok; else bad "make install"; tail -5 "$tmp/log"; fi
for f in bin/irate share/man/man1/irate.1 share/man/man5/irate-scenario.5 \
	share/irate/assets/lexicon/en.json share/irate/scenarios/late-order.json; do
	[ -f "$tmp/prefix/$f" ] && ok || bad "not installed: $f"
done
cd "$tmp" || exit 2
"$tmp/prefix/bin/irate" list >"$tmp/out" 2>&1 && grep -q late-order "$tmp/out" && ok || bad "installed irate list"
echo '{"reply": "I am sorry, I will send a replacement today."}' |
	"$tmp/prefix/bin/irate" grade >"$tmp/out" 2>&1 && grep -q '"overall"' "$tmp/out" && ok || bad "installed irate grade"
printf 'I am sorry your order is late. I will send a replacement today.\n' |
	IRATE_DATA_DIR="$tmp/data" "$tmp/prefix/bin/irate" play --plain --seed 1 late-order >"$tmp/out" 2>&1
[ $? -le 3 ] && grep -q "Transcript:" "$tmp/out" && ok || bad "installed irate play"
cd - >/dev/null || exit 2
if make -s install PREFIX=/usr DESTDIR="$tmp/dest" >"$tmp/log" 2>&1 && [ -x "$tmp/dest/usr/bin/irate" ] &&
	[ -f "$tmp/dest/usr/share/irate/assets/lexicon/en.json" ]; then ok; else bad "make install DESTDIR"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
