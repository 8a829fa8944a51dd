#!/usr/bin/env python3
"""Lists public symbols of the KubeKit library modules that have no `///` doc comment.

Usage: Scripts/check-docs.py [--symbol-graph-dir DIR] [--skip-build]

Builds the symbol graphs (`swift build --target KubeKit -Xswiftc -emit-symbol-graph ...`) unless
--skip-build is given, reads every `<Module>.symbols.json` (and `<Module>@<Other>.symbols.json`
extension graphs) of the library modules, and prints `Module  path  kind  file:line` for each
public or open symbol whose `docComment` is missing or empty. Compiler-synthesized symbols
(identifiers containing `::SYNTHESIZED::`) and symbols without a source location are skipped,
because no doc comment can be written for them. Exits 1 when any symbol is undocumented.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

MODULES = ["KubeSerialization", "KubeModels", "KubeAWS", "KubeFlux", "KubePrometheus",
           "KubeValidation", "KubeDSL"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--symbol-graph-dir", default="/tmp/kubekit-symbol-graphs")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    out = args.symbol_graph_dir
    if not args.skip_build:
        os.makedirs(out, exist_ok=True)
        subprocess.run(["swift", "build", "--target", "KubeKit",
                        "-Xswiftc", "-emit-symbol-graph",
                        "-Xswiftc", "-emit-symbol-graph-dir", "-Xswiftc", out], check=True)
    missing = []
    seen = set()
    for module in MODULES:
        files = sorted(glob.glob(os.path.join(out, f"{module}.symbols.json"))
                       + glob.glob(os.path.join(out, f"{module}@*.symbols.json")))
        if not files:
            print(f"no symbol graph for {module} in {out}: the compiler writes graphs only for modules it "
                  "recompiles, so reuse the same directory, or build once from a clean .build", file=sys.stderr)
            return 2
        for path in files:
            with open(path, encoding="utf-8") as handle:
                graph = json.load(handle)
            for symbol in graph["symbols"]:
                if symbol.get("accessLevel") not in ("public", "open"):
                    continue
                precise = symbol["identifier"]["precise"]
                if "::SYNTHESIZED::" in precise or "location" not in symbol:
                    continue
                if precise in seen:
                    continue
                seen.add(precise)
                lines = (symbol.get("docComment") or {}).get("lines") or []
                if any(line.get("text", "").strip() for line in lines):
                    continue
                location = symbol["location"]
                uri = location["uri"].removeprefix("file://")
                rel = os.path.relpath(uri)
                line = location["position"]["line"] + 1
                missing.append((module, ".".join(symbol["pathComponents"]),
                                symbol["kind"]["displayName"], f"{rel}:{line}"))
    for module, name, kind, where in sorted(missing):
        print(f"{module}\t{name}\t{kind}\t{where}")
    print(f"{len(missing)} undocumented public symbols", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
