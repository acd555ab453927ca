# tmux-session.sh: sourced by the tmux end-to-end tests (from the repo root).
# They set SOCK (a private tmux socket) and count pass/fail with these.
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
