#!/usr/bin/env python3
"""Agreement with the oracles: mutates valid corpus documents field by field and checks that
KubeKit and the oracle agree on the results.

    $BIN/python Scripts/mutation-agreement.py [--shared DIR] [--kubekit PATH] [--max N] [--seed S] [--keep DIR]

1. Takes every built-in-kind document of ../shared/corpus/kubectl-json/*.kubectl.jsonl that the
   oracle (../shared/oracles/validate.py) accepts.
2. Mutates each one, walking it together with its schema from
   ../shared/reference/kubernetes/v1.37-definitions.json, into candidates: an unknown field added
   to an object, a string replaced by a number, an integer by a string, an object by a list, a
   required field removed, a closed enum set to "Bogus", a name set to "Bad_Name", a quantity set
   to "100mm", a port set to 70000; plus harmless changes (an extra label) and the unchanged
   document. The choice is seeded, so every run writes the same candidates.
3. Runs the oracle once and `kubekit validate --format json` once on the directory of
   candidates (one document per file, so every finding maps back to its mutation).
4. Checks: every candidate the oracle rejects gets at least one KubeKit error; no candidate the
   oracle accepts gets a KubeKit API-rule error, except the checks the oracle's schemas cannot
   make, listed by rule ID as "KubeKit-only, expected": the name, quantity, port and enum
   mutations (which KubeKit must flag), annotation and label key syntax, and fields set to null
   that the API server requires in code (null is absent to it). Exits 1 on any disagreement,
   printing each one with the mutation and the messages.

The KubeKit binary is $KUBEKIT_BIN, else `swift build --show-bin-path`/kubekit.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

BUILTIN_GROUPS = {"", "apps", "batch", "autoscaling", "policy", "networking.k8s.io",
                  "rbac.authorization.k8s.io", "scheduling.k8s.io", "storage.k8s.io",
                  "apiextensions.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
                  "node.k8s.io", "certificates.k8s.io", "admissionregistration.k8s.io"}

# Fields whose string value the API server checks against a closed set of values in code (the
# OpenAPI schema only says "string"). Key: field name; value: the parent path suffix it must have
# (None: any parent).
CLOSED_ENUMS = {
    "imagePullPolicy": None, "restartPolicy": None, "dnsPolicy": None, "protocol": None,
    "terminationMessagePolicy": None, "sessionAffinity": None, "externalTrafficPolicy": None,
    "internalTrafficPolicy": None, "ipFamilyPolicy": None, "concurrencyPolicy": None,
    "podManagementPolicy": None, "pathType": None, "preemptionPolicy": None,
    "volumeMode": None, "operator": None, "effect": None, "whenUnsatisfiable": None,
    "type": ("strategy", "updateStrategy", "spec"),
}
# Kinds whose spec.type is a closed enum (Service type, Secret type is open).
SPEC_TYPE_KINDS = {"Service"}
RBAC_KINDS = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"}
# API-rule checks the API server makes in code and the oracle's schemas cannot make: on a document
# the oracle accepts, these are listed as "KubeKit-only, expected" rather than as disagreements.
KUBEKIT_ONLY_RULES = {"K8S-ANNOTATION-KEY", "K8S-LABEL-KEY", "K8S-LABEL-VALUE"}
# A field set to null is absent to the API server (Go leaves the zero value). The schemas allow
# null everywhere, but the API server requires these fields in code; on a "set-null" mutation these
# rules are right, as is a K8S-SCHEMA "found null" error on a field the model requires.
NULL_ABSENT_RULES = {"K8S-NAME-REQUIRED", "K8S-CONTAINER-IMAGE", "K8S-CONTAINERS-REQUIRED",
                     "K8S-VOLUME-SOURCE", "K8S-SELECTOR-REQUIRED", "K8S-SELECTOR-MISMATCH",
                     "K8S-INGRESS-BACKEND", "K8S-RBAC-RULE", "K8S-SERVICE-PORT",
                     "K8S-SERVICE-PORT-NAME", "K8S-PROBE-HANDLER", "K8S-HPA-METRIC",
                     "K8S-NETPOL-PEER", "K8S-PVC-SPEC", "K8S-TOLERATION", "K8S-SELECTOR-SYNTAX",
                     "K8S-RBAC-SUBJECT", "K8S-VOLUME-MOUNT", "K8S-VOLUME-NAME", "K8S-ENV-SOURCE",
                     "K8S-CRD"}


def kubekit_right(kind, d):
    """Whether an API-rule error on an oracle-accepted candidate is one the schemas cannot judge."""
    rule = d.get("ruleId")
    if rule in KUBEKIT_ONLY_RULES:
        return True
    if kind == "set-null":
        return rule in NULL_ABSENT_RULES or (rule == "K8S-SCHEMA" and d.get("message", "").endswith("found null"))
    if kind == "int32-overflow":
        # The schemas say int32 but do not bound it; the API server cannot decode 2^31 into int32.
        return rule == "K8S-SCHEMA" and "does not fit" in d.get("message", "")
    if kind == "quantity-as-number":
        # 0.5 is a valid quantity, but now a request may be above its limit.
        return rule == "K8S-RESOURCES-REQUEST-LIMIT"
    if kind == "set-null-map-value":
        # The value reads as "": a selector or template label changed that way no longer matches.
        return rule == "K8S-SELECTOR-MISMATCH"
    return False
SAFE_ANNOTATION = "kubekit.dev/mutation"


class Schema:
    def __init__(self, path):
        self.defs = json.load(open(path))["$defs"]
        self.by_gvk = {}
        for key, d in self.defs.items():
            for gvk in d.get("x-kubernetes-group-version-kind", []):
                api = gvk["version"] if not gvk["group"] else "%s/%s" % (gvk["group"], gvk["version"])
                self.by_gvk.setdefault((api, gvk["kind"]), key)

    def resolve(self, s):
        while isinstance(s, dict) and "$ref" in s:
            s = self.defs[s["$ref"].split("/")[-1]]
        return s or {}

    @staticmethod
    def types(s):
        t = s.get("type")
        if t is None:
            return set()
        return set(t) if isinstance(t, list) else {t}

    def ref_name(self, s):
        return s.get("$ref", "").split("/")[-1]


def fmt_path(path):
    return "".join("[%d]" % p if isinstance(p, int) else ".%s" % p for p in path) or "."


def get_parent(doc, path):
    node = doc
    for p in path[:-1]:
        node = node[p]
    return node


def walk(schema, node, s, path, out):
    """Collects (path, node, schema, ref) for every value in the document that the schema types."""
    ref = schema.ref_name(s)
    s = schema.resolve(s)
    out.append((path, node, s, ref))
    if isinstance(node, dict):
        props = s.get("properties")
        if props is not None:
            for k, v in node.items():
                if k in props:
                    walk(schema, v, props[k], path + [k], out)
        elif isinstance(s.get("additionalProperties"), dict):
            for k, v in node.items():
                walk(schema, v, s["additionalProperties"], path + [k], out)
    elif isinstance(node, list) and isinstance(s.get("items"), dict):
        for i, v in enumerate(node):
            walk(schema, v, s["items"], path + [i], out)


QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
FREE_FORM = {"io.k8s.apimachinery.pkg.runtime.RawExtension",
             "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps",
             "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON",
             "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"}
# Integer fields the API server requires to be >= 0 (or > 0) in code; the schemas have no minimum.
NON_NEGATIVE = {"replicas", "minReplicas", "maxReplicas", "initialDelaySeconds", "periodSeconds",
                "timeoutSeconds", "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
                "revisionHistoryLimit", "progressDeadlineSeconds", "minReadySeconds", "backoffLimit",
                "completions", "parallelism", "activeDeadlineSeconds", "successfulJobsHistoryLimit",
                "failedJobsHistoryLimit", "startingDeadlineSeconds", "averageUtilization",
                "stabilizationWindowSeconds", "weight", "defaultMode", "ttlSecondsAfterFinished"}
PORT_FIELDS = {"containerPort", "port", "targetPort", "hostPort", "nodePort"}


def mutations(schema, doc, s):
    """Every mutation of the document: (kind_of_mutation, path, apply(doc_copy), expected)
    where expected is "reject" (schema violation), "kubekit" (a check only KubeKit makes) or "accept"."""
    nodes = []
    walk(schema, doc, s, [], nodes)
    schemas = {tuple(path): ns for path, _, ns, _ in nodes}
    out = []
    for path, node, ns, ref in nodes:
        if any(p in ("status",) for p in path[:1]):
            continue
        if ref in FREE_FORM or any(isinstance(p, str) and p in ("openAPIV3Schema",) for p in path):
            continue
        types = schema.types(ns)
        last = path[-1] if path else None
        if path and isinstance(last, str) and "null" in types and node is not None and len(path) > 1:
            parent = schemas.get(tuple(path[:-1]), {})
            in_map = "properties" not in parent and isinstance(parent.get("additionalProperties"), dict)
            out.append(("set-null-map-value" if in_map else "set-null", path,
                        lambda d, p=path: set_at(d, p, None), "oracle"))
        parent_path = path[:-1]
        # Quantities, IntOrString: free text at the schema level.
        if ref == QUANTITY:
            out.append(("quantity-100mm", path, lambda d, p=path: set_at(d, p, "100mm"), "kubekit"))
            out.append(("quantity-as-number", path, lambda d, p=path: set_at(d, p, 0.5), "oracle"))
            out.append(("quantity-to-boolean", path, lambda d, p=path: set_at(d, p, True), "reject"))
            continue
        if ref == INT_OR_STRING:
            out.append(("int-or-string-fraction", path, lambda d, p=path: set_at(d, p, 1.5), "reject"))
            out.append(("int-or-string-to-boolean", path, lambda d, p=path: set_at(d, p, False), "reject"))
            if last in PORT_FIELDS and isinstance(node, int):
                out.append(("port-70000", path, lambda d, p=path: set_at(d, p, 70000), "kubekit"))
            continue
        if isinstance(node, dict) and "properties" in ns:
            out.append(("unknown-field", path, lambda d, p=path: set_in(d, p, "kubekitUnknownField", "x"), "reject"))
            if path:
                out.append(("object-to-list", path, lambda d, p=path: set_at(d, p, []), "reject"))
            for req in ns.get("required", []):
                if req in node and path + [req] != ["metadata"]:
                    if path == [] and req in ("apiVersion", "kind"):
                        continue
                    out.append(("required-removed", path + [req], lambda d, p=path + [req]: remove_at(d, p), "reject"))
        elif isinstance(node, dict) and isinstance(ns.get("additionalProperties"), dict) and path:
            out.append(("object-to-list", path, lambda d, p=path: set_at(d, p, []), "reject"))
            if last == "labels":
                out.append(("extra-label", path, lambda d, p=path: set_in(d, p, "kubekit.dev/extra", "yes"), "accept"))
                out.append(("label-value-bad", path, lambda d, p=path: set_in(d, p, "kubekit.dev/extra", "-bad value-"), "kubekit"))
                out.append(("label-key-bad", path, lambda d, p=path: set_in(d, p, "bad key", "x"), "kubekit"))
        elif isinstance(node, list) and path:
            out.append(("list-to-object", path, lambda d, p=path: set_at(d, p, {}), "reject"))
        elif isinstance(node, str) and "string" in types and "enum" not in ns and path[:1] != ["kind"] and path != ["apiVersion"]:
            out.append(("string-to-number", path, lambda d, p=path: set_at(d, p, 12345), "reject"))
            out.append(("string-to-boolean", path, lambda d, p=path: set_at(d, p, True), "reject"))
            if path == ["metadata", "name"]:
                # RBAC names only have to be path segments, where "Bad_Name" is fine.
                bad = "bad/name" if doc.get("kind") in RBAC_KINDS else "Bad_Name"
                out.append(("name-" + bad, path, lambda d, p=path, v=bad: set_at(d, p, v), "kubekit"))
            if last in CLOSED_ENUMS and isinstance(last, str):
                want = CLOSED_ENUMS[last]
                parent = path[-2] if len(path) >= 2 else None
                ok = want is None or (parent in want and (parent != "spec" or doc.get("kind") in SPEC_TYPE_KINDS))
                if ok:
                    out.append(("enum-Bogus", path, lambda d, p=path: set_at(d, p, "Bogus"), "kubekit"))
        elif isinstance(node, bool) and "boolean" in types:
            out.append(("boolean-to-string", path, lambda d, p=path: set_at(d, p, "true"), "reject"))
        elif isinstance(node, int) and not isinstance(node, bool) and "integer" in types:
            out.append(("integer-to-string", path, lambda d, p=path: set_at(d, p, "7"), "reject"))
            out.append(("integer-to-fraction", path, lambda d, p=path: set_at(d, p, 1.5), "reject"))
            if ns.get("format") == "int32":
                out.append(("int32-overflow", path, lambda d, p=path: set_at(d, p, 2 ** 31), "oracle"))
            if last in PORT_FIELDS:
                out.append(("port-70000", path, lambda d, p=path: set_at(d, p, 70000), "kubekit"))
            if last in NON_NEGATIVE:
                out.append(("negative-integer", path, lambda d, p=path: set_at(d, p, -1), "kubekit"))
    return out


def set_at(d, path, value):
    get_parent(d, path)[path[-1]] = value


def set_in(d, path, key, value):
    node = d
    for p in path:
        node = node[p]
    node[key] = value


def remove_at(d, path):
    del get_parent(d, path)[path[-1]]


def run_oracle(python, shared, directory, per_doc=None):
    """Runs validate.py once; returns {file: verdict of its last document}, {file: error lines} and
    fills per_doc with {file: [(verdict, "Kind/name"), ...]} in document order."""
    per_doc = {} if per_doc is None else per_doc
    res = subprocess.run([python, os.path.join(shared, "oracles", "validate.py"), directory],
                         capture_output=True, text=True)
    verdicts, errors, current = {}, collections.defaultdict(list), None
    for line in res.stdout.splitlines():
        m = re.match(r"(OK|FAIL|SKIP)\s+(\S+) (\S+)", line)
        if m:
            current = os.path.basename(m.group(2))
            verdicts[current] = m.group(1)
            per_doc.setdefault(current, []).append((m.group(1), m.group(3)))
        elif current and line.startswith("    "):
            errors[current].append(line.strip())
    return verdicts, errors


def find_kubekit(args):
    if args.kubekit:
        return args.kubekit
    if os.environ.get("KUBEKIT_BIN"):
        return os.environ["KUBEKIT_BIN"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
    return os.path.join(bin_path, "kubekit")


def diag_file(d):
    loc = d.get("location") or {}
    f = loc.get("file") or d.get("file") or ""
    return os.path.basename(f)


def run_kubekit(kubekit, directory):
    res = subprocess.run([kubekit, "validate", "--format", "json", directory], capture_output=True, text=True)
    if res.returncode == 2:
        sys.exit("kubekit validate could not read the candidates (exit 2):\n" + res.stderr)
    data = json.loads(res.stdout) if res.stdout.strip() else []
    if isinstance(data, dict):
        data = data.get("diagnostics", [])
    by_file = collections.defaultdict(list)
    for d in data:
        by_file[diag_file(d)].append(d)
    return by_file


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("KUBEKIT_SHARED", os.path.join(here, "..", "..", "shared")))
    ap.add_argument("--kubekit")
    ap.add_argument("--max", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--keep", help="write the candidates into this directory and keep them")
    ap.add_argument("--verbose", action="store_true", help="list every KubeKit-only candidate")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    python = sys.executable
    start = time.time()
    schema = Schema(os.path.join(shared, "reference", "kubernetes", "v1.37-definitions.json"))
    corpus = os.path.join(shared, "corpus", "kubectl-json")

    # 1. the valid built-in documents, as the oracle sees them (one run over the corpus directory)
    per_doc = {}
    run_oracle(python, shared, corpus, per_doc)
    valid = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".kubectl.jsonl"):
            continue
        lines = [json.loads(l) for l in open(os.path.join(corpus, name)) if l.strip()]
        seen = per_doc.get(name, [])
        if len(seen) != len(lines):
            continue  # List documents: the oracle's lines do not map one to one
        for i, doc in enumerate(lines):
            if seen[i][0] != "OK":
                continue
            api = doc.get("apiVersion", "")
            if api.rpartition("/")[0] not in BUILTIN_GROUPS or (api, doc.get("kind")) not in schema.by_gvk:
                continue
            valid.append(("%s#%d" % (name, i + 1), doc))

    # 2. candidates
    rng = random.Random(args.seed)
    candidates = []  # (id, source, mutation, path, expected, doc)
    per_source = []
    for source, doc in valid:
        s = {"$ref": "#/$defs/" + schema.by_gvk[(doc["apiVersion"], doc["kind"])]}
        per_source.append((source, doc, mutations(schema, doc, s)))
    # Budget: the unchanged document for each source, then every semantic (KubeKit-only)
    # mutation, then a seeded sample of the others spread over mutation kinds and sources.
    pool_sem, pool_other = [], []
    for source, doc, muts in per_source:
        candidates.append((source, doc, ("unchanged", [], None, "accept")))
        for m in muts:
            (pool_sem if m[3] == "kubekit" else pool_other).append((source, doc, m))
    rng.shuffle(pool_sem)
    rng.shuffle(pool_other)
    budget = args.max - len(candidates)
    sem_quota = min(len(pool_sem), budget // 3)
    chosen = pool_sem[:sem_quota]
    by_kind = collections.defaultdict(list)
    for item in pool_other:
        by_kind[item[2][0]].append(item)
    rest = budget - len(chosen)
    kinds = sorted(by_kind)
    while rest > 0 and any(by_kind[k] for k in kinds):
        for k in kinds:
            if by_kind[k] and rest > 0:
                chosen.append(by_kind[k].pop())
                rest -= 1
    if rest > 0:
        chosen.extend(pool_sem[sem_quota:sem_quota + rest])
    candidates.extend(chosen)

    tmp = args.keep or tempfile.mkdtemp(prefix="kubekit-mutations-")
    os.makedirs(tmp, exist_ok=True)
    table = {}
    for n, (source, doc, (kind, path, apply, expected)) in enumerate(candidates):
        d = json.loads(json.dumps(doc))
        if apply is not None:
            apply(d)
        fname = "m%05d.json" % n
        with open(os.path.join(tmp, fname), "w") as f:
            json.dump(d, f)
        table[fname] = (source, kind, fmt_path(path), expected)

    # 3. one oracle run, one KubeKit run
    oracle, oracle_errors = run_oracle(python, shared, tmp)
    kubekit = run_kubekit(find_kubekit(args), tmp)

    # 4. compare
    rejected = flagged = accepted = api_errors = 0
    missed, false_pos, expected_only, sem_missed = [], [], collections.Counter(), []
    skipped = 0
    unjudged = []
    other_only = collections.Counter()
    flag_rules = collections.defaultdict(collections.Counter)
    for fname, (source, kind, path, expected) in sorted(table.items()):
        verdict = oracle.get(fname)
        diags = kubekit.get(fname, [])
        errors = [d for d in diags if d.get("severity") == "error"]
        api = [d for d in errors if d.get("category") == "api"]
        label = "%s %s %s at %s" % (fname, source, kind, path)
        if verdict == "FAIL":
            rejected += 1
            if errors:
                flagged += 1
                flag_rules[kind][errors[0].get("ruleId")] += 1
            else:
                missed.append((label, oracle_errors.get(fname, []), diags))
        elif verdict == "OK":
            accepted += 1
            if expected == "kubekit":
                if api:
                    for d in api:
                        expected_only[d.get("ruleId")] += 1
                else:
                    sem_missed.append((label, diags))
            elif api and all(kubekit_right(kind, d) for d in api):
                for d in api:
                    other_only[d.get("ruleId")] += 1
                unjudged.append(label)
            elif api:
                api_errors += 1
                false_pos.append((label, api))
        else:
            skipped += 1
    elapsed = time.time() - start
    print("mutation agreement: %d valid source documents, %d candidates (seed %d)" % (len(valid), len(table), args.seed))
    print("oracle-rejected: %d; KubeKit flags with an error: %d (must be all)" % (rejected, flagged))
    print("oracle-accepted: %d; KubeKit API-rule errors where the oracle can judge: %d (must be 0)" % (accepted, api_errors))
    for kind in sorted(flag_rules):
        print("    %-22s %s" % (kind, ", ".join("%s %d" % kv for kv in flag_rules[kind].most_common())))
    n_sem = sum(1 for f, t in table.items() if t[3] == "kubekit" and oracle.get(f) == "OK")
    sem_kinds = collections.Counter(t[1] for f, t in table.items() if t[3] == "kubekit" and oracle.get(f) == "OK")
    print("KubeKit-only, expected (oracle accepts, the schemas cannot check): %d mutations, flagged %d" % (n_sem, n_sem - len(sem_missed)))
    print("    by mutation: " + ", ".join("%s %d" % kv for kv in sorted(sem_kinds.items())))
    for rule, count in sorted(expected_only.items()):
        print("    %-40s %d" % (rule, count))
    if unjudged:
        print("  plus %d other accepted candidates where KubeKit is right and the schemas cannot know (rules below)%s"
              % (len(unjudged), ": " + "; ".join(unjudged) if args.verbose else " (--verbose lists them)"))
    for rule, count in sorted(other_only.items()):
        print("    %-40s %d" % (rule, count))
    if skipped:
        print("oracle skipped: %d" % skipped)
    for label, oerrs, diags in missed:
        print("DISAGREE (oracle rejects, KubeKit silent): %s" % label)
        for e in oerrs[:3]:
            print("    oracle: %s" % e)
    for label, api in false_pos:
        print("DISAGREE (oracle accepts, KubeKit API error): %s" % label)
        for d in api[:3]:
            print("    kubekit: %s %s %s" % (d.get("ruleId"), d.get("fieldPath") or "", d.get("message")))
    for label, diags in sem_missed:
        print("DISAGREE (KubeKit-only check did not fire): %s" % label)
    if args.keep:
        print("elapsed: %.1f s; candidates kept in %s" % (elapsed, tmp))
    else:
        shutil.rmtree(tmp, ignore_errors=True)
        print("elapsed: %.1f s" % elapsed)
    return 1 if (missed or false_pos or sem_missed) else 0


if __name__ == "__main__":
    sys.exit(main())
