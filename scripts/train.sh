#!/usr/bin/env bash
# Retrains the models from ../shared/corpus and writes the files the build
# compiles in: models/word_clusters.txt (word clusters from the corpus's
# unlabelled news and CoNLL-2003's training words), models/entities.model
# (the entity tagger, trained on CoNLL-2003 eng.train with those clusters
# and WordNet's names), models/same.model (same statement or not, from
# MSRP's training pairs), models/stance.model (from FNC-1's training
# data) and models/given_names.tsv (given names and their bearers' gender,
# from the honorifics, role words and pronouns of the corpus's news). Deterministic: on the same data it rewrites the same bytes. Then
# rebuild (scripts/setup.sh) to use them.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CROSSCHECK_SHARED:-../shared}/corpus
bash scripts/setup.sh crosscheck >/dev/null
bin=build/crosscheck
"$bin" train clusters --out models/word_clusters.txt --conll "$shared/conll2003/eng.train" \
  "$shared/ecbplus" "$shared/polnear-train/text" "$shared/polnear-dev/text" "$shared/basil-dev/articles.jsonl" \
  "$shared"/duc2007/duc2007_testdocs/main/*
"$bin" train entities --clusters models/word_clusters.txt --out models/entities.model \
  "$shared/conll2003/eng.train"
"$bin" train same --out models/same.model "$shared/msrp/msr_paraphrase_train.txt"
"$bin" train stance --bodies "$shared/fnc1/train_bodies.csv" --stances "$shared/fnc1/train_stances.csv" \
  --out models/stance.model
# The gender table reads people through the tagger compiled in: build with
# the one just trained first, so one run reaches the same bytes as the next.
bash scripts/setup.sh crosscheck >/dev/null
"$bin" train genders --out models/given_names.tsv "$shared/ecbplus" "$shared/polnear-train/text" \
  "$shared/polnear-dev/text" "$shared/basil-dev/articles.jsonl" "$shared"/duc2007/duc2007_testdocs/main/*
git diff --quiet -- models 2>/dev/null && echo "models unchanged" || echo "models rewritten; rebuild to use them"
