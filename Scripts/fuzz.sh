#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the KubeSerialization YAML and JSON readers.
#
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
# The target (Fuzz/ReaderFuzzEntry.swift plus every file of Sources/KubeSerialization) is compiled
# with -sanitize=fuzzer,address into .build/fuzz/reader-fuzzer; it is not part of `swift build`.
# The corpus starts from the real manifests in ../shared/corpus/manifests (copied into
# .build/fuzz/corpus, which libFuzzer then grows); crashes are written to .build/fuzz/artifacts.
# Set FUZZ_BUILD_ONLY=1 to compile without running. Hold the shared build lock for the compile
# step (this script takes it itself when flock and /tmp/kubekit-build.lock are available).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
out="$root/.build/fuzz"
mkdir -p "$out/corpus" "$out/artifacts"

compile() {
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
        -module-name KubeSerialization \
        "$root"/Sources/KubeSerialization/*.swift \
        "$root"/Sources/KubeSerialization/*/*.swift \
        "$root"/Fuzz/ReaderFuzzEntry.swift \
        -o "$out/reader-fuzzer"
}
if command -v flock > /dev/null; then
    export -f compile; export root out
    flock /tmp/kubekit-build.lock bash -c compile
else
    compile
fi
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

seeds="$root/../shared/corpus/manifests"
if [ -d "$seeds" ]; then
    cp -n "$seeds"/* "$out/corpus/" 2> /dev/null || true
fi
cd "$out"
exec ./reader-fuzzer corpus \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix=artifacts/ -print_final_stats=1 "$@"
