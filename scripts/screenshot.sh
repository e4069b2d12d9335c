#!/bin/sh
# Renders the README pictures from the real program: `gapmap demo` in tmux,
# captured on the results and roadmap screens, drawn by charmbracelet/freeze;
# then the demo's HTML report in headless Chromium (see TestHTMLScreenshot).
set -eu
cd "$(dirname "$0")/.."
make -s build
tmp=$(mktemp -d)
sock="gapmap-shot-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

tmux -L "$sock" -f /dev/null new-session -d -s shot -x 100 -y 30 \
	"env GAPMAP_DB=$tmp/gapmap.db XDG_CACHE_HOME=$tmp TERM=xterm-256color COLORTERM=truecolor ./bin/gapmap demo"

# wait_for TEXT: poll the screen until it shows TEXT (at most 10 s).
wait_for() {
	i=0
	until tmux -L "$sock" capture-pane -p -t shot | grep -q "$1"; do
		i=$((i + 1))
		[ "$i" -lt 200 ] || { echo "screenshot: never saw '$1'" >&2; exit 1; }
		sleep 0.05
	done
}

shoot() { # NAME: capture the pane with colours and render assets/NAME.webp
	tmux -L "$sock" capture-pane -e -p -t shot > "$tmp/$1.ansi"
	go run github.com/charmbracelet/freeze@v0.2.2 "$tmp/$1.ansi" --language ansi \
		--window --padding 20,30 --margin 0 --border.radius 8 --font.size 14 \
		-o "assets/$1.webp" >/dev/null
	echo "wrote assets/$1.webp"
}

wait_for "Results: Demo"
shoot results
tmux -L "$sock" send-keys -t shot M
wait_for "Roadmap: Demo"
shoot roadmap

# The HTML report of the demo, in headless Chromium: the page at 1280x800
# and its first printed A4 page (assets/report-html.png, report-print.png).
./bin/gapmap --db "$tmp/report.db" import assets/demo.yaml >/dev/null
./bin/gapmap --db "$tmp/report.db" export "Demo: Northwind Analytics" --format html \
	--prepared-by "Example Advisory" -o "$tmp/demo.html" 2>/dev/null
GAPMAP_SCREENSHOT_PAGE="$tmp/demo.html" GAPMAP_SCREENSHOT_DIR="$PWD/assets" \
	go test ./internal/report -run '^TestHTMLScreenshot$' -count=1 >/dev/null
echo "wrote assets/report-html.png and assets/report-print.png"
