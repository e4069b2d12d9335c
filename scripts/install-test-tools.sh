#!/bin/sh
# Installs what `make test` needs and a fresh machine may lack: tmux for the
# end-to-end test and markdownlint-cli2 (pinned in package.json) for exports.
set -eu
if ! command -v tmux >/dev/null 2>&1; then
	echo "installing tmux..."
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tmux >/dev/null
fi
if [ ! -x node_modules/.bin/markdownlint-cli2 ]; then
	echo "installing markdownlint-cli2..."
	npm ci --no-audit --no-fund --loglevel=error
fi
