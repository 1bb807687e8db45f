#!/usr/bin/env bash
# Builds a repository with 300 commits of the bundled briefing, each editing one
# judgment, and times `brief log` against `git log -p` on the same file, whole process.
# Usage: scripts/measure-log.sh [path/to/brief]   (default: target/release/brief)
set -euo pipefail
brief=$(realpath "${1:-target/release/brief}")
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Ana Analyst" GIT_AUTHOR_EMAIL=ana@example.invalid
export GIT_COMMITTER_NAME="Ana Analyst" GIT_COMMITTER_EMAIL=ana@example.invalid
cd "$repo"
git init -q -b main
"$brief" init briefing.yaml > /dev/null
git add -A && git commit -qm "First version"
levels=(low medium high)
positions=(supports opposes mixed neutral unclear)
for i in $(seq 1 299); do
  # Alternate between a risk's likelihood and a stance's position, as analysts edit.
  if (( i % 2 )); then
    level=${levels[$(( i % 3 ))]}
    awk -v level="$level" 'BEGIN{done=0} /^    likelihood: / && !done {sub(/likelihood: .*/, "likelihood: " level); done=1} {print}' briefing.yaml > b.tmp
  else
    position=${positions[$(( i % 5 ))]}
    awk -v p="$position" 'BEGIN{done=0} /^    position: / && !done {sub(/position: .*/, "position: " p); done=1} {print}' briefing.yaml > b.tmp
  fi
  # A line of its own makes every version's text new, as in a real history.
  echo "# edit $i" >> b.tmp
  mv b.tmp briefing.yaml
  git commit -qam "Edit $i" --allow-empty
done
echo "commits: $(git rev-list --count HEAD)"
echo "brief log lines: $("$brief" log briefing.yaml | wc -l)"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs 10 \
    "git --no-pager log -p -- briefing.yaml > /dev/null" \
    "$brief log briefing.yaml > /dev/null"
else
  for cmd in "git --no-pager log -p -- briefing.yaml" "$brief log briefing.yaml"; do
    /usr/bin/time -f "%e s  %M KB  $cmd" bash -c "$cmd > /dev/null"
  done
fi
