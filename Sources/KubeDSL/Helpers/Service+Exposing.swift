import KubeModels

extension Service {
    /// A Service in front of a workload: the selector is the workload's pod selector and the
    /// ports are its containers' ports, each named.
    ///
    /// Each container port becomes a Service port with the same number; a named container port
    /// is targeted by name (so the container can change its number without touching the
    /// Service), an unnamed one gets the name `<protocol>-<number>`, such as `tcp-8080`.
    ///
    /// - Parameters:
    ///   - workload: the workload whose pods receive the traffic.
    ///   - name: the Service name; the workload's name by default.
    ///   - type: the Service type (`ClusterIP` when `nil`).
    ///   - ports: ports to use instead of the derived ones.
    /// - Throws: ``KubeDSLError/invalidArgument(_:)`` when the workload has no selector labels
    ///   or no container ports.
    public static func exposing<W: Workload>(
        _ workload: W, name: String? = nil, type: ServiceType? = nil, ports: [ServicePort]? = nil
    ) throws -> Service {
        let selector = workload.podSelectorLabels
        guard !selector.isEmpty else {
            throw KubeDSLError.invalidArgument(
                "cannot expose \(W.kind) \"\(workload.name)\": its pods have no labels to select them by")
        }
        let servicePorts = try ports ?? derivedPorts(of: workload)
        return Service(
            name: name ?? workload.name, namespace: workload.namespace, labels: workload.metadata.labels,
            spec: ServiceSpec(ports: servicePorts, selector: selector, type: type))
    }

    private static func derivedPorts<W: Workload>(of workload: W) throws -> [ServicePort] {
        var ports: [ServicePort] = []
        var seen: Set<String> = []
        for container in workload.podTemplate?.spec?.containers ?? [] {
            for port in container.ports ?? [] {
                let protocolName = (port.protocol ?? .tcp).rawValue.lowercased()
                let name = port.name ?? "\(protocolName)-\(port.containerPort)"
                guard seen.insert(name).inserted else { continue }
                ports.append(
                    ServicePort(
                        name: name, port: port.containerPort, protocol: port.protocol,
                        targetPort: port.name.map { .string($0) } ?? .int(Int(port.containerPort))))
            }
        }
        guard !ports.isEmpty else {
            throw KubeDSLError.invalidArgument(
                "cannot expose \(W.kind) \"\(workload.name)\": its containers declare no ports; pass ports:")
        }
        return ports
    }
}
