#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the demo project and the check examples (the corpus is
# generated, never committed). scan_file seeds carry the first byte that picks the file name
# (0 main.tf, 1 template.yaml, 2 template.json, 3 policy.json).
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/terraform corpus/cloudformation corpus/iam_policy corpus/scan_file
n=0
add() { # target file [selector byte]
  n=$((n + 1))
  if [ $# -eq 3 ]; then
    { printf "\\x$(printf %02x "$3")"; cat "$2"; } > "corpus/$1/seed-$n"
  else
    cp "$2" "corpus/$1/seed-$n"
  fi
}
while IFS= read -r f; do
  case "$f" in
    *.tf) add terraform "$f"; add scan_file "$f" 0 ;;
    *.iam.json|*/policies/*.json) add iam_policy "$f"; add scan_file "$f" 3 ;;
    *.yaml|*.yml) add cloudformation "$f"; add scan_file "$f" 1 ;;
    *.json) add cloudformation "$f"; add scan_file "$f" 2 ;;
  esac
done < <(find "$root/demo" "$root/checks/examples" -type f \( -name '*.tf' -o -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) ! -name package.json | sort)
echo "seeded $n inputs"
