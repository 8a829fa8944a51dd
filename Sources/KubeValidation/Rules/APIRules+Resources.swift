import KubeModels

extension APIRules {
    /// The container resources with a fixed meaning (`standardContainerResources`).
    static let standardContainerResources: Set<String> = ["cpu", "memory", "ephemeral-storage"]

    static func isHugePages(_ name: String) -> Bool {
        name.hasPrefix("hugepages-")
    }

    /// Names without a `/`, or in a `kubernetes.io/` domain, belong to Kubernetes (`IsNativeResource`).
    static func isNativeResource(_ name: String) -> Bool {
        !name.containsByte(UInt8(ascii: "/")) || name.containsBytes("kubernetes.io/")
    }

    /// Resources whose requests may be below their limits (`IsOvercommitAllowed`).
    static func allowsOvercommit(_ name: String) -> Bool {
        isNativeResource(name) && !isHugePages(name)
    }

    /// `validateContainerResourceName`: a standard resource, hugepages of a size, or an extended
    /// resource in its own domain.
    static func containerResourceNameProblem(_ name: String) -> String? {
        if let problem = KubernetesSyntax.qualifiedNameProblem(name) {
            return "resource name \(problem)"
        }
        if !name.containsByte(UInt8(ascii: "/")) {
            if standardContainerResources.contains(name) { return nil }
            if isHugePages(name) {
                let size = String(name.dropFirst("hugepages-".count))
                do {
                    _ = try Quantity(size)
                    return nil
                } catch {
                    return "\"\(name)\" is not a hugepages resource; write hugepages-<size>, such as hugepages-2Mi"
                }
            }
            return "\"\(name)\" is not a container resource; use cpu, memory, ephemeral-storage, hugepages-<size> "
                + "or an extended resource with a domain such as nvidia.com/gpu"
                + enumHint(name, known: ["cpu", "memory", "ephemeral-storage"])
        }
        if isNativeResource(name) { return nil }
        if name.hasPrefix("requests.") || !KubernetesSyntax.isQualifiedName("requests." + name) {
            return
                "\"\(name)\" does not follow the extended resource name format (domain/name, not starting with requests.)"
        }
        return nil
    }

    /// `ValidateResourceRequirements` for a container (`isContainer`) or the pod as a whole.
    static func checkResources(_ resources: ResourceRequirements, isContainer: Bool, in context: ValidationContext) {
        let limits = resources.limits ?? [:]
        let requests = resources.requests ?? [:]
        var hasHugePages = false
        var hasCPUOrMemory = false
        context.field("limits") {
            for (name, quantity) in limits {
                checkResourceEntry(name: name, quantity: quantity, isContainer: isContainer, in: context)
                if isHugePages(name) { hasHugePages = true }
                if name == "cpu" || name == "memory" { hasCPUOrMemory = true }
            }
        }
        context.field("requests") {
            for (name, quantity) in requests {
                let valid = checkResourceEntry(name: name, quantity: quantity, isContainer: isContainer, in: context)
                if isHugePages(name) { hasHugePages = true }
                if name == "cpu" || name == "memory" { hasCPUOrMemory = true }
                guard valid else { continue }
                if let limit = limits[name], limit.isValid {
                    if quantity > limit {
                        context.report(
                            .requestExceedsLimit,
                            "the \(name) request (\(quantity.description)) is above its limit (\(limit.description)); "
                                + "lower the request or raise the limit",
                            at: [.key(name)])
                    } else if !allowsOvercommit(name) && quantity != limit {
                        context.report(
                            .extendedResource,
                            "\(name) cannot be overcommitted, so its request (\(quantity.description)) must equal its limit (\(limit.description))",
                            at: [.key(name)])
                    }
                } else if !allowsOvercommit(name) && limits[name] == nil {
                    context.report(
                        .extendedResource,
                        "\(name) cannot be overcommitted: set limits.\(name) (equal to the request) as well",
                        at: [.key(name)])
                }
            }
        }
        if isContainer && hasHugePages && !hasCPUOrMemory {
            context.report(.extendedResource, "containers that use hugepages must also request or limit cpu or memory")
        }
    }

    /// One entry of requests or limits: name, syntax, sign and integrality. Returns whether the
    /// quantity parsed (so it can be compared).
    @discardableResult
    static func checkResourceEntry(
        name: String, quantity: Quantity, isContainer: Bool, in context: ValidationContext
    ) -> Bool {
        if isContainer, let problem = containerResourceNameProblem(name) {
            context.report(.resourceName, problem, at: [.key(name)])
        }
        guard checkQuantity(quantity, at: [.key(name)], in: context) else { return false }
        if quantity < 0 {
            context.report(
                .quantityNegative, "\(name) is \(quantity.description); resource amounts must be 0 or more",
                at: [.key(name)])
        }
        if !isNativeResource(name), let milli = quantity.milliValue, milli % 1000 != 0 {
            context.report(
                .extendedResource,
                "\(name) is \(quantity.description); extended resources are counted in whole units, so use an integer",
                at: [.key(name)])
        }
        return true
    }
}
