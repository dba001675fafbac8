#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET, not committed) from the
# project's fixtures, then adds the committed regressions. Run from anywhere:
#   fuzz/seed.sh && cd fuzz && cargo +nightly fuzz run docx -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")"
seed() { # TARGET EXTENSION: fixture files under 256 KB
  mkdir -p "corpus/$1"
  find ../fixtures ../../shared/workplans-dev -type f -name "*.$2" -size -256k \
    -exec cp {} "corpus/$1/" \; 2>/dev/null || true
}
seed docx docx
seed pdf pdf
seed xlsx xlsx
seed html html
seed ledger_sheet xlsx
seed ledger_sheet csv
text() { # TARGET NAME TEXT
  mkdir -p "corpus/$1" && printf '%s' "$3" > "corpus/$1/$2"
}
text doc_number a '渝中府办〔2022〕24号'
text doc_number b '渝中府办 [2022] 024号'
text doc_number c '国办发（2019）第5号'
text doc_number d '京政发【2024】3号'
text index_number a '000014349/2018-00222'
text index_number b '11500103MB1234567X/2022-00001'
for target in regressions/*/; do
  name=$(basename "$target")
  mkdir -p "corpus/$name"
  cp "$target"* "corpus/$name/" 2>/dev/null || true
done
