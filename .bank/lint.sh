#!/usr/bin/env bash
# Lints one part of the bank: header + the part, through the real loader.
set -u
part=$1
tmp=$(mktemp --suffix=.yaml)
cat /work/main/.bank/header.yaml "$part" > "$tmp"
cd /work/main
if [ ! -f internal/questionnaire/load.go ]; then echo "loader not built yet"; exit 3; fi
go run ./cmd/gapmap questionnaire lint "$tmp" 2>&1 | grep -v "is not covered by any question" | awk -v f="$tmp" -v p="$part" -v n=113 'BEGIN{FS=":"} index($0,f)==1 {rest=substr($0,length(f)+2); split(rest,a,":"); line=a[1]-n; sub(/^[0-9]+/, line, rest); print p ":" rest; next} {print}' 
rm -f "$tmp"
