import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

private typealias F = EcosystemFixtures

private func docs(_ values: JSONValue...) -> [Manifest] {
    manifests(values)
}

private func pool(_ changes: [String: JSONValue?]) -> JSONValue { F.nodePool.with(changes) }
private func nodeClass(_ changes: [String: JSONValue?]) -> JSONValue { F.nodeClass.with(changes) }
private func cluster(_ changes: [String: JSONValue?]) -> JSONValue { F.clusterConfig.with(changes) }
private let req = "spec.template.spec.requirements"

/// The NodePool with its node class, so only the rule under test can fire.
private func pooled(_ changes: [String: JSONValue?]) -> [Manifest] { docs(pool(changes), F.nodeClass) }
private let goodPool = docs(F.nodePool, F.nodeClass)

/// Every Karpenter, eksctl and Flux rule with a violating and a passing document set. Cases of API
/// rules restate what the CRD schemas and CEL rules express, so their violating documents are
/// also checked against the oracle (see `AgreementOutputTests`).
let ecosystemRuleCases: [RuleCase] = karpenterRuleCases + eksctlRuleCases + fluxRuleCases

let karpenterRuleCases: [RuleCase] = [
    RuleCase(rule: .karpenterSchema, bad: pooled(["spec.template.spec.nodeClassRef": nil]), good: goodPool),
    RuleCase(
        rule: .karpenterStaticLimits, bad: pooled(["spec.replicas": 3, "spec.weight": nil]),
        good: pooled(["spec.replicas": 3, "spec.weight": nil, "spec.limits": ["nodes": "5"]])),
    RuleCase(
        rule: .karpenterStaticWeight, bad: pooled(["spec.replicas": 3, "spec.limits": nil]),
        good: pooled(["spec.replicas": 3, "spec.limits": nil, "spec.weight": nil])),
    RuleCase(
        rule: .karpenterBudgetSchedule, bad: pooled(["spec.disruption.budgets[1].duration": nil]), good: goodPool),
    RuleCase(
        rule: .karpenterLabelRestricted,
        bad: pooled(["spec.template.metadata.labels": ["team": "platform", "kubernetes.io/hostname": "node-1"]]),
        good: goodPool),
    RuleCase(
        rule: .karpenterRequirementKeyRestricted, bad: pooled(["\(req)[3].key": "karpenter.k8s.aws/instance-pods"]),
        good: goodPool),
    RuleCase(
        rule: .karpenterNodeClassRefEmpty, bad: pooled(["spec.template.spec.nodeClassRef.group": ""]), good: goodPool),
    RuleCase(rule: .karpenterRequirementValues, bad: pooled(["\(req)[3].values": ["four"]]), good: goodPool),
    RuleCase(rule: .karpenterRequirementMinValues, bad: pooled(["\(req)[2].minValues": 5]), good: goodPool),
    RuleCase(
        rule: .karpenterFieldFormat, bad: pooled(["spec.disruption.consolidateAfter": "1 minute"]), good: goodPool),
    RuleCase(rule: .karpenterFieldRange, bad: pooled(["spec.weight": 200]), good: goodPool),
    RuleCase(
        rule: .karpenterEnum, bad: pooled(["spec.disruption.consolidationPolicy": "WhenUnderutilized"]),
        good: goodPool),
    RuleCase(
        rule: .karpenterNodeClassRole, bad: docs(nodeClass(["spec.instanceProfile": "KarpenterNodeProfile"])),
        good: docs(F.nodeClass)),
    RuleCase(
        rule: .karpenterNodeClassAMIFamily, bad: docs(nodeClass(["spec.amiFamily": "Bottlerocket"])),
        good: docs(nodeClass(["spec.amiFamily": "AL2023"]))),
    RuleCase(
        rule: .karpenterNodeClassAMITerms,
        bad: docs(nodeClass(["spec.amiSelectorTerms": [["alias": "al2023@latest"], ["id": "ami-0123456789abcdef0"]]])),
        good: docs(nodeClass(["spec.amiSelectorTerms": [["id": "ami-0123456789abcdef0"]], "spec.amiFamily": "AL2023"]))),
    RuleCase(
        rule: .karpenterNodeClassSelectorTerms, bad: docs(nodeClass(["spec.subnetSelectorTerms": []])),
        good: docs(F.nodeClass)),
    RuleCase(
        rule: .karpenterNodeClassTags, bad: docs(nodeClass(["spec.tags": ["karpenter.sh/nodepool": "general"]])),
        good: docs(F.nodeClass)),
    RuleCase(
        rule: .karpenterNodeClassBlockDevices,
        bad: docs(nodeClass(["spec.blockDeviceMappings[0].ebs.volumeSize": nil])),
        good: docs(F.nodeClass)),
    RuleCase(
        rule: .karpenterNodeClassKubelet, bad: docs(nodeClass(["spec.kubelet.evictionSoftGracePeriod": nil])),
        good: docs(F.nodeClass)),
    RuleCase(
        rule: .karpenterNodeClassNetwork,
        bad: docs(
            nodeClass([
                "spec.networkInterfaces": [["networkCardIndex": 0, "deviceIndex": 1, "interfaceType": "interface"]]
            ])),
        good: docs(
            nodeClass([
                "spec.networkInterfaces": [["networkCardIndex": 0, "deviceIndex": 0, "interfaceType": "interface"]]
            ]))),
    RuleCase(
        rule: .karpenterNodeOverlay, bad: docs(F.nodeOverlay.with(["spec.price": "0.25"])), good: docs(F.nodeOverlay)),
    RuleCase(rule: .karpenterLabelSyntax, bad: pooled(["\(req)[0].values": ["amd64", "not valid!"]]), good: goodPool),
    RuleCase(
        rule: .karpenterTaintDuplicate,
        bad: pooled(["spec.template.spec.startupTaints": [["key": "example.com/dedicated", "effect": "NoSchedule"]]]),
        good: pooled(["spec.template.spec.startupTaints": [["key": "example.com/agent", "effect": "NoSchedule"]]])),
    RuleCase(rule: .karpenterNodeClassRefMissing, bad: docs(F.nodePool), good: goodPool),
]

let eksctlRuleCases: [RuleCase] = [
    RuleCase(rule: .eksctlSchema, bad: docs(cluster(["metadata.region": nil])), good: docs(F.clusterConfig)),
    RuleCase(rule: .eksctlClusterName, bad: docs(cluster(["metadata.name": "prod_1"])), good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlEndpointAccess,
        bad: docs(cluster(["vpc.clusterEndpoints": ["publicAccess": false, "privateAccess": false]])),
        good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlEndpointPrivateOnly,
        bad: docs(cluster(["vpc.clusterEndpoints": ["publicAccess": false, "privateAccess": true]])),
        good: docs(F.clusterConfig)),
    RuleCase(rule: .eksctlOIDCRequired, bad: docs(cluster(["iam.withOIDC": false])), good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlPodIdentityAgent, bad: docs(cluster(["addons": [["name": "vpc-cni"]]])),
        good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlPodIdentityAssociation,
        bad: docs(cluster(["iam.podIdentityAssociations[0].roleARN": "arn:aws:iam::111122223333:role/web"])),
        good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlServiceAccount, bad: docs(cluster(["iam.serviceAccounts[0].wellKnownPolicies": nil])),
        good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlPrivateNetworking,
        bad: docs(cluster(["privateCluster": ["enabled": true], "managedNodeGroups[0].privateNetworking": false])),
        good: docs(cluster(["privateCluster": ["enabled": true]]))),
    RuleCase(
        rule: .eksctlNodeGroup, bad: docs(cluster(["managedNodeGroups[0].desiredCapacity": 5])),
        good: docs(F.clusterConfig)),
    RuleCase(
        rule: .eksctlAvailabilityZones, bad: docs(cluster(["availabilityZones": ["us-west-2a"]])),
        good: docs(cluster(["availabilityZones": ["us-west-2a", "us-west-2b"]]))),
    RuleCase(
        rule: .eksctlKarpenterVersion, bad: docs(cluster(["karpenter.version": "0.19.0"])), good: docs(F.clusterConfig)
    ),
    RuleCase(
        rule: .eksctlLogging, bad: docs(cluster(["cloudWatch.clusterLogging.logRetentionInDays": 45])),
        good: docs(F.clusterConfig)),
]

private let fluxGood = docs(F.gitRepository, F.infrastructure, F.apps)

let fluxRuleCases: [RuleCase] = [
    RuleCase(
        rule: .fluxSchema, bad: docs(F.gitRepository, F.infrastructure.with(["spec.sourceRef": nil])), good: fluxGood),
    RuleCase(
        rule: .fluxKubeConfig, bad: docs(F.gitRepository, F.infrastructure.with(["spec.kubeConfig": [:]])),
        good: docs(F.gitRepository, F.infrastructure.with(["spec.kubeConfig": ["secretRef": ["name": "remote"]]]))),
    RuleCase(
        rule: .fluxHelmReleaseChart, bad: docs(F.helmRepository, F.helmRelease.with(["spec.chart": nil])),
        good: docs(F.helmRepository, F.helmRelease)),
    RuleCase(
        rule: .fluxRetryInterval,
        bad: docs(F.helmRepository, F.helmRelease.with(["spec.install.strategy.name": "RemediateOnFailure"])),
        good: docs(F.helmRepository, F.helmRelease)),
    RuleCase(
        rule: .fluxGitServiceAccount, bad: docs(F.gitRepository.with(["spec.serviceAccountName": "flux"])),
        good: docs(F.gitRepository.with(["spec.serviceAccountName": "flux", "spec.provider": "aws"]))),
    RuleCase(
        rule: .fluxSourceRefKind,
        bad: docs(F.gitRepository, F.infrastructure.with(["spec.sourceRef.kind": "HelmRepository"])), good: fluxGood),
    RuleCase(
        rule: .fluxFieldFormat, bad: docs(F.gitRepository.with(["spec.url": "git@github.com:example/platform.git"])),
        good: docs(F.gitRepository.with(["spec.url": "ssh://git@github.com/example/platform.git"]))),
    RuleCase(
        rule: .fluxEnum, bad: docs(F.gitRepository, F.infrastructure.with(["spec.deletionPolicy": "Keep"])),
        good: docs(F.gitRepository, F.infrastructure.with(["spec.deletionPolicy": "Orphan"]))),
    RuleCase(rule: .fluxDependsOnMissing, bad: docs(F.gitRepository, F.apps), good: fluxGood),
    RuleCase(
        rule: .fluxDependsOnCycle,
        bad: docs(F.gitRepository, F.infrastructure.with(["spec.dependsOn": [["name": "apps"]]]), F.apps),
        good: fluxGood),
    RuleCase(rule: .fluxSourceMissing, bad: docs(F.infrastructure), good: fluxGood),
]
