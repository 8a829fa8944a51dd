import KubeSerialization

/// Karpenter, eksctl and Flux documents that pass every rule of their ecosystem (and the CRD
/// schemas), so a test can break one field and see one rule fire.
enum EcosystemFixtures {
    static let nodePool = JSONValue.parse(
        """
        {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "general"},
         "spec": {"template": {"metadata": {"labels": {"team": "platform"}},
           "spec": {"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"},
            "requirements": [
              {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64", "arm64"]},
              {"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["spot", "on-demand"]},
              {"key": "karpenter.k8s.aws/instance-category", "operator": "In", "values": ["c", "m", "r"], "minValues": 2},
              {"key": "karpenter.k8s.aws/instance-generation", "operator": "Gt", "values": ["4"]}],
            "taints": [{"key": "example.com/dedicated", "value": "general", "effect": "NoSchedule"}],
            "expireAfter": "720h"}},
          "limits": {"cpu": "1000", "memory": "1000Gi"},
          "disruption": {"consolidationPolicy": "WhenEmptyOrUnderutilized", "consolidateAfter": "1m",
            "budgets": [{"nodes": "10%"}, {"nodes": "0", "schedule": "0 9 * * mon-fri", "duration": "8h"}]},
          "weight": 10}}
        """)

    static let nodeClass = JSONValue.parse(
        """
        {"apiVersion": "karpenter.k8s.aws/v1", "kind": "EC2NodeClass", "metadata": {"name": "default"},
         "spec": {"role": "KarpenterNodeRole-prod", "amiSelectorTerms": [{"alias": "al2023@latest"}],
          "subnetSelectorTerms": [{"tags": {"karpenter.sh/discovery": "prod"}}],
          "securityGroupSelectorTerms": [{"tags": {"karpenter.sh/discovery": "prod"}}],
          "tags": {"team": "platform"},
          "blockDeviceMappings": [{"deviceName": "/dev/xvda", "rootVolume": true,
            "ebs": {"volumeSize": "100Gi", "volumeType": "gp3", "encrypted": true}}],
          "kubelet": {"evictionSoft": {"memory.available": "5%"}, "evictionSoftGracePeriod": {"memory.available": "1m30s"},
            "imageGCHighThresholdPercent": 85, "imageGCLowThresholdPercent": 80, "kubeReserved": {"cpu": "100m"}},
          "metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 1}}}
        """)

    static let nodeClaim = JSONValue.parse(
        """
        {"apiVersion": "karpenter.sh/v1", "kind": "NodeClaim", "metadata": {"name": "general-x7k2p"},
         "spec": {"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"},
          "requirements": [{"key": "karpenter.sh/nodepool", "operator": "In", "values": ["general"]},
            {"key": "node.kubernetes.io/instance-type", "operator": "In", "values": ["m5.large"]}]}}
        """)

    static let nodeOverlay = JSONValue.parse(
        """
        {"apiVersion": "karpenter.sh/v1alpha1", "kind": "NodeOverlay", "metadata": {"name": "discount"},
         "spec": {"requirements": [{"key": "karpenter.k8s.aws/instance-family", "operator": "In", "values": ["m5"]}],
          "priceAdjustment": "-10%", "weight": 10}}
        """)

    static let clusterConfig = JSONValue.parse(
        """
        {"apiVersion": "eksctl.io/v1alpha5", "kind": "ClusterConfig",
         "metadata": {"name": "prod", "region": "us-west-2", "version": "1.34"},
         "iam": {"withOIDC": true,
          "serviceAccounts": [{"metadata": {"name": "external-dns", "namespace": "kube-system"},
            "wellKnownPolicies": {"externalDNS": true}}],
          "podIdentityAssociations": [{"namespace": "shop", "serviceAccountName": "web",
            "permissionPolicyARNs": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]}]},
         "vpc": {"clusterEndpoints": {"publicAccess": true, "privateAccess": true}},
         "addons": [{"name": "vpc-cni"}, {"name": "eks-pod-identity-agent"}],
         "managedNodeGroups": [{"name": "system", "instanceType": "m5.large", "minSize": 2, "maxSize": 4,
           "desiredCapacity": 2, "privateNetworking": true}],
         "karpenter": {"version": "1.14.1"},
         "cloudWatch": {"clusterLogging": {"enableTypes": ["api", "audit"], "logRetentionInDays": 30}}}
        """)

    static let gitRepository = JSONValue.parse(
        """
        {"apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
         "metadata": {"name": "platform", "namespace": "flux-system"},
         "spec": {"interval": "5m", "url": "https://github.com/example/platform", "ref": {"branch": "main"}}}
        """)

    static let infrastructure = JSONValue.parse(
        """
        {"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
         "metadata": {"name": "infra", "namespace": "flux-system"},
         "spec": {"interval": "10m", "path": "./infra", "prune": true,
          "sourceRef": {"kind": "GitRepository", "name": "platform"}}}
        """)

    static let apps = JSONValue.parse(
        """
        {"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
         "metadata": {"name": "apps", "namespace": "flux-system"},
         "spec": {"interval": "10m", "path": "./apps", "prune": true, "dependsOn": [{"name": "infra"}],
          "sourceRef": {"kind": "GitRepository", "name": "platform"}}}
        """)

    static let helmRepository = JSONValue.parse(
        """
        {"apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
         "metadata": {"name": "bitnami", "namespace": "flux-system"},
         "spec": {"interval": "1h", "url": "https://charts.bitnami.com/bitnami"}}
        """)

    static let helmRelease = JSONValue.parse(
        """
        {"apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
         "metadata": {"name": "redis", "namespace": "flux-system"},
         "spec": {"interval": "10m",
          "chart": {"spec": {"chart": "redis", "version": "18.x", "sourceRef": {"kind": "HelmRepository", "name": "bitnami"}}},
          "install": {"strategy": {"name": "RetryOnFailure", "retryInterval": "2m"}}}}
        """)

    static let ociRepository = JSONValue.parse(
        """
        {"apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "OCIRepository",
         "metadata": {"name": "podinfo", "namespace": "flux-system"},
         "spec": {"interval": "10m", "url": "oci://ghcr.io/stefanprodan/charts/podinfo", "ref": {"tag": "6.5.0"}}}
        """)
}
