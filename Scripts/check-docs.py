#!/usr/bin/env python3
"""Lists public symbols of the KubeKit library modules that have no `///` doc comment.

Usage: Scripts/check-docs.py [--symbol-graph-dir DIR] [--skip-build]

Unless --skip-build is given, runs `swift package dump-symbol-graph`, which builds the package
(incrementally) and then extracts the symbol graphs of every module from its compiled module
files with swift-symbolgraph-extract. Unlike `swift build -Xswiftc -emit-symbol-graph`, which
writes graphs only for the modules it recompiles, this works on an up-to-date build. The graphs
go where SwiftPM puts them (`.build/<triple>/symbolgraph`); --symbol-graph-dir reads graphs from
another directory (with --skip-build, e.g. graphs made by `docc` tooling).

Reads every `<Module>.symbols.json` (and `<Module>@<Other>.symbols.json` extension graphs) of the
library modules, and prints `Module  path  kind  file:line` for each public or open symbol whose
`docComment` is missing or empty. Compiler-synthesized symbols (identifiers containing
`::SYNTHESIZED::`) and symbols without a source location are skipped, because no doc comment can
be written for them. Exits 1 when any symbol is undocumented, 2 when the graphs cannot be made.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

MODULES = ["KubeSerialization", "KubeModels", "KubeAWS", "KubeFlux", "KubePrometheus",
           "KubeValidation", "KubeDSL", "KubeTesting", "KubeCodegen"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--symbol-graph-dir", default=None,
                        help="read graphs from DIR (default: the directory dump-symbol-graph reports)")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    out = args.symbol_graph_dir
    if not args.skip_build:
        result = subprocess.run(["swift", "package", "dump-symbol-graph", "--skip-synthesized-members"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            print(result.stdout, file=sys.stderr)
            print("swift package dump-symbol-graph failed", file=sys.stderr)
            return 2
        written = re.findall(r"^Files written to (.+)$", result.stdout, re.MULTILINE)
        if out is None and written:
            out = written[-1].strip()
    if out is None:
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], stdout=subprocess.PIPE,
                                  text=True, check=False).stdout.strip()
        out = os.path.join(os.path.dirname(bin_path), "symbolgraph")
    missing = []
    seen = set()
    for module in MODULES:
        files = sorted(glob.glob(os.path.join(out, f"{module}.symbols.json"))
                       + glob.glob(os.path.join(out, f"{module}@*.symbols.json")))
        if not files:
            print(f"no symbol graph for {module} in {out}: run without --skip-build, or point "
                  "--symbol-graph-dir at the output of `swift package dump-symbol-graph`", file=sys.stderr)
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
