# tmux-session.sh: sourced by the tmux end-to-end tests (from the repo root).
# They set SOCK (a private tmux socket) and count pass/fail with these.
# tmux_test_begin NAME: a private tmux socket ($SOCK), a temporary
# directory ($tmp) and data directory ($IRATE_DATA_DIR), all removed on exit;
# pass/fail counters at 0.  tmux is a test dependency (scripts/install-deps
# installs it): without it the test fails rather than skips.
tmux_test_begin() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "$1: tmux is missing (scripts/install-deps installs it)"
		echo "0 passed, 1 failed"
		exit 1
	fi
	SOCK="irate-$1-$$"
	tmp=$(mktemp -d) || exit 2
	IRATE_DATA_DIR=$(mktemp -d) || exit 2
	export IRATE_DATA_DIR
	trap tmux_test_end EXIT
	trap 'exit 2' INT TERM HUP
	pass=0
	fail=0
}
tmux_test_end() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
	rm -rf "$tmp" "$IRATE_DATA_DIR"
}
t() { tmux -L "$SOCK" "$@"; }
ok() { pass=$((pass + 1)); }
ko() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	if [ -n "${last_screen:-}" ]; then
		echo "---- screen ----"
		printf '%s\n' "$last_screen" | sed '/^ *$/d' | tail -n 24
		echo "----------------"
	fi
}
# check DESCRIPTION COMMAND...: count COMMAND's success or failure.
check() {
	desc=$1
	shift
	if "$@"; then ok; else ko "$desc"; fi
}
grab() { last_screen=$(t capture-pane -p 2>/dev/null); }
# wait_for TEXT [SECONDS]: poll the screen (default 10 s) until it shows
# TEXT; the last capture stays in $last_screen for ko to print.
wait_for() {
	_w=$(( ${2:-10} * 10 ))
	while [ "$_w" -gt 0 ]; do
		grab
		if printf '%s\n' "$last_screen" | grep -F -q -e "$1"; then
			return 0
		fi
		sleep 0.1
		_w=$((_w - 1))
	done
	return 1
}
keys() { t send-keys "$@"; }
type_text() { t send-keys -l "$1"; }
# tmux_fresh SOCK ARGS...: kill the private server SOCK, wait until it is
# really gone, then start `new-session ARGS...` on it, retrying until the
# session exists.  A new-session sent while the old server is still shutting
# down fails with "server exited unexpectedly"; under load that race is real.
tmux_fresh() {
	_sock=$1
	shift
	tmux -L "$_sock" kill-server >/dev/null 2>&1
	_n=0
	while tmux -L "$_sock" list-sessions >/dev/null 2>&1 && [ $_n -lt 100 ]; do
		sleep 0.05
		_n=$((_n + 1))
	done
	_n=0
	while [ $_n -lt 50 ]; do
		tmux -L "$_sock" new-session "$@" >/dev/null 2>&1
		tmux -L "$_sock" has-session >/dev/null 2>&1 && return 0
		sleep 0.1
		_n=$((_n + 1))
	done
	echo "tmux_fresh: cannot start a tmux session on $_sock" >&2
	return 1
}
