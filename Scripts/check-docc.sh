#!/usr/bin/env bash
# Builds the DocC catalogs (KubeKit, KubeValidation) with `docc convert` and fails when docc
# reports any warning (an unresolved ``link``, a bad topic group, ...).
#
# Usage: Scripts/check-docc.sh [--skip-build]
#
# The symbol graphs come from `swift package dump-symbol-graph` (works on an up-to-date build);
# with --skip-build the graphs already in .build/<triple>/symbolgraph are used (for example
# right after Scripts/check-docs.py). Exit 0: no warnings; 1: warnings (printed); 2: docc failed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--skip-build" ]; then
    swift package dump-symbol-graph --skip-synthesized-members >/dev/null
fi
GRAPHS="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
DOCC="$(command -v docc || true)"
if [ -z "$DOCC" ]; then
    echo "check-docc: docc is not on PATH (it ships with the Swift toolchain)" >&2
    exit 2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
status=0
for module in KubeKit KubeValidation; do
    mkdir -p "$WORK/$module-graphs"
    cp "$GRAPHS/$module.symbols.json" "$WORK/$module-graphs/"
    cp "$GRAPHS/$module"@*.symbols.json "$WORK/$module-graphs/" 2>/dev/null || true
    if ! "$DOCC" convert "Sources/$module/$module.docc" \
        --additional-symbol-graph-dir "$WORK/$module-graphs" \
        --fallback-display-name "$module" --fallback-bundle-identifier "io.kubekit.$module" \
        --output-path "$WORK/$module.doccarchive" >"$WORK/$module.log" 2>&1; then
        cat "$WORK/$module.log" >&2
        echo "check-docc: docc convert failed for $module" >&2
        exit 2
    fi
    if grep -q "warning:" "$WORK/$module.log"; then
        cat "$WORK/$module.log" >&2
        echo "check-docc: $module.docc has docc warnings" >&2
        status=1
    else
        echo "check-docc: $module.docc builds without warnings"
    fi
done
exit "$status"
