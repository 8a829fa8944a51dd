#!/usr/bin/env bash
# Checks that the oracle refuses every document KubeKit's Karpenter, eksctl and Flux API rules
# refuse. The tests write them (one file per rule) to $KUBEKIT_ORACLE_OUT/agreement when
# KUBEKIT_ORACLE_OUT is set; this script runs validate.py on each file and fails unless every
# document in it is reported FAIL, and unless every document in good/ (the passing documents of
# the same rules) is reported OK.
#
# usage: Scripts/check-agreement.sh [DIR]   (DIR defaults to $KUBEKIT_ORACLE_OUT/agreement)
# needs: BIN (the oracle environment's bin directory; default: the output of oracles/setup)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${KUBEKIT_SHARED:-$(cd .. && pwd)/shared}"
DIR="${1:-${KUBEKIT_ORACLE_OUT:?set KUBEKIT_ORACLE_OUT or pass the agreement directory}/agreement}"
BIN="${BIN:-$("$SHARED/oracles/setup")}"

shopt -s nullglob
files=("$DIR"/*.yaml)
if [ "${#files[@]}" -eq 0 ]; then
    echo "no agreement files in $DIR (run the tests with KUBEKIT_ORACLE_OUT set)" >&2
    exit 1
fi
agree=0
disagree=0
documents=0
for file in "${files[@]}"; do
    rule=$(basename "$file" .yaml)
    output=$("$BIN/python" "$SHARED/oracles/validate.py" "$file" || true)
    fails=$(grep -c '^FAIL' <<<"$output" || true)
    others=$(grep -c '^OK\|^SKIP' <<<"$output" || true)
    documents=$((documents + fails + others))
    if [ "$fails" -gt 0 ] && [ "$others" -eq 0 ]; then
        agree=$((agree + 1))
    else
        disagree=$((disagree + 1))
        echo "DISAGREE $rule: KubeKit refuses it, the oracle does not"
        grep '^OK\|^SKIP' <<<"$output" | sed 's/^/    /'
    fi
done
echo "agreement: $agree of $((agree + disagree)) rules ($documents documents) refused by the oracle too"
# The passing documents of the same rules: the oracle must accept every one.
rejected=0
if [ -d "$DIR/good" ]; then
    output=$("$BIN/python" "$SHARED/oracles/validate.py" "$DIR/good" || true)
    rejected=$(grep -c '^FAIL\|^SKIP' <<<"$output" || true)
    grep -A3 '^FAIL\|^SKIP' <<<"$output" | sed 's/^/    /' || true
    echo "passing documents: $(grep -c '^OK' <<<"$output" || true) accepted by the oracle, $rejected not"
fi
[ "$disagree" -eq 0 ] && [ "$rejected" -eq 0 ]
