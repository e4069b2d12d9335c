#!/bin/sh
# Installs what `make test` needs and a fresh machine may lack: tmux for the
# end-to-end test, python3-openpyxl (a second reader for the XLSX export),
# Chromium and poppler-utils (the HTML export in a real browser, its PDF
# checked with pdfinfo) from Debian, and markdownlint-cli2 (pinned in
# package.json) for exports.
set -eu
missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || missing="$missing python3-openpyxl"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
	echo "installing$missing..."
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086 # one word per package
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
if [ ! -x node_modules/.bin/markdownlint-cli2 ]; then
	echo "installing markdownlint-cli2..."
	npm ci --no-audit --no-fund --loglevel=error
fi
