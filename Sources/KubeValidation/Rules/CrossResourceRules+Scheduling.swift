import KubeModels

extension CrossResourceRules {
    /// Reports what the ``SchedulingIndex`` found about this document: a pod template no pool can
    /// run (or whose accelerator pools it does not tolerate), or a NodePool's limits compared with
    /// the pods only it can run.
    static func checkScheduling(offset: Int, index: CrossResourceIndex, in context: ValidationContext) {
        let scheduling = index.scheduling
        guard scheduling.isActive else { return }
        if let finding = scheduling.findings[offset] {
            context.withPath(finding.path) { context.report(finding.rule, finding.message) }
        }
        for finding in scheduling.limitFindings[offset] ?? [] {
            context.withPath(["spec", "limits", .key(finding.key)]) { context.report(finding.rule, finding.message) }
        }
    }

    /// Annotations that mean a controller issues the Ingress's TLS Secret (cert-manager's
    /// ingress-shim, and the older `kubernetes.io/tls-acme` convention).
    static let issuerAnnotations = [
        "cert-manager.io/cluster-issuer", "cert-manager.io/issuer", "cert-manager.io/issuer-name",
        "kubernetes.io/tls-acme",
    ]

    /// Checks that the Secrets an Ingress terminates TLS with are in the input.
    ///
    /// Skipped when cert-manager (or `kubernetes.io/tls-acme`) issues them, and for the AWS Load
    /// Balancer Controller, which takes certificates from ACM and ignores `secretName`.
    static func checkTLSSecrets(
        _ ingress: Ingress, namespace: String, externals: Externals, index: CrossResourceIndex,
        in context: ValidationContext
    ) {
        guard let tls = ingress.spec?.tls, !tls.isEmpty else { return }
        let annotations = ingress.metadata.annotations ?? [:]
        if issuerAnnotations.contains(where: { annotations[$0] != nil }) { return }
        if ingress.spec?.ingressClassName == "alb" || annotations["kubernetes.io/ingress.class"] == "alb"
            || annotations.keys.contains(where: { $0.hasPrefix("alb.ingress.kubernetes.io/") })
        {
            return
        }
        for (position, entry) in tls.enumerated() {
            guard let name = entry.secretName, !name.isEmpty,
                !index.objects.contains(TargetKey(namespace: namespace, kind: "Secret", name: name)),
                !externals.contains(.secret, name)
            else { continue }
            let hosts = (entry.hosts ?? []).joined(separator: ", ")
            context.withPath(["spec", "tls", .index(position), "secretName"]) {
                context.report(
                    .crossIngressTLSSecretMissing,
                    "Secret \"\(name)\" (TLS certificate\(hosts.isEmpty ? "" : " for \(hosts)")) is not in the input "
                        + "for namespace \(namespace); until it exists the ingress controller serves its default "
                        + "certificate, which clients reject; add the kubernetes.io/tls Secret, let cert-manager "
                        + "issue it (cert-manager.io/cluster-issuer annotation), or declare it with "
                        + "\(ValidationConfiguration.externalReferencesAnnotation): \"secret/\(name)\"")
            }
        }
    }
}
