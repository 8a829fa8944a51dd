import KubeModels

extension Ingress {
    /// The Ingress's `alb.ingress.kubernetes.io/*` annotations, typed.
    ///
    /// - Throws: ``ALBAnnotationError`` for the first value the controller would reject.
    public func albAnnotations() throws -> ALBIngressAnnotations {
        try ALBIngressAnnotations(annotations: metadata.annotations ?? [:])
    }

    /// Replaces every `alb.ingress.kubernetes.io/*` annotation with those of `alb`, keeping all other annotations.
    public mutating func setALBAnnotations(_ alb: ALBIngressAnnotations) {
        let existing = metadata.annotations
        var merged = (existing ?? [:]).filter { !$0.key.hasPrefix(ALBAnnotationKey.prefix) }
        merged.merge(alb.annotations) { _, new in new }
        metadata.annotations = merged.isEmpty && existing == nil ? nil : merged
    }
}
