#!/usr/bin/env python3
"""Field-by-field mutation agreement between KubeKit and the oracle for Karpenter, Flux and eksctl.

usage: $BIN/python Scripts/mutate-agreement.py KUBEKIT_BINARY SEED_FILE_OR_DIR... [--out DIR] [--limit N]

Every seed document the oracle accepts is mutated one field at a time (a string made invalid, a
number pushed out of range, a list emptied, a key removed). Each mutant is judged by the oracle
(validate.py) and by `kubekit validate --policy api`; KubeKit flags a mutant when it exits non-zero
(errors found, or the document does not decode, with a located error). Prints the counts and every
mutant the oracle rejects that KubeKit lets through. Exit 1 if there is any such miss."""
import copy, json, os, subprocess, sys, tempfile, argparse, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("KUBEKIT_SHARED", os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "oracles"))
from crd_validate import load_crds, validate_doc  # noqa: E402
import jsonschema  # noqa: E402

REF = os.path.join(SHARED, "reference")
CRDS = load_crds([os.path.join(REF, d) for d in ("karpenter", "flux")])
EKSCTL = jsonschema.Draft7Validator(json.load(open(os.path.join(REF, "eksctl", "schema.json"))))


def ecosystem(doc):
    api = doc.get("apiVersion", "") if isinstance(doc, dict) else ""
    return api.startswith(("karpenter.", "eksctl.io/")) or ".toolkit.fluxcd.io/" in api


def oracle_errors(doc):
    if doc.get("apiVersion") == "eksctl.io/v1alpha5":
        return [e.message for e in EKSCTL.iter_errors(doc)]
    return validate_doc(doc, CRDS, True) or []


def paths(value, prefix=()):
    """Every (path, value) below the document's spec (or the whole ClusterConfig but apiVersion/kind)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield prefix + (key,), child
            yield from paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield prefix + (index,), child
            yield from paths(child, prefix + (index,))


def mutations(value):
    if isinstance(value, bool):
        yield "a string for a boolean", "yes"
    elif isinstance(value, int):
        yield "negative", -5
        yield "huge", 1000000
    elif isinstance(value, str):
        yield "invalid characters", "Not Valid!"
        yield "empty", ""
    elif isinstance(value, list):
        yield "emptied", []
    elif isinstance(value, dict):
        yield "emptied", {}


def put(doc, path, new):
    target = doc
    for step in path[:-1]:
        target = target[step]
    if new is REMOVE:
        del target[path[-1]]
    else:
        target[path[-1]] = new


REMOVE = object()


def mutants(doc):
    root = dict(doc)
    for path, value in paths(root):
        if path[0] in ("apiVersion", "kind", "status") or (path[0] == "metadata" and doc.get("kind") != "ClusterConfig"):
            continue
        changes = list(mutations(value))
        if isinstance(path[-1], str):
            changes.append(("removed", REMOVE))
        for what, new in changes:
            mutant = copy.deepcopy(doc)
            put(mutant, path, new)
            yield ".".join(str(p) for p in path) + f" {what}", mutant


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kubekit")
    ap.add_argument("seeds", nargs="+")
    ap.add_argument("--limit", type=int, default=0, help="at most N mutants per seed document")
    a = ap.parse_args()
    seeds = []
    for s in a.seeds:
        files = [os.path.join(r, n) for r, _, ns in os.walk(s) for n in sorted(ns)] if os.path.isdir(s) else [s]
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                seeds += [(f, d) for d in yaml.safe_load_all(open(f)) if ecosystem(d) and not oracle_errors(d)]
    rejected = flagged = accepted = accepted_flagged = 0
    misses, stricter, runtime = [], [], {}
    seen = set()
    with tempfile.TemporaryDirectory() as tmp:
        for seed_file, seed in seeds:
            produced = 0
            for label, mutant in mutants(seed):
                key = json.dumps(mutant, sort_keys=True)
                if key in seen:
                    continue
                seen.add(key)
                produced += 1
                if a.limit and produced > a.limit:
                    break
                path = os.path.join(tmp, "m.json")
                with open(path, "w") as out:
                    json.dump(mutant, out)
                run = subprocess.run(
                    [a.kubekit, "validate", "--policy", "api", "--format", "json", path], capture_output=True, text=True)
                kubekit_rejects = run.returncode != 0
                errors = []
                if run.returncode == 1:
                    errors = [d for d in json.loads(run.stdout)["diagnostics"] if d["severity"] == "error"]
                name = f"{os.path.basename(seed_file)} {seed.get('kind')}/{(seed.get('metadata') or {}).get('name')} {label}"
                if oracle_errors(mutant):
                    rejected += 1
                    if kubekit_rejects:
                        flagged += 1
                    else:
                        misses.append(name)
                else:
                    accepted += 1
                    if kubekit_rejects:
                        accepted_flagged += 1
                    api = sorted({d["ruleId"] for d in errors if d["category"] == "api"})
                    if run.returncode == 2:
                        api = ["does not decode: " + run.stderr.strip()[-160:]]
                    if api:
                        stricter.append(f"{name}: {', '.join(api)}")
                    for d in errors:
                        if d["category"] != "api":
                            runtime[d["ruleId"]] = runtime.get(d["ruleId"], 0) + 1
    print(f"seeds: {len(seeds)} documents; mutants: {rejected + accepted}")
    print(f"oracle rejects {rejected}; KubeKit flags {flagged} of them ({len(misses)} missed)")
    print(f"oracle accepts {accepted}; KubeKit reports errors on {accepted_flagged} of them: "
          f"{len(stricter)} with API-rule errors (listed as STRICTER), the rest only runtime / eksctl-code rules "
          "the oracle cannot see")
    print("runtime and eksctl-code rule errors on oracle-accepted mutants: "
          + ", ".join(f"{k} {v}" for k, v in sorted(runtime.items())))
    for line in stricter:
        print("STRICTER", line)
    for miss in misses:
        print("MISSED", miss)
    sys.exit(1 if misses else 0)


if __name__ == "__main__":
    main()
