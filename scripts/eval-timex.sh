#!/usr/bin/env bash
# Scores the English temporal tagger on the development corpora in ../shared/eval (TimeBank,
# AQUAINT, WikiWars with score_timeml.py; English and Chinese Recognizers-Text specs with score_cases.py) and
# prints one summary line per set. Usage: scripts/eval-timex.sh [-v]   (EVAL_DIR overrides the
# location of the evaluation folder; CARGO_TARGET_DIR is honoured.)
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${EVAL_DIR:-$(pwd)/../shared/eval}"
[ -d "$EVAL_DIR" ] || { echo "no evaluation folder at $EVAL_DIR (set EVAL_DIR)" >&2; exit 2; }
cargo build --release --quiet --bin article-explorer
BIN="${CARGO_TARGET_DIR:-target}/release/article-explorer"
CMD="$BIN analyze --lang en --dct {dct} -"
for set in timebank aquaint wikiwars; do
  printf '%-10s ' "$set"
  python3 "$EVAL_DIR/score_timeml.py" --cmd "$CMD" "$EVAL_DIR/data/timeml/$set" "$@" | tail -1
done
printf '%-10s ' "rt-en"
python3 "$EVAL_DIR/score_cases.py" --cmd "$CMD" "$EVAL_DIR/data/recognizers-text/English/DateTimeModel.json" "$@" | tail -1
printf '%-10s ' "rt-zh"
python3 "$EVAL_DIR/score_cases.py" --cmd "$BIN analyze --lang zh --dct {dct} -" "$EVAL_DIR/data/recognizers-text/Chinese/DateTimeModel.json" "$@" | tail -1
