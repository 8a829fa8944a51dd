#!/usr/bin/env python3
"""Lists the corpus documents (kubectl JSON) that the oracles reject, one `file#index` per line.

    corpus-oracle-verdicts.py ORACLE_PYTHON SHARED_DIR > Tests/KubeModelsTests/Fixtures/corpus-oracle-rejections.txt

Only built-in Kubernetes kinds are listed (the kinds KubeModels decodes strictly). The model tests
expect exactly these documents to fail typed decoding, each with a field path; `.ci/run`
regenerates the list and fails if it differs from the committed one.
"""
import json
import os
import re
import subprocess
import sys

python, shared = sys.argv[1], sys.argv[2]
root = os.path.join(shared, "corpus", "kubectl-json")
builtin_groups = {"", "apps", "batch", "autoscaling", "policy", "networking.k8s.io",
                  "rbac.authorization.k8s.io", "scheduling.k8s.io", "storage.k8s.io",
                  "apiextensions.k8s.io"}
out = []
for name in sorted(os.listdir(root)):
    if not name.endswith(".kubectl.jsonl"):
        continue
    path = os.path.join(root, name)
    docs = [json.loads(line) for line in open(path) if line.strip()]
    result = subprocess.run([python, os.path.join(shared, "oracles", "validate.py"), path],
                            capture_output=True, text=True)
    for line in result.stdout.splitlines():
        m = re.match(r"FAIL \S+ (\S+)/(\S+)", line)
        if not m:
            continue
        kind, obj = m.group(1), m.group(2)
        for i, doc in enumerate(docs):
            group = doc.get("apiVersion", "").rpartition("/")[0]
            if doc.get("kind") == kind and doc.get("metadata", {}).get("name") == obj and group in builtin_groups:
                out.append("%s#%d" % (name, i + 1))
for entry in sorted(set(out)):
    print(entry)
