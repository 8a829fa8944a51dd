#!/usr/bin/env python3
"""Field coverage of fixture manifests against their schemas: lists every schema property path
that no fixture document sets.

usage: fixture-coverage.py [--schema CRD_OR_JSON_SCHEMA ...] [--kind KIND ...] [--ignore PATTERN ...]
                           [--list] [--quiet] PATH ...

  PATH            fixture files or directories (YAML, JSON, NDJSON; directories are walked).
                  A CustomResourceDefinition or a JSON Schema found among them is used as a schema
                  instead of a fixture, so `fixture-coverage.py crds/ fixtures/` works too.
  --schema        CRD YAML file, JSON Schema file (e.g. eksctl's schema.json) or a directory of
                  them (top level only). Repeatable.
  --kind          only report these kinds (default: every kind of every schema given).
  --ignore        pattern on `Kind:path`, `*` matching any characters (e.g.
                  `ClusterConfig:identityProviders*`), for paths known not to be settable; they
                  are listed as IGNORED, not missing. Repeatable.
  --list          print every path with the number of documents that set it.
  --quiet         print only missing paths and the summary.

Which schema a document is checked against: CRDs by apiVersion (group/version) + kind, using the
openAPIV3Schema of that version; every CRD's storage version is reported even when no fixture
uses it (then everything is missing), other served versions only when a fixture uses them. JSON
Schemas by `x-kubernetes-group-version-kind` on the root (or the definition its `$ref` points to),
else by `apiVersion`/`kind` `enum`/`const` in the root properties.

Paths: `spec.a.b`; array items are `[]` (`spec.list[]`, `spec.list[].field`); values of an
`additionalProperties` (or `patternProperties`) map are `.*` (`spec.labels.*`). `$ref`s are
followed (local JSON pointers only); properties of `allOf`/`anyOf`/`oneOf` branches are merged.
A free-form schema (`x-kubernetes-preserve-unknown-fields`) or a recursive one (a `$ref` already
being expanded) only requires the field itself. A `null` value does not count as set.

Example (what the all-fields fixtures are checked with):
    fixture-coverage.py --schema ../shared/reference/flux Tests/CRDModelsTests/Fixtures/flux-all-fields

exit: 0 every path of every reported kind is set; 1 some path is missing (or a reported kind has
no fixture documents); 2 usage error or an unreadable fixture file."""
import argparse
import json
import os
import re
import sys

import yaml

SCHEMA_EXT = (".yaml", ".yml", ".json")
DOC_EXT = (".yaml", ".yml", ".json", ".jsonl", ".ndjson")


# ---- reading --------------------------------------------------------------------------------
def read_docs(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith((".json", ".jsonl", ".ndjson")):
        try:
            objs = [json.loads(text)]
        except json.JSONDecodeError:
            objs = [json.loads(l) for l in text.splitlines() if l.strip()]
        out = []
        for d in objs:
            items = d.get("items") if isinstance(d, dict) and str(d.get("kind", "")).endswith("List") \
                and not is_json_schema(d) else None
            out.extend(items if items is not None else [d])
        return out
    out = []
    for d in yaml.safe_load_all(text):
        if isinstance(d, dict) and str(d.get("kind", "")).endswith("List") and isinstance(d.get("items"), list):
            out.extend(d["items"])
        elif d is not None:
            out.append(d)
    return out


def walk_files(path, exts, recursive=True):
    if os.path.isfile(path):
        return [path]
    out = []
    for root, dirs, names in os.walk(path):
        dirs.sort()
        out.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(exts))
        if not recursive:
            break
    return out


def is_crd(d):
    return isinstance(d, dict) and d.get("kind") == "CustomResourceDefinition" \
        and str(d.get("apiVersion", "")).startswith("apiextensions.k8s.io/")


def is_json_schema(d):
    return isinstance(d, dict) and ("$schema" in d or "definitions" in d or "$defs" in d) \
        and "apiVersion" not in d


# ---- schema access ----------------------------------------------------------------------------
class Target:
    """One kind at one version, with its root schema and the document the `$ref`s resolve in."""

    def __init__(self, kind, api_version, schema, root, source, always):
        self.kind, self.api_version, self.schema, self.root = kind, api_version, schema, root
        self.source, self.always = source, always
        self.docs = 0
        self.counts = {}

    @property
    def label(self):
        return f"{self.kind} ({self.api_version})"


def resolve_ref(root, ref):
    if not ref.startswith("#"):
        raise SystemExit(f"fixture-coverage: only local $refs are supported, got {ref!r}")
    node = root
    for part in ref[1:].lstrip("/").split("/") if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def expand(root, schema, stack):
    """Follows $refs; returns (schema, new_stack, recursive?)."""
    seen = []
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if ref in stack or ref in seen:
            return schema, stack, True
        seen.append(ref)
        schema = resolve_ref(root, ref)
    return schema, stack + tuple(seen), False


def free_form(schema):
    return bool(schema.get("x-kubernetes-preserve-unknown-fields"))


def branches(root, schema, stack):
    """schema plus every allOf/anyOf/oneOf branch (expanded), for merging properties."""
    out = [(schema, stack)]
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key) or []:
            s, st, rec = expand(root, sub, stack)
            if not rec and isinstance(s, dict):
                out.extend(branches(root, s, st))
    return out


def shape(root, schema, stack):
    """Merged view of a schema node: (properties {name: (schema, stack)}, additional (schema, stack)
    or None, items (schema, stack) or None)."""
    props, additional, items = {}, None, None
    for s, st in branches(root, schema, stack):
        for k, v in (s.get("properties") or {}).items():
            props.setdefault(k, (v, st))
        ap = s.get("additionalProperties")
        if isinstance(ap, dict) and additional is None:
            additional = (ap, st)
        for pp in (s.get("patternProperties") or {}).values():  # treated like additionalProperties
            if isinstance(pp, dict) and additional is None:
                additional = (pp, st)
        it = s.get("items")
        if isinstance(it, dict) and items is None:
            items = (it, st)
        elif isinstance(it, list) and it and items is None:  # tuple form: treat like the first
            items = (it[0], st)
    return props, additional, items


def join(prefix, seg):
    if seg == "[]":
        return prefix + "[]"
    return f"{prefix}.{seg}" if prefix else seg


def all_paths(root, schema, prefix="", stack=(), out=None):
    out = [] if out is None else out
    schema, stack, rec = expand(root, schema, stack)
    if rec or not isinstance(schema, dict) or free_form(schema):
        return out
    props, additional, items = shape(root, schema, stack)
    for k in sorted(props):
        p = join(prefix, k)
        out.append(p)
        all_paths(root, props[k][0], p, props[k][1], out)
    if additional is not None:
        p = join(prefix, "*")
        out.append(p)
        all_paths(root, additional[0], p, additional[1], out)
    if items is not None:
        p = join(prefix, "[]")
        out.append(p)
        all_paths(root, items[0], p, items[1], out)
    return out


def cover(root, schema, value, prefix, stack, hits, unknown):
    """Adds every path `value` sets (below prefix) to hits."""
    if value is None:
        return
    schema, stack, rec = expand(root, schema, stack)
    if rec or not isinstance(schema, dict) or free_form(schema):
        return
    props, additional, items = shape(root, schema, stack)
    if isinstance(value, dict):
        for k, v in value.items():
            if v is None:
                continue
            if k in props:
                p = join(prefix, k)
                hits.add(p)
                cover(root, props[k][0], v, p, props[k][1], hits, unknown)
            elif additional is not None:
                p = join(prefix, "*")
                hits.add(p)
                cover(root, additional[0], v, p, additional[1], hits, unknown)
            elif props:
                unknown.add(join(prefix, str(k)))
    elif isinstance(value, list) and items is not None:
        for v in value:
            if v is None:
                continue
            p = join(prefix, "[]")
            hits.add(p)
            cover(root, items[0], v, p, items[1], hits, unknown)


# ---- loading schemas ----------------------------------------------------------------------------
def crd_targets(crd, source):
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    out = []
    for v in crd["spec"].get("versions") or []:
        schema = ((v.get("schema") or {}).get("openAPIV3Schema"))
        if not schema or not v.get("served", True):
            continue
        out.append(Target(kind, f"{group}/{v['name']}", schema, schema, source, bool(v.get("storage"))))
    return out


def json_schema_targets(js, source):
    schema, _, _ = expand(js, js, ())
    gvks = schema.get("x-kubernetes-group-version-kind") or js.get("x-kubernetes-group-version-kind") or []
    pairs = []
    for g in gvks:
        av = f"{g['group']}/{g['version']}" if g.get("group") else g["version"]
        pairs.append((g["kind"], av))
    if not pairs:
        props = schema.get("properties") or {}

        def values(p):
            p = props.get(p) or {}
            return [p["const"]] if "const" in p else list(p.get("enum") or [])
        pairs = [(k, av) for k in values("kind") for av in values("apiVersion")]
    if not pairs:
        raise SystemExit(f"fixture-coverage: {source}: cannot tell which kind this JSON Schema describes")
    return [Target(k, av, js, js, source, True) for k, av in pairs]


def load_schema_file(path, targets):
    """Adds the targets a schema file defines; returns True if the file was a schema."""
    try:
        docs = read_docs(path)
    except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError):
        return False
    found = False
    for d in docs:
        if is_crd(d):
            targets.extend(crd_targets(d, path))
            found = True
        elif is_json_schema(d):
            targets.extend(json_schema_targets(d, path))
            found = True
    return found


# ---- main -------------------------------------------------------------------------------------
def glob_regex(pattern):
    """`*` matches anything (dots and brackets included); everything else is literal."""
    return re.compile("".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--schema", action="append", default=[])
    ap.add_argument("--kind", action="append", default=[])
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()

    targets = []
    for s in a.schema:
        if not os.path.exists(s):
            ap.error(f"no such schema: {s}")
        for f in walk_files(s, SCHEMA_EXT, recursive=False):
            load_schema_file(f, targets)
    fixtures = []  # (file, doc)
    unreadable = 0
    for p in a.paths:
        if not os.path.exists(p):
            ap.error(f"no such file or directory: {p}")
        for f in walk_files(p, DOC_EXT):
            try:
                docs = read_docs(f)
            except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError) as e:
                print(f"error: {f}: cannot read: {str(e).splitlines()[0]}", file=sys.stderr)
                unreadable += 1
                continue
            if any(is_crd(d) or is_json_schema(d) for d in docs):
                load_schema_file(f, targets)
                continue
            fixtures.extend((f, d) for d in docs if isinstance(d, dict))
    if not targets:
        ap.error("no schema given (a CRD or a JSON Schema, via --schema or among the paths)")

    by_key = {}
    for t in targets:  # a later schema for the same kind/version wins
        prev = by_key.get((t.api_version, t.kind))
        if prev is not None and prev.source != t.source:
            print(f"note: {t.label}: schema from {t.source} replaces {prev.source}", file=sys.stderr)
        by_key[(t.api_version, t.kind)] = t

    unmatched = []
    for f, d in fixtures:
        t = by_key.get((d.get("apiVersion"), d.get("kind")))
        if t is None:
            unmatched.append(f"{f}: {d.get('apiVersion')} {d.get('kind')}")
            continue
        t.docs += 1
        hits, unknown = set(), set()
        cover(t.root, t.schema, d, "", (), hits, unknown)
        for h in hits:
            t.counts[h] = t.counts.get(h, 0) + 1
        for u in sorted(unknown):
            print(f"warning: {f}: {t.kind}/{(d.get('metadata') or {}).get('name')}: "
                  f"`{u}` is not in the schema", file=sys.stderr)
    for u in unmatched:
        print(f"note: no schema for {u} (not counted)", file=sys.stderr)

    report = [t for t in by_key.values() if (t.always or t.docs) and (not a.kind or t.kind in a.kind)]
    report.sort(key=lambda t: (t.kind, t.api_version))
    if a.kind:
        missing_kinds = set(a.kind) - {t.kind for t in report}
        if missing_kinds:
            ap.error(f"no schema for kind(s): {', '.join(sorted(missing_kinds))}")

    ignores = [glob_regex(g) for g in a.ignore]
    rc, total_missing = 0, 0
    for t in report:
        paths = all_paths(t.root, t.schema)
        ignored = [p for p in paths if t.counts.get(p, 0) == 0
                   and any(g.match(f"{t.kind}:{p}") for g in ignores)]
        missing = [p for p in paths if t.counts.get(p, 0) == 0 and p not in ignored]
        set_n = len(paths) - len(missing) - len(ignored)
        if a.list:
            for p in paths:
                print(f"  {t.counts.get(p, 0):4d}  {t.kind}:{p}")
        for p in missing:
            print(f"MISSING {t.kind}:{p}")
        if not a.quiet:
            for p in ignored:
                print(f"IGNORED {t.kind}:{p}")
        status = "OK  " if not missing and t.docs else "FAIL"
        extra = f", {len(ignored)} ignored" if ignored else ""
        print(f"{status} {t.label}: {t.docs} document(s), {set_n}/{len(paths)} paths set, "
              f"{len(missing)} missing{extra}  [{os.path.basename(t.source)}]")
        if missing or not t.docs:
            rc = 1
        total_missing += len(missing)
    print(f"{len(report)} kind(s), {total_missing} missing path(s)"
          + (f", {unreadable} unreadable file(s)" if unreadable else ""))
    return max(rc, 2) if unreadable else rc


if __name__ == "__main__":
    sys.exit(main())
