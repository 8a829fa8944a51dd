#!/usr/bin/env bash
# Regenerates the committed CRD models (Karpenter, AWS Load Balancer Controller, eksctl, Flux,
# Prometheus Operator) with `kubekit generate`.
#   Scripts/generate-crd-models.sh           write into Sources/
#   Scripts/generate-crd-models.sh --check   fail if the committed files differ
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${KUBEKIT_SHARED:-$(cd .. && pwd)/shared}"
REF="$SHARED/reference"
KUBEKIT="${KUBEKIT_BIN:-}"
if [ -z "$KUBEKIT" ]; then
    swift build --product kubekit >&2
    KUBEKIT="$(swift build --show-bin-path)/kubekit"
fi
OUT=Sources
if [ "${1:-}" = "--check" ]; then
    OUT=$(mktemp -d)
    trap 'rm -rf "$OUT"' EXIT
fi
# EC2NodeClass.spec.kubelet becomes free-form after Karpenter v1.14: known fields stay typed,
# any other kubelet setting is kept in `additionalFields`.
"$KUBEKIT" generate "$REF"/karpenter/*.yaml --registry Karpenter --open-type EC2NodeClass.Spec.Kubelet \
    --output "$OUT/KubeAWS/Generated/Karpenter"
"$KUBEKIT" generate "$REF"/aws-load-balancer-controller/*.yaml --registry LoadBalancerController \
    --output "$OUT/KubeAWS/Generated/LoadBalancerController"
"$KUBEKIT" generate --json-schema "$REF/eksctl/schema.json" --api-version eksctl.io/v1alpha5 --kind ClusterConfig \
    --output "$OUT/KubeAWS/Generated/EKS"
"$KUBEKIT" generate "$REF"/flux/*.yaml --registry Flux --output "$OUT/KubeFlux/Generated"
"$KUBEKIT" generate "$REF"/prometheus/*.yaml --registry Prometheus --output "$OUT/KubePrometheus/Generated"
if [ "${1:-}" = "--check" ]; then
    status=0
    for dir in KubeAWS/Generated KubeFlux/Generated KubePrometheus/Generated; do
        diff -ru "Sources/$dir" "$OUT/$dir" || status=1
    done
    if [ "$status" -ne 0 ]; then
        echo "generated CRD models are out of date: run Scripts/generate-crd-models.sh" >&2
        exit 1
    fi
    echo "generated CRD models are up to date"
fi
