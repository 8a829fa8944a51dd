#!/usr/bin/env python3
"""Versus checkov: every check checkov reports on a shared sample has a KubeKit counterpart that
fires on the same resource; and what KubeKit reports that checkov has no check for.

    $BIN/python Scripts/compare-checkov.py [--shared DIR] [--kubekit PATH] [--checkov PATH] [--keep DIR]
                                           [--list-stricter]

The sample is every file of ../shared/corpus/manifests/ that kubectl reads (those with a
kubectl-json/<file>.kubectl.jsonl) plus Tests/KubeValidationTests/Fixtures/checkov-sample/, a set
of deliberately bad manifests that make each checkov Kubernetes check fail at least once. Both
are copied into one directory, and both tools read that directory:

- checkov: `checkov -d DIR --framework kubernetes --skip-download -o json --quiet`;
- KubeKit: `kubekit validate --format json --policy best-practice --policy cross-resource DIR`
  (the API rules always run too).

CHECKOV_TO_KUBEKIT below maps each checkov check ID to the KubeKit rule IDs that are its
counterpart (any one of them firing on the same resource counts). NO_COUNTERPART lists the
checks KubeKit deliberately does not make, each with the reason. For every failed checkov check
the script looks for a finding of a mapped rule on the same resource (kind, namespace, name; a
cluster-scoped or namespace-less resource counts as namespace "default", as checkov writes it).
Two kinds of checkov resources are related to their KubeKit counterpart rather than equal to it:

- CKV2_K8S_6 reports a synthetic Pod per workload, named `<workload>.<label>-<value>...`: it
  matches the workload of that name in the namespace;
- the RBAC graph checks (CKV2_K8S_1..5) report the RoleBinding; KubeKit reports the Role or
  ClusterRole that grants the permission, so the binding's roleRef target matches too.

A checkov finding on a document KubeKit reports as one the API server refuses (K8S-SCHEMA,
POLICY-API-VERSION-REMOVED) counts as answered by that finding: KubeKit runs no policy rule on it.

The comparison runs twice: on corpus + fixtures, and on the fixtures alone, because checkov links
a NetworkPolicy with `podSelector: {}` to pods in every namespace, so the corpus's deny-all policy
in "default" keeps CKV2_K8S_6 from ever firing on the combined sample. Every check checkov lists
(`checkov -l --framework kubernetes`) must fire in one of the two runs.

Printed: checkov's findings and how many matched; KubeKit's findings by rules checkov has no
check for, by rule ID (what KubeKit finds that checkov misses); KubeKit findings of mapped rules
on resources where checkov's counterparts stayed silent (`--list-stricter` lists each).

Exit status 0 when every checkov finding has a counterpart that fired, every check ID that fired
is in one of the two tables and every check fired; 1 otherwise, listing each finding without a
counterpart, each unmapped check ID and each check that never fired; 2 when a tool cannot be run.

The KubeKit binary is --kubekit, else $KUBEKIT_BIN, else `swift build --show-bin-path`/kubekit.
checkov is --checkov, else the `checkov` beside this Python interpreter (the oracle env from
`../shared/oracles/setup --peers`).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# checkov check ID -> KubeKit rule IDs that count as its counterpart (any one firing is enough).
CHECKOV_TO_KUBEKIT = {
    "CKV_K8S_8": ["POLICY-LIVENESS-PROBE"],
    "CKV_K8S_9": ["POLICY-READINESS-PROBE"],
    "CKV_K8S_10": ["POLICY-RESOURCE-REQUESTS"],  # cpu requests
    "CKV_K8S_11": ["POLICY-CPU-LIMIT"],
    "CKV_K8S_12": ["POLICY-RESOURCE-REQUESTS"],  # memory requests
    "CKV_K8S_13": ["POLICY-MEMORY-LIMIT"],
    "CKV_K8S_14": ["POLICY-IMAGE-TAG"],
    "CKV_K8S_15": ["POLICY-IMAGE-PULL-POLICY"],
    "CKV_K8S_16": ["POLICY-PRIVILEGED-CONTAINER"],
    "CKV_K8S_17": ["POLICY-HOST-NAMESPACES"],  # hostPID
    "CKV_K8S_18": ["POLICY-HOST-NAMESPACES"],  # hostIPC
    "CKV_K8S_19": ["POLICY-HOST-NAMESPACES"],  # hostNetwork
    "CKV_K8S_20": ["POLICY-PRIVILEGE-ESCALATION"],
    "CKV_K8S_21": ["POLICY-DEFAULT-NAMESPACE"],
    "CKV_K8S_22": ["POLICY-READ-ONLY-ROOT-FILESYSTEM"],
    "CKV_K8S_23": ["POLICY-RUN-AS-NON-ROOT"],
    "CKV_K8S_25": ["POLICY-CAPABILITIES-ADDED"],
    "CKV_K8S_26": ["POLICY-HOST-PORT"],
    "CKV_K8S_27": ["POLICY-RUNTIME-SOCKET"],
    "CKV_K8S_28": ["POLICY-CAPABILITIES-DROP-ALL"],  # NET_RAW not dropped
    # checkov asks for a pod-level securityContext object; KubeKit checks the settings it would
    # carry (at pod or container level), so a pod without one fails at least one of these.
    "CKV_K8S_29": ["POLICY-RUN-AS-NON-ROOT", "POLICY-SECCOMP-PROFILE", "POLICY-RUN-AS-HIGH-UID"],
    # A container without a securityContext fails all three of these.
    "CKV_K8S_30": ["POLICY-PRIVILEGE-ESCALATION", "POLICY-READ-ONLY-ROOT-FILESYSTEM", "POLICY-CAPABILITIES-DROP-ALL"],
    "CKV_K8S_31": ["POLICY-SECCOMP-PROFILE"],
    "CKV_K8S_33": ["POLICY-KUBERNETES-DASHBOARD"],
    "CKV_K8S_34": ["POLICY-HELM-TILLER"],
    "CKV_K8S_35": ["POLICY-SECRET-IN-ENV"],
    "CKV_K8S_37": ["POLICY-CAPABILITIES-DROP-ALL"],
    "CKV_K8S_38": ["POLICY-SA-TOKEN-AUTOMOUNT"],
    "CKV_K8S_39": ["POLICY-CAPABILITIES-ADDED"],  # SYS_ADMIN added
    "CKV_K8S_40": ["POLICY-RUN-AS-HIGH-UID"],
    "CKV_K8S_41": ["POLICY-DEFAULT-SERVICE-ACCOUNT"],  # default SA mounts its token
    "CKV_K8S_42": ["POLICY-DEFAULT-SERVICE-ACCOUNT"],  # a binding grants the default SA
    "CKV_K8S_43": ["POLICY-IMAGE-DIGEST"],
    "CKV_K8S_44": ["POLICY-HELM-TILLER"],  # Tiller's Service
    "CKV_K8S_45": ["POLICY-HELM-TILLER"],  # Tiller listening beyond localhost
    "CKV_K8S_49": ["POLICY-RBAC-WILDCARD"],
    "CKV_K8S_152": ["POLICY-INGRESS-SNIPPET"],  # snippet with Lua
    "CKV_K8S_153": ["POLICY-INGRESS-SNIPPET"],  # any snippet
    "CKV_K8S_154": ["POLICY-INGRESS-SNIPPET"],  # snippet with alias
    # The RBAC permission checks also fail on '*', which KubeKit reports as a wildcard.
    "CKV_K8S_155": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # admission webhooks
    "CKV_K8S_156": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # approve CSRs
    "CKV_K8S_157": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # bind
    "CKV_K8S_158": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # escalate
    "CKV_K8S_159": ["POLICY-GIT-SYNC-GIT"],
    "CKV2_K8S_1": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # bind role bindings
    "CKV2_K8S_2": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # pods/exec, nodes/proxy
    "CKV2_K8S_3": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # impersonate
    "CKV2_K8S_4": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # services/status
    "CKV2_K8S_5": ["POLICY-RBAC-SENSITIVE-PERMISSION", "POLICY-RBAC-WILDCARD"],  # read all secrets
    "CKV2_K8S_6": ["POLICY-NETWORK-POLICY-MISSING"],
}
# The PodSecurityPolicy checks: policy/v1beta1 PodSecurityPolicy is not served since Kubernetes
# 1.25, so KubeKit reports the document itself (Pod Security Admission replaced it; the
# pod-security and pss-* policy sets check the pods instead).
for _id in (1, 2, 3, 4, 5, 6, 7, 24, 32, 36):
    CHECKOV_TO_KUBEKIT[f"CKV_K8S_{_id}"] = ["POLICY-API-VERSION-REMOVED"]

# KubeKit rules that say a document cannot be applied at all (it does not match its kind's schema,
# or its API version is no longer served). KubeKit reports that and runs no policy rule on the
# document, so a checkov finding on such a resource counts as answered by it.
DOCUMENT_LEVEL_RULES = {"K8S-SCHEMA", "POLICY-API-VERSION-REMOVED"}

_CONTROL_PLANE = (
    "command-line flags of self-managed control-plane components (kube-apiserver, "
    "kube-controller-manager, kube-scheduler, etcd, kubelet) run as static pods: CIS benchmark "
    "items about how the cluster itself is configured, not about workload manifests; on EKS the "
    "control plane is managed and these pods do not exist"
)
# checkov check IDs KubeKit deliberately has no counterpart for, with the reason.
NO_COUNTERPART = {}
for _id in range(68, 152):  # CKV_K8S_78 checks an AdmissionConfiguration file
    NO_COUNTERPART.setdefault(f"CKV_K8S_{_id}", _CONTROL_PLANE)

BINDING_KINDS = {"RoleBinding", "ClusterRoleBinding"}
SAMPLE_SUFFIXES = (".yaml", ".yml", ".json")
LIST_STRICTER = False  # --list-stricter: print each KubeKit finding counted as "checkov silent"


def fail(message):
    print(f"compare-checkov: {message}", file=sys.stderr)
    sys.exit(2)


def build_sample(shared, root, directory):
    corpus = os.path.join(shared, "corpus", "manifests")
    readable = os.path.join(shared, "corpus", "kubectl-json")
    if not os.path.isdir(corpus) or not os.path.isdir(readable):
        fail(f"no corpus at {corpus} (give --shared)")
    os.makedirs(os.path.join(directory, "corpus"))
    corpus_files = 0
    for name in sorted(os.listdir(corpus)):
        if os.path.exists(os.path.join(readable, name + ".kubectl.jsonl")):
            shutil.copy(os.path.join(corpus, name), os.path.join(directory, "corpus", name))
            corpus_files += 1
    fixtures = os.path.join(root, "Tests", "KubeValidationTests", "Fixtures", "checkov-sample")
    os.makedirs(os.path.join(directory, "fixtures"))
    fixture_files = 0
    for name in sorted(os.listdir(fixtures)):
        if name.endswith(SAMPLE_SUFFIXES):
            shutil.copy(os.path.join(fixtures, name), os.path.join(directory, "fixtures", name))
            fixture_files += 1
    return corpus_files, fixture_files


def role_refs(directory):
    """binding key -> the key of the Role/ClusterRole its roleRef names, read from the sample."""
    import yaml  # in the oracle env

    refs = {}
    for folder, _, names in os.walk(directory):
        for name in names:
            if not name.endswith(SAMPLE_SUFFIXES):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                try:
                    documents = list(yaml.safe_load_all(handle))
                except yaml.YAMLError:
                    continue
            for document in documents:
                if not isinstance(document, dict) or document.get("kind") not in BINDING_KINDS:
                    continue
                metadata = document.get("metadata") or {}
                ref = document.get("roleRef") or {}
                namespace = metadata.get("namespace") or "default"
                binding = (document["kind"], namespace, metadata.get("name", ""))
                target_namespace = namespace if ref.get("kind") == "Role" else "default"
                refs[binding] = (ref.get("kind", ""), target_namespace, ref.get("name", ""))
    return refs


def run_checkov(checkov, directory):
    process = subprocess.run(
        [checkov, "-d", directory, "--framework", "kubernetes", "--skip-download", "-o", "json", "--quiet"],
        capture_output=True, text=True)
    try:
        reports = json.loads(process.stdout) if process.stdout.strip() else []
    except json.JSONDecodeError:
        fail(f"checkov did not write JSON (exit {process.returncode}): {process.stderr[-2000:]}")
    if isinstance(reports, dict):
        reports = [reports]
    findings = set()
    parse_errors = 0
    for report in reports:
        if report.get("check_type") not in (None, "kubernetes"):
            continue
        parse_errors += report.get("summary", {}).get("parsing_errors", 0)
        for check in report.get("results", {}).get("failed_checks", []):
            kind, _, rest = check["resource"].partition(".")
            namespace, _, name = rest.partition(".")
            findings.add((check["check_id"], (kind, namespace, name), check.get("file_path", "")))
    return findings, parse_errors


def list_checkov_checks(checkov):
    """Every Kubernetes check ID checkov has (`checkov -l --framework kubernetes`)."""
    process = subprocess.run([checkov, "-l", "--framework", "kubernetes"], capture_output=True, text=True)
    ids = set(re.findall(r"\bCKV2?_K8S_\d+\b", process.stdout))
    if not ids:
        fail(f"checkov -l listed no Kubernetes checks (exit {process.returncode}): {process.stderr[-2000:]}")
    return ids


def run_kubekit(kubekit, directory):
    process = subprocess.run(
        [kubekit, "validate", "--format", "json", "--policy", "best-practice", "--policy", "cross-resource",
         directory],
        capture_output=True, text=True)
    if process.returncode not in (0, 1):
        fail(f"kubekit validate exited {process.returncode}: {process.stderr[-2000:]}")
    diagnostics = json.loads(process.stdout)["diagnostics"]
    fired = collections.defaultdict(set)  # resource key -> rule IDs
    for diagnostic in diagnostics:
        resource = diagnostic.get("resource") or {}
        key = (resource.get("kind", ""), resource.get("namespace") or "default", resource.get("name", ""))
        fired[key].add(diagnostic["ruleId"])
    return diagnostics, fired


def candidates(check_id, resource, fired, refs):
    """The KubeKit resources whose findings can answer a checkov finding on `resource`."""
    keys = [resource]
    kind, namespace, name = resource
    if check_id == "CKV2_K8S_6" and kind == "Pod":
        keys += [key for key in fired if key[1] == namespace and name.startswith(key[2] + ".")]
    if kind in BINDING_KINDS and resource in refs:
        keys.append(refs[resource])
    return keys


def stricter_findings(diagnostics, checkov_findings, refs):
    """KubeKit findings of mapped rules on resources where no checkov counterpart check fired, by rule."""
    checks_by_rule = collections.defaultdict(set)
    for check_id, rules in CHECKOV_TO_KUBEKIT.items():
        for rule in rules:
            checks_by_rule[rule].add(check_id)
    reported = collections.defaultdict(set)  # KubeKit-side resource key -> checkov check IDs on it
    for check_id, (kind, namespace, name), _ in checkov_findings:
        reported[(kind, namespace, name)].add(check_id)
        if check_id == "CKV2_K8S_6" and "." in name:
            # A synthetic pod <workload>.<labels>: credit every workload name prefix.
            parts = name.split(".")
            for end in range(1, len(parts)):
                reported[("*", namespace, ".".join(parts[:end]))].add(check_id)
        if (kind, namespace, name) in refs:
            reported[refs[(kind, namespace, name)]].add(check_id)
    counts = collections.Counter()
    for diagnostic in diagnostics:
        checks = checks_by_rule.get(diagnostic["ruleId"])
        if not checks:
            continue
        resource = diagnostic.get("resource") or {}
        key = (resource.get("kind", ""), resource.get("namespace") or "default", resource.get("name", ""))
        seen = reported.get(key, set()) | reported.get(("*", key[1], key[2]), set())
        if not seen & checks:
            counts[diagnostic["ruleId"]] += 1
            if LIST_STRICTER:
                print(f"    stricter: {diagnostic['ruleId']} on {key[0]} {key[1]}/{key[2]}: {diagnostic['message'][:100]}")
    return counts


def compare(label, directory, checkov, kubekit, verbose):
    """Runs both tools on one directory; prints the counts; returns (check IDs fired, problems)."""
    checkov_findings, parse_errors = run_checkov(checkov, directory)
    diagnostics, fired = run_kubekit(kubekit, directory)
    refs = role_refs(directory)

    unmapped = collections.Counter()
    without_counterpart = collections.Counter()
    missing = []
    matched = 0
    refused = collections.defaultdict(set)  # resource -> the document-level rules that fired on it
    refused_findings = 0
    checks_fired = set()
    for check_id, resource, path in sorted(checkov_findings):
        checks_fired.add(check_id)
        if check_id in NO_COUNTERPART:
            without_counterpart[check_id] += 1
            continue
        rules = CHECKOV_TO_KUBEKIT.get(check_id)
        if rules is None:
            unmapped[check_id] += 1
            continue
        if any(set(rules) & fired.get(key, set()) for key in candidates(check_id, resource, fired, refs)):
            matched += 1
        elif DOCUMENT_LEVEL_RULES & fired.get(resource, set()):
            refused[resource] |= DOCUMENT_LEVEL_RULES & fired[resource]
            refused_findings += 1
        else:
            missing.append((check_id, resource, path, rules))

    mapped_rules = {rule for rules in CHECKOV_TO_KUBEKIT.values() for rule in rules}
    kubekit_only = collections.Counter(d["ruleId"] for d in diagnostics if d["ruleId"] not in mapped_rules)
    mapped_findings = sum(1 for d in diagnostics if d["ruleId"] in mapped_rules)
    stricter = stricter_findings(diagnostics, checkov_findings, refs)

    total = len(checkov_findings)
    no_counterpart = sum(without_counterpart.values())
    print(f"== {label}")
    print(f"checkov: {total} findings (check x resource) from {len(checks_fired)} check IDs, parsing errors: "
          f"{parse_errors}; {total - no_counterpart} by checks with a KubeKit counterpart, {no_counterpart} by "
          f"{len(without_counterpart)} checks listed as no counterpart")
    print(f"matched: {matched} of {total - no_counterpart - sum(unmapped.values())} "
          f"(a mapped KubeKit rule fired on the same resource), {refused_findings} answered by a document-level "
          f"error, {len(missing)} without a counterpart")
    if refused and verbose:
        print(f"answered by a document-level KubeKit error: {refused_findings} findings on {len(refused)} resources "
              "that the API server would refuse, so KubeKit reports that instead of linting them:")
        for (kind, namespace, name), rules in sorted(refused.items()):
            print(f"  {kind} {namespace}/{name}: {', '.join(sorted(rules))}")
    print(f"KubeKit: {len(diagnostics)} findings; {mapped_findings} by rules that have a checkov counterpart, "
          f"{sum(kubekit_only.values())} by {len(kubekit_only)} rules checkov has no check for"
          + (":" if verbose else ""))
    if verbose:
        for rule, count in sorted(kubekit_only.items(), key=lambda item: (-item[1], item[0])):
            print(f"  {rule:40} {count}")
        print(f"KubeKit findings by mapped rules on resources where none of the rule's checkov counterparts "
              f"fired ({sum(stricter.values())}):")
        for rule, count in sorted(stricter.items(), key=lambda item: (-item[1], item[0])):
            print(f"  {rule:40} {count}")
        reasons = collections.defaultdict(list)
        for check_id in without_counterpart:
            reasons[NO_COUNTERPART[check_id]].append(check_id)
        for reason, ids in reasons.items():
            count = sum(without_counterpart[i] for i in ids)
            print(f"no counterpart, by design ({len(ids)} checks, {count} findings): {reason}")

    problems = []
    if unmapped:
        problems.append(f"{label}: {len(unmapped)} checkov check IDs fired that are in neither table:")
        problems += [f"  {check_id} ({count} findings)" for check_id, count in sorted(unmapped.items())]
    if missing:
        problems.append(f"{label}: {len(missing)} checkov findings without a KubeKit counterpart that fired:")
        problems += [f"  {check_id} on {kind} {namespace}/{name} ({path}): expected one of {', '.join(rules)}"
                     for check_id, (kind, namespace, name), path, rules in missing]
    return checks_fired, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--shared", default=os.environ.get("KUBEKIT_SHARED", os.path.join(os.path.dirname(root), "shared")))
    parser.add_argument("--kubekit", default=os.environ.get("KUBEKIT_BIN"))
    parser.add_argument("--checkov", default=os.path.join(os.path.dirname(sys.executable), "checkov"))
    parser.add_argument("--keep", help="write the sample to this directory and keep it")
    parser.add_argument("--list-stricter", action="store_true",
                        help="list each finding of a mapped rule on a resource where checkov's counterparts were silent")
    arguments = parser.parse_args()
    global LIST_STRICTER
    LIST_STRICTER = arguments.list_stricter

    if not (os.path.isfile(arguments.checkov) and os.access(arguments.checkov, os.X_OK)):
        fail(f"checkov not found at {arguments.checkov}; install it with ../shared/oracles/setup --peers "
             "and run this script with that env's python (or give --checkov)")
    kubekit = arguments.kubekit
    if not kubekit:
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True)
        kubekit = os.path.join(bin_path.stdout.strip(), "kubekit")
    if not os.path.isfile(kubekit):
        fail(f"no kubekit binary at {kubekit} (swift build first, or give --kubekit)")

    overlap = set(CHECKOV_TO_KUBEKIT) & set(NO_COUNTERPART)
    if overlap:
        fail(f"check IDs both mapped and listed without counterpart: {sorted(overlap)}")

    directory = arguments.keep or tempfile.mkdtemp(prefix="kubekit-checkov-")
    if arguments.keep and os.path.exists(directory):
        shutil.rmtree(directory)
    try:
        corpus_files, fixture_files = build_sample(arguments.shared, root, directory)
        print(f"sample: {corpus_files} corpus files kubectl reads + {fixture_files} checkov-sample fixtures")
        every_check = list_checkov_checks(arguments.checkov)
        fired_all, problems = compare("corpus + fixtures", directory, arguments.checkov, kubekit, verbose=True)
        # The fixtures alone too: checkov links a NetworkPolicy with podSelector {} to pods in every
        # namespace, so with the corpus's deny-all policy in "default" CKV2_K8S_6 never fires.
        fired_fixtures, more = compare(
            "fixtures alone", os.path.join(directory, "fixtures"), arguments.checkov, kubekit, verbose=False)
        problems += more
    finally:
        if not arguments.keep:
            shutil.rmtree(directory, ignore_errors=True)

    fired = fired_all | fired_fixtures
    only_alone = sorted(fired_fixtures - fired_all)
    silent = sorted(every_check - fired, key=lambda i: (i.startswith("CKV2"), int(i.rsplit("_", 1)[1])))
    print(f"== coverage\ncheckov has {len(every_check)} Kubernetes checks; {len(every_check & fired)} fired"
          + (f" ({', '.join(only_alone)} only on the fixtures alone)" if only_alone else ""))
    if silent:
        problems.append(f"{len(silent)} checkov checks never fired, so the sample cannot show their counterpart; "
                        f"add a fixture under Tests/KubeValidationTests/Fixtures/checkov-sample/: {', '.join(silent)}")
    if problems:
        print("\nFAIL:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    print("OK: every checkov finding has a KubeKit counterpart that fired")
    return 0


if __name__ == "__main__":
    sys.exit(main())
