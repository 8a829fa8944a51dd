import KubeModels

extension APIRules {
    /// `ValidateService`.
    static func checkService(_ service: Service, in context: ValidationContext) {
        guard let spec = service.spec else {
            context.report(.servicePort, "a Service needs a spec with ports", at: ["spec"])
            return
        }
        context.field("spec") { checkServiceSpec(spec, in: context) }
    }

    static func checkServiceSpec(_ spec: ServiceSpec, in context: ValidationContext) {
        checkEnum(spec.type, known: ServiceType.knownValues, field: "type", in: context)
        let type = (spec.type?.rawValue).flatMap { $0.isEmpty ? nil : $0 } ?? "ClusterIP"
        let clusterIP = spec.clusterIP ?? ""
        let headless = clusterIP == "None"
        let ports = spec.ports ?? []
        let externallyAccessible =
            type == "NodePort" || type == "LoadBalancer"
            || (type == "ClusterIP" && !(spec.externalIPs ?? []).isEmpty)

        if ports.isEmpty && !headless && type != "ExternalName" {
            context.report(
                .servicePort,
                "a \(type) Service needs at least one port (only headless and ExternalName Services may have none)",
                at: ["ports"])
        }

        // Type-specific fields.
        if type == "ExternalName" {
            let name = spec.externalName ?? ""
            if name.isEmpty {
                context.report(
                    .serviceType, "an ExternalName Service needs externalName, the DNS name it aliases",
                    at: ["externalName"])
            } else {
                let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
                if let problem = KubernetesSyntax.dns1123SubdomainProblem(trimmed) {
                    context.report(.serviceType, "externalName \(problem)", at: ["externalName"])
                }
            }
            if !clusterIP.isEmpty || !(spec.clusterIPs ?? []).isEmpty {
                context.report(
                    .serviceType, "ExternalName Services have no cluster IP; remove clusterIP and clusterIPs",
                    at: ["clusterIP"])
            }
        } else if !clusterIP.isEmpty && !headless && IPAddress(clusterIP) == nil {
            context.report(
                .ipAddress, "clusterIP \"\(clusterIP)\" is neither an IP address nor \"None\"", at: ["clusterIP"])
        }
        if headless && (type == "NodePort" || type == "LoadBalancer") {
            context.report(.serviceType, "clusterIP may not be None for a \(type) Service", at: ["clusterIP"])
        }
        if let ips = spec.clusterIPs, !ips.isEmpty, !clusterIP.isEmpty, ips[0] != clusterIP {
            context.report(.serviceType, "clusterIPs[0] must equal clusterIP (\(clusterIP))", at: ["clusterIPs"])
        }
        for (position, ip) in (spec.externalIPs ?? []).enumerated() where IPAddress(ip) == nil {
            context.report(
                .ipAddress, "externalIP \"\(ip)\" is not an IP address", at: ["externalIPs", .index(position)])
        }
        if let ranges = spec.loadBalancerSourceRanges, !ranges.isEmpty {
            if type != "LoadBalancer" {
                context.report(
                    .serviceType, "loadBalancerSourceRanges only applies to type LoadBalancer",
                    at: ["loadBalancerSourceRanges"])
            }
            for (position, range) in ranges.enumerated() where IPNetwork(range.trimmingWhitespace()) == nil {
                context.report(
                    .ipAddress, "\"\(range)\" is not a CIDR such as 10.0.0.0/8",
                    at: ["loadBalancerSourceRanges", .index(position)])
            }
        }
        if spec.loadBalancerClass != nil && type != "LoadBalancer" {
            context.report(
                .serviceType, "loadBalancerClass only applies to type LoadBalancer", at: ["loadBalancerClass"])
        } else if let loadBalancerClass = spec.loadBalancerClass,
            let problem = KubernetesSyntax.qualifiedNameProblem(loadBalancerClass)
        {
            context.report(.serviceType, "loadBalancerClass \(problem)", at: ["loadBalancerClass"])
        }
        if spec.allocateLoadBalancerNodePorts != nil && type != "LoadBalancer" {
            context.report(
                .serviceType, "allocateLoadBalancerNodePorts only applies to type LoadBalancer",
                at: ["allocateLoadBalancerNodePorts"])
        }
        checkEnum(
            spec.externalTrafficPolicy, known: ServiceExternalTrafficPolicy.knownValues, field: "externalTrafficPolicy",
            in: context)
        if let policy = spec.externalTrafficPolicy?.rawValue, !policy.isEmpty, !externallyAccessible {
            context.report(
                .serviceType,
                "externalTrafficPolicy only applies to Services reachable from outside (NodePort, LoadBalancer or externalIPs)",
                at: ["externalTrafficPolicy"])
        }
        if let port = spec.healthCheckNodePort, port != 0 {
            if type != "LoadBalancer" || spec.externalTrafficPolicy?.rawValue != "Local" {
                context.report(
                    .serviceType,
                    "healthCheckNodePort only applies to LoadBalancer Services with externalTrafficPolicy: Local",
                    at: ["healthCheckNodePort"])
            }
            if !KubernetesSyntax.isPortNumber(port) {
                context.report(
                    .serviceNodePort, "healthCheckNodePort is \(port); it must be between 1 and 65535",
                    at: ["healthCheckNodePort"])
            }
        }
        checkEnum(
            spec.internalTrafficPolicy, known: ServiceInternalTrafficPolicy.knownValues, field: "internalTrafficPolicy",
            in: context)
        checkEnum(
            spec.trafficDistribution, known: ServiceTrafficDistribution.knownValues, field: "trafficDistribution",
            in: context)
        checkEnum(spec.ipFamilyPolicy, known: IPFamilyPolicy.knownValues, field: "ipFamilyPolicy", in: context)
        if let families = spec.ipFamilies {
            context.field("ipFamilies") {
                for (position, family) in families.enumerated() where !IPFamily.knownValues.contains(family) {
                    context.report(
                        .enumValue, "ipFamily \"\(family.rawValue)\" is not supported; use IPv4 or IPv6",
                        at: [.index(position)])
                }
                if families.count > 2 || (families.count == 2 && families[0] == families[1]) {
                    context.report(.serviceType, "ipFamilies may list IPv4 and IPv6 at most once each")
                }
                if families.count == 2 && spec.ipFamilyPolicy?.rawValue == "SingleStack" {
                    context.report(.serviceType, "ipFamilyPolicy SingleStack allows only one IP family")
                }
            }
        }
        checkEnum(spec.sessionAffinity, known: ServiceAffinity.knownValues, field: "sessionAffinity", in: context)
        if let config = spec.sessionAffinityConfig {
            if spec.sessionAffinity?.rawValue != "ClientIP" {
                context.report(
                    .serviceType, "sessionAffinityConfig only applies with sessionAffinity: ClientIP",
                    at: ["sessionAffinityConfig"])
            } else if let timeout = config.clientIP?.timeoutSeconds, timeout <= 0 || timeout > 86_400 {
                context.report(
                    .serviceType, "timeoutSeconds is \(timeout); it must be between 1 and 86400 (one day)",
                    at: ["sessionAffinityConfig", "clientIP", "timeoutSeconds"])
            }
        }
        if let selector = spec.selector {
            context.field("selector") { checkLabels(selector, in: context) }
        }

        // Ports.
        context.field("ports") {
            var names = Set<String>()
            var pairs = Set<String>()
            var nodePorts = Set<String>()
            for (position, port) in ports.enumerated() {
                context.index(position) {
                    checkServicePort(
                        port, requireName: ports.count > 1, type: type, names: &names, pairs: &pairs,
                        nodePorts: &nodePorts, in: context)
                }
            }
        }
    }

    static func checkServicePort(
        _ port: ServicePort, requireName: Bool, type: String, names: inout Set<String>, pairs: inout Set<String>,
        nodePorts: inout Set<String>, in context: ValidationContext
    ) {
        let name = port.name ?? ""
        if name.isEmpty {
            if requireName {
                context.report(
                    .servicePortName,
                    "a Service with more than one port must name every port (a DNS-1123 label such as \"http\")",
                    at: ["name"])
            }
        } else {
            if let problem = KubernetesSyntax.dns1123LabelProblem(name) {
                context.report(.servicePortName, "port name \(problem)", at: ["name"])
            }
            if !names.insert(name).inserted {
                context.report(
                    .servicePortName, "port name \"\(name)\" is used twice; Service port names must be unique",
                    at: ["name"])
            }
        }
        if !KubernetesSyntax.isPortNumber(port.port) {
            context.report(.servicePort, "port is \(port.port); it must be between 1 and 65535", at: ["port"])
        }
        checkProtocol(port.protocol, in: context)
        let proto = (port.protocol?.rawValue).flatMap { $0.isEmpty ? nil : $0 } ?? "TCP"
        if !pairs.insert("\(port.port)/\(proto)").inserted {
            context.report(.servicePort, "port \(port.port)/\(proto) is declared twice in this Service", at: ["port"])
        }
        if let target = port.targetPort {
            switch target {
            case .int(let number):
                // 0 means "same as port" and is defaulted by the API server.
                if number != 0 && !KubernetesSyntax.isPortNumber(number) {
                    context.report(
                        .serviceTargetPort, "targetPort is \(number); it must be between 1 and 65535",
                        at: ["targetPort"])
                }
            case .string(let text):
                if !text.isEmpty, let problem = KubernetesSyntax.portNameProblem(text) {
                    context.report(
                        .serviceTargetPort,
                        "targetPort \(problem); a string targetPort names a container port, a number is written without quotes",
                        at: ["targetPort"])
                }
            }
        }
        if let appProtocol = port.appProtocol, !appProtocol.isEmpty,
            let problem = KubernetesSyntax.qualifiedNameProblem(appProtocol)
        {
            context.report(.servicePort, "appProtocol \(problem)", at: ["appProtocol"])
        }
        if let nodePort = port.nodePort, nodePort != 0 {
            if type == "ClusterIP" || type == "ExternalName" {
                context.report(
                    .serviceNodePort,
                    "nodePort may not be used when type is \(type); use type NodePort or LoadBalancer, or remove it",
                    at: ["nodePort"])
            } else if !KubernetesSyntax.isPortNumber(nodePort) {
                context.report(
                    .serviceNodePort, "nodePort is \(nodePort); it must be between 1 and 65535", at: ["nodePort"])
            } else if !context.configuration.nodePortRange.contains(Int(nodePort)) {
                let range = context.configuration.nodePortRange
                context.report(
                    .serviceNodePort,
                    "nodePort \(nodePort) is outside the cluster's node port range \(range.lowerBound)-\(range.upperBound); "
                        + "pick a port in the range or leave nodePort unset to get one allocated",
                    at: ["nodePort"])
            }
            if !nodePorts.insert("\(nodePort)/\(proto)").inserted {
                context.report(
                    .serviceNodePort, "nodePort \(nodePort)/\(proto) is used twice in this Service", at: ["nodePort"])
            }
        }
    }
}
