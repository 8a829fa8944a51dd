import KubeModels

extension APIRules {
    // MARK: NetworkPolicy

    /// `ValidateNetworkPolicySpec`.
    static func checkNetworkPolicy(_ policy: NetworkPolicy, in context: ValidationContext) {
        guard let spec = policy.spec else { return }
        context.field("spec") {
            if let selector = spec.podSelector {
                context.field("podSelector") { checkLabelSelector(selector, in: context) }
            }
            for (position, rule) in (spec.ingress ?? []).enumerated() {
                context.field("ingress") {
                    context.index(position) {
                        checkNetworkPolicyPorts(rule.ports, in: context)
                        checkPeers(rule.from, field: "from", in: context)
                    }
                }
            }
            for (position, rule) in (spec.egress ?? []).enumerated() {
                context.field("egress") {
                    context.index(position) {
                        checkNetworkPolicyPorts(rule.ports, in: context)
                        checkPeers(rule.to, field: "to", in: context)
                    }
                }
            }
            if let types = spec.policyTypes {
                context.field("policyTypes") {
                    if types.count > 2 {
                        context.report(
                            .networkPolicyTypes,
                            "policyTypes lists \(types.count) entries; list Ingress and/or Egress, at most two")
                    }
                    var seen = Set<String>()
                    for (position, type) in types.enumerated() {
                        if !NetworkPolicyType.knownValues.contains(type) {
                            context.report(
                                .networkPolicyTypes,
                                "policy type \"\(type.rawValue)\" is not supported; use Ingress or Egress"
                                    + enumHint(type.rawValue, known: ["Ingress", "Egress"]),
                                at: [.index(position)])
                        } else if !seen.insert(type.rawValue).inserted {
                            context.report(
                                .networkPolicyTypes, "policy type \(type.rawValue) is listed twice",
                                at: [.index(position)])
                        }
                    }
                }
            }
        }
    }

    static func checkPeers(_ peers: [NetworkPolicyPeer]?, field: String, in context: ValidationContext) {
        guard let peers else { return }
        context.field(field) {
            for (position, peer) in peers.enumerated() {
                context.index(position) {
                    let count =
                        (peer.podSelector == nil ? 0 : 1) + (peer.namespaceSelector == nil ? 0 : 1)
                        + (peer.ipBlock == nil ? 0 : 1)
                    if count == 0 {
                        context.report(
                            .networkPolicyPeer,
                            "a peer must set podSelector, namespaceSelector or ipBlock; an empty peer is not allowed "
                                + "(to allow everything, leave \(field) out instead)")
                    } else if count > 1 && peer.ipBlock != nil {
                        context.report(
                            .networkPolicyPeer,
                            "ipBlock cannot be combined with podSelector or namespaceSelector in one peer; use two peers",
                            at: ["ipBlock"])
                    }
                    if let selector = peer.podSelector {
                        context.field("podSelector") { checkLabelSelector(selector, in: context) }
                    }
                    if let selector = peer.namespaceSelector {
                        context.field("namespaceSelector") { checkLabelSelector(selector, in: context) }
                    }
                    if let block = peer.ipBlock {
                        context.field("ipBlock") { checkIPBlock(block, in: context) }
                    }
                }
            }
        }
    }

    /// `ValidateIPBlock`.
    static func checkIPBlock(_ block: IPBlock, in context: ValidationContext) {
        guard !block.cidr.isEmpty else {
            context.report(.networkPolicyIPBlock, "ipBlock.cidr is required, such as 10.0.0.0/8", at: ["cidr"])
            return
        }
        guard let network = IPNetwork(block.cidr) else {
            context.report(
                .networkPolicyIPBlock,
                "cidr \"\(block.cidr)\" is not a CIDR; write an address and prefix length such as 10.0.0.0/8",
                at: ["cidr"])
            return
        }
        for (position, text) in (block.except ?? []).enumerated() {
            guard let excluded = IPNetwork(text) else {
                context.report(
                    .networkPolicyIPBlock, "except entry \"\(text)\" is not a CIDR", at: ["except", .index(position)])
                continue
            }
            if !network.strictlyContains(excluded) {
                context.report(
                    .networkPolicyIPBlock,
                    "except entry \(text) must be a strict subset of cidr \(block.cidr) (inside it, with a longer prefix)",
                    at: ["except", .index(position)])
            }
        }
    }

    /// `ValidateNetworkPolicyPort`.
    static func checkNetworkPolicyPorts(_ ports: [NetworkPolicyPort]?, in context: ValidationContext) {
        guard let ports else { return }
        context.field("ports") {
            for (position, port) in ports.enumerated() {
                context.index(position) {
                    checkProtocol(port.protocol, in: context)
                    switch port.port {
                    case .int(let number)?:
                        if !KubernetesSyntax.isPortNumber(number) {
                            context.report(
                                .networkPolicyPort, "port is \(number); it must be between 1 and 65535", at: ["port"])
                        }
                        if let end = port.endPort {
                            if !KubernetesSyntax.isPortNumber(end) {
                                context.report(
                                    .networkPolicyPort, "endPort is \(end); it must be between 1 and 65535",
                                    at: ["endPort"])
                            } else if Int(end) < number {
                                context.report(
                                    .networkPolicyPort,
                                    "endPort (\(end)) must be greater than or equal to port (\(number))",
                                    at: ["endPort"])
                            }
                        }
                    case .string(let name)?:
                        if let problem = KubernetesSyntax.portNameProblem(name) {
                            context.report(.networkPolicyPort, "port \(problem)", at: ["port"])
                        }
                        if port.endPort != nil {
                            context.report(
                                .networkPolicyPort, "endPort needs a numeric port; a named port cannot start a range",
                                at: ["endPort"])
                        }
                    case nil:
                        if port.endPort != nil {
                            context.report(
                                .networkPolicyPort,
                                "endPort may not be set without port; add the first port of the range",
                                at: ["endPort"])
                        }
                    }
                }
            }
        }
    }

    // MARK: Ingress

    /// `ValidateIngressSpec`.
    static func checkIngress(_ ingress: Ingress, in context: ValidationContext) {
        guard let spec = ingress.spec else {
            context.report(.ingressRules, "an Ingress needs a spec with rules or a defaultBackend", at: ["spec"])
            return
        }
        context.field("spec") {
            if (spec.rules ?? []).isEmpty && spec.defaultBackend == nil {
                context.report(.ingressRules, "either defaultBackend or rules must be specified")
            }
            if let backend = spec.defaultBackend {
                context.field("defaultBackend") { checkIngressBackend(backend, in: context) }
            }
            if let className = spec.ingressClassName, let problem = KubernetesSyntax.dns1123SubdomainProblem(className)
            {
                context.report(.ingressClass, "ingressClassName \(problem)", at: ["ingressClassName"])
            }
            for (position, rule) in (spec.rules ?? []).enumerated() {
                context.field("rules") {
                    context.index(position) { checkIngressRule(rule, in: context) }
                }
            }
            for (position, tls) in (spec.tls ?? []).enumerated() {
                if let secretName = tls.secretName, !secretName.isEmpty,
                    let problem = KubernetesSyntax.dns1123SubdomainProblem(secretName)
                {
                    context.report(.ingressRules, "secretName \(problem)", at: ["tls", .index(position), "secretName"])
                }
            }
        }
    }

    static func checkIngressRule(_ rule: IngressRule, in context: ValidationContext) {
        if let host = rule.host, !host.isEmpty {
            if IPAddress(host) != nil {
                context.report(
                    .ingressRules, "host \"\(host)\" is an IP address; Ingress hosts must be DNS names", at: ["host"])
            } else if host.hasPrefix("*") {
                let rest = String(host.dropFirst(2))
                if !host.hasPrefix("*.") || !KubernetesSyntax.isDNS1123Subdomain(rest) {
                    context.report(
                        .ingressRules,
                        "wildcard host \"\(host)\" must be '*.' followed by a DNS subdomain, such as *.example.com",
                        at: ["host"])
                }
            } else if let problem = KubernetesSyntax.dns1123SubdomainProblem(host) {
                context.report(.ingressRules, "host \(problem)", at: ["host"])
            }
        }
        guard let http = rule.http else { return }
        context.field("http") {
            if http.paths.isEmpty {
                context.report(.ingressRules, "http.paths needs at least one path", at: ["paths"])
            }
            for (position, path) in http.paths.enumerated() {
                context.field("paths") {
                    context.index(position) { checkIngressPath(path, in: context) }
                }
            }
        }
    }

    static func checkIngressPath(_ path: HTTPIngressPath, in context: ValidationContext) {
        let type = path.pathType.rawValue
        if type.isEmpty {
            context.report(
                .ingressRules, "pathType is required: Prefix, Exact or ImplementationSpecific", at: ["pathType"])
        } else {
            checkEnum(path.pathType, known: PathType.knownValues, field: "pathType", in: context)
        }
        let value = path.path ?? ""
        if type == "Exact" || type == "Prefix" {
            if !value.hasPrefix("/") {
                context.report(
                    .ingressRules, "path \"\(value)\" must be absolute (start with '/') for pathType \(type)",
                    at: ["path"])
            }
            for sequence in ["//", "/./", "/../", "%2f", "%2F"] where value.contains(sequence) {
                context.report(.ingressRules, "path \"\(value)\" must not contain '\(sequence)'", at: ["path"])
            }
            for suffix in ["/..", "/."] where value.hasSuffix(suffix) {
                context.report(.ingressRules, "path \"\(value)\" must not end with '\(suffix)'", at: ["path"])
            }
        } else if !value.isEmpty && !value.hasPrefix("/") {
            context.report(.ingressRules, "path \"\(value)\" must be absolute (start with '/')", at: ["path"])
        }
        context.field("backend") { checkIngressBackend(path.backend, in: context) }
    }

    /// `validateIngressBackend`.
    static func checkIngressBackend(_ backend: IngressBackend, in context: ValidationContext) {
        if backend.service != nil && backend.resource != nil {
            context.report(.ingressBackend, "a backend names a service or a resource, not both")
        }
        if backend.service == nil && backend.resource == nil {
            context.report(.ingressBackend, "a backend needs a service (name and port) or a resource")
        }
        if let service = backend.service {
            context.field("service") {
                if service.name.isEmpty {
                    context.report(.ingressBackend, "service.name is required", at: ["name"])
                } else if let problem = KubernetesSyntax.dns1035LabelProblem(service.name) {
                    context.report(.ingressBackend, "service name \(problem)", at: ["name"])
                }
                let name = service.port?.name ?? ""
                let number = service.port?.number ?? 0
                if !name.isEmpty && number != 0 {
                    context.report(.ingressBackend, "port sets both name and number; keep one", at: ["port"])
                } else if !name.isEmpty {
                    if let problem = KubernetesSyntax.portNameProblem(name) {
                        context.report(.ingressBackend, "port name \(problem)", at: ["port", "name"])
                    }
                } else if number != 0 {
                    if !KubernetesSyntax.isPortNumber(number) {
                        context.report(
                            .ingressBackend, "port number is \(number); it must be between 1 and 65535",
                            at: ["port", "number"])
                    }
                } else {
                    context.report(.ingressBackend, "the service backend needs port.name or port.number", at: ["port"])
                }
            }
        }
        if let resource = backend.resource {
            context.field("resource") {
                if resource.kind.isEmpty { context.report(.ingressBackend, "resource.kind is required", at: ["kind"]) }
                if resource.name.isEmpty { context.report(.ingressBackend, "resource.name is required", at: ["name"]) }
            }
        }
    }

    // MARK: IngressClass

    /// `ValidateIngressClass`.
    static func checkIngressClass(_ ingressClass: IngressClass, in context: ValidationContext) {
        guard let spec = ingressClass.spec else { return }
        context.field("spec") {
            let controller = spec.controller ?? ""
            if controller.isEmpty {
                context.report(
                    .ingressClass, "controller is required, such as example.com/ingress-controller", at: ["controller"])
            } else if controller.utf8.count > 250 {
                context.report(
                    .ingressClass, "controller has \(controller.utf8.count) characters; at most 250 are allowed",
                    at: ["controller"])
            } else if let problem = domainPrefixedPathProblem(controller) {
                context.report(.ingressClass, "controller \(problem)", at: ["controller"])
            }
            if let parameters = spec.parameters {
                context.field("parameters") {
                    if parameters.kind.isEmpty {
                        context.report(.ingressClass, "parameters.kind is required", at: ["kind"])
                    }
                    if parameters.name.isEmpty {
                        context.report(.ingressClass, "parameters.name is required", at: ["name"])
                    }
                    let scope = parameters.scope ?? "Cluster"
                    if scope != "Cluster" && scope != "Namespace" {
                        context.report(
                            .ingressClass, "scope \"\(scope)\" is not supported; use Cluster or Namespace",
                            at: ["scope"])
                    } else if scope == "Namespace" && (parameters.namespace ?? "").isEmpty {
                        context.report(
                            .ingressClass, "parameters.namespace is required when scope is Namespace", at: ["namespace"]
                        )
                    } else if scope == "Cluster" && parameters.namespace != nil {
                        context.report(
                            .ingressClass, "parameters.namespace must not be set when scope is Cluster",
                            at: ["namespace"])
                    }
                }
            }
        }
    }

    /// `IsDomainPrefixedPath`: a DNS subdomain, `/`, then HTTP path characters.
    static func domainPrefixedPathProblem(_ value: String) -> String? {
        guard let slash = value.firstIndex(of: "/") else {
            return "\"\(value)\" must be a domain-prefixed path such as \"example.com/ingress\""
        }
        let host = String(value[..<slash])
        let path = value[value.index(after: slash)...]
        if host.isEmpty || path.isEmpty {
            return "\"\(value)\" must be a domain-prefixed path such as \"example.com/ingress\""
        }
        if let problem = KubernetesSyntax.dns1123SubdomainProblem(host) { return "domain: \(problem)" }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~%!$&'()*+,;=:")
        if !path.allSatisfy({ allowed.contains($0) }) {
            return "path part \"\(path)\" contains characters not allowed in an HTTP path"
        }
        return nil
    }
}
