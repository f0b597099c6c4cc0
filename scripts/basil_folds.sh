#!/usr/bin/env bash
# Scores event grouping on the dated BASIL stream (articles.jsonl in date
# order, gold.tsv) and on folds cut from it by event: halves and quarters
# (event number, in order of first appearance, modulo 2 and 4), then prints
# the mean and the worst fold. Extra arguments go to `crosscheck eval events`.
# Usage: scripts/basil_folds.sh [CROSSCHECK_BINARY] [BASIL_DIR] [EVAL OPTIONS...]
set -euo pipefail
bin=${1:-build/crosscheck}
src=$(cd "${2:-../shared/corpus/basil-dev}" && pwd)
shift $(($# > 2 ? 2 : $#))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_fold() {  # name, modulus, remainder
  mkdir "$work/$1"
  awk -F'\t' -v m="$2" -v r="$3" -v out="$work/$1" '
    FNR == NR { event[$1] = $2; next }
    {
      match($0, /"id": *"[^"]*"/); id = substr($0, RSTART, RLENGTH); sub(/"id": *"/, "", id); sub(/"$/, "", id)
      e = event[id]; if (!(e in number)) number[e] = n++
      if (number[e] % m == r) { print > (out "/articles.jsonl"); print id "\t" e > (out "/gold.tsv") }
    }' "$src/gold.tsv" "$src/articles.jsonl"
}
folds=()
for m in 2 4; do
  for ((k = 0; k < m; k++)); do make_fold "mod${m}_$k" "$m" "$k"; folds+=("$work/mod${m}_$k/articles.jsonl"); done
done
whole=$("$bin" eval events "$@" "$src/articles.jsonl" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
printf '%-10s %s\n' whole "$whole"
total=0 worst=1
for f in "${folds[@]}"; do
  f1=$("$bin" eval events "$@" "$f" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
  printf '%-10s %s\n' "$(basename "$(dirname "$f")")" "$f1"
  total=$(awk -v a="$total" -v b="$f1" 'BEGIN { print a + b }')
  worst=$(awk -v a="$worst" -v b="$f1" 'BEGIN { print (b < a ? b : a) }')
done
awk -v t="$total" -v n="${#folds[@]}" -v w="$worst" 'BEGIN { printf "mean F1 over %d folds: %.3f, worst %.3f\n", n, t / n, w }'
