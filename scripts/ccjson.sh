#!/bin/sh
# ccjson.sh DIR SRC OBJ CMD... - print one compile_commands.json entry (with a
# trailing comma) for clangd; the Makefile joins the entries into build/compile_commands.json.
dir=$1; src=$2; obj=$3; shift 3
args=""
for a in "$@" -c "$src" -o "$obj"; do
	esc=$(printf '%s' "$a" | sed 's/\\/\\\\/g; s/"/\\"/g')
	args="$args\"$esc\", "
done
printf '{ "directory": "%s", "file": "%s", "output": "%s", "arguments": [%s] },\n' \
	"$dir" "$src" "$obj" "${args%, }"
