/// Runs the Karpenter, eksctl and Flux checks on one typed object of the input.
enum EcosystemRules {
    static func check(
        _ object: EcosystemObject, document: IndexedDocument, index: EcosystemIndex, in context: ValidationContext
    ) {
        switch object {
        case .undecodable(let rule, let reason):
            context.report(
                rule,
                "this document does not match the schema of its kind, so the API server (or eksctl) would refuse it: \(reason)"
            )
        case .nodePool, .nodeClaim, .nodeClass, .nodeOverlay:
            KarpenterRules.check(object, index: index, in: context)
        case .clusterConfig(let config):
            EksctlRules.check(config, in: context)
        case .kustomization, .helmRelease, .gitRepository, .helmRepository, .ociRepository, .source:
            FluxRules.check(object, document: document, index: index, in: context)
        }
    }
}
