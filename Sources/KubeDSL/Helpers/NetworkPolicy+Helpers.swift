import KubeModels

extension NetworkPolicy {
    /// A policy that selects every pod of a namespace and allows nothing, so that only traffic
    /// some other policy allows gets through.
    ///
    /// - Parameters:
    ///   - namespace: the namespace to isolate (`nil` to take it from an enclosing scope).
    ///   - directions: `[.ingress]` (the default) isolates incoming traffic; add `.egress` to
    ///     isolate outgoing traffic too, and then allow DNS with ``allowDNS(namespace:name:)``.
    ///   - name: the policy's name.
    public static func defaultDeny(
        namespace: String? = nil, directions: [NetworkPolicyType] = [.ingress], name: String = "default-deny"
    ) -> NetworkPolicy {
        NetworkPolicy(
            name: name, namespace: namespace,
            spec: NetworkPolicySpec(podSelector: LabelSelector(), policyTypes: directions))
    }

    /// Allows traffic into a workload's pods from the given peers, on the given ports.
    ///
    /// ```swift
    /// try NetworkPolicy.allowing(to: api, from: [.pods(of: gateway), .namespace("monitoring")], ports: [.tcp(8080)])
    /// ```
    ///
    /// - Parameters:
    ///   - workload: the workload receiving traffic.
    ///   - peers: who may connect; an empty list allows every source (on the given ports).
    ///   - ports: which ports; an empty list allows every port.
    ///   - name: the policy's name; `allow-to-<workload>` by default (shortened to fit).
    /// - Throws: ``KubeDSLError/invalidArgument(_:)`` when the workload's pods have no labels.
    public static func allowing<W: Workload>(
        to workload: W, from peers: [NetworkPolicyPeer], ports: [NetworkPolicyPort] = [], name: String? = nil
    ) throws -> NetworkPolicy {
        let selector = workload.podSelectorLabels
        guard !selector.isEmpty else {
            throw KubeDSLError.invalidArgument(
                "cannot write a policy for \(W.kind) \"\(workload.name)\": its pods have no labels to select them by")
        }
        let rule = NetworkPolicyIngressRule(from: peers.isEmpty ? nil : peers, ports: ports.isEmpty ? nil : ports)
        return NetworkPolicy(
            name: name ?? GeneratedName.make(["allow-to", workload.name], limit: .dnsSubdomain),
            namespace: workload.namespace,
            spec: NetworkPolicySpec(
                ingress: [rule], podSelector: LabelSelector(matchLabels: selector), policyTypes: [.ingress]))
    }

    /// Allows traffic out of a workload's pods to the given peers, on the given ports.
    ///
    /// - Throws: ``KubeDSLError/invalidArgument(_:)`` when the workload's pods have no labels.
    public static func allowing<W: Workload>(
        from workload: W, to peers: [NetworkPolicyPeer], ports: [NetworkPolicyPort] = [], name: String? = nil
    ) throws -> NetworkPolicy {
        let selector = workload.podSelectorLabels
        guard !selector.isEmpty else {
            throw KubeDSLError.invalidArgument(
                "cannot write a policy for \(W.kind) \"\(workload.name)\": its pods have no labels to select them by")
        }
        let rule = NetworkPolicyEgressRule(ports: ports.isEmpty ? nil : ports, to: peers.isEmpty ? nil : peers)
        return NetworkPolicy(
            name: name ?? GeneratedName.make(["allow-from", workload.name], limit: .dnsSubdomain),
            namespace: workload.namespace,
            spec: NetworkPolicySpec(
                egress: [rule], podSelector: LabelSelector(matchLabels: selector), policyTypes: [.egress]))
    }

    /// Allows every pod of a namespace to reach the cluster DNS (`kube-system` pods labelled
    /// `k8s-app: kube-dns`, port 53 over UDP and TCP), which an egress default-deny blocks.
    public static func allowDNS(namespace: String? = nil, name: String = "allow-dns") -> NetworkPolicy {
        let dns = NetworkPolicyPeer(
            namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "kube-system"]),
            podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]))
        return NetworkPolicy(
            name: name, namespace: namespace,
            spec: NetworkPolicySpec(
                egress: [NetworkPolicyEgressRule(ports: [.udp(53), .tcp(53)], to: [dns])],
                podSelector: LabelSelector(), policyTypes: [.egress]))
    }
}

extension NetworkPolicyPeer {
    /// The pods of a workload. When the workload has a namespace, the peer is limited to that
    /// namespace (by its `kubernetes.io/metadata.name` label), so it also works across namespaces;
    /// without one, it means pods in the policy's own namespace.
    ///
    /// An empty selector would match every pod; a workload without pod labels therefore yields a
    /// peer that matches nothing (`matchExpressions` on a label no pod has).
    public static func pods<W: Workload>(of workload: W) -> NetworkPolicyPeer {
        let labels = workload.podSelectorLabels
        let podSelector =
            labels.isEmpty
            ? LabelSelector(matchExpressions: [
                LabelSelectorRequirement(key: "kubekit.dev/no-pod-labels", operator: .exists)
            ])
            : LabelSelector(matchLabels: labels)
        return NetworkPolicyPeer(
            namespaceSelector: workload.namespace.map {
                LabelSelector(matchLabels: ["kubernetes.io/metadata.name": $0])
            },
            podSelector: podSelector)
    }

    /// Every pod in a namespace.
    public static func namespace(_ name: String) -> NetworkPolicyPeer {
        NetworkPolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": name]))
    }

    /// Pods with these labels in the policy's namespace.
    public static func pods(labeled labels: [String: String]) -> NetworkPolicyPeer {
        NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: labels))
    }

    /// An IP range in CIDR notation, minus the given ranges.
    public static func cidr(_ cidr: String, except: [String]? = nil) -> NetworkPolicyPeer {
        NetworkPolicyPeer(ipBlock: IPBlock(cidr: cidr, except: except))
    }
}

extension NetworkPolicyPort {
    /// A TCP port.
    public static func tcp(_ port: Int) -> NetworkPolicyPort {
        NetworkPolicyPort(port: .int(port), protocol: .tcp)
    }

    /// A UDP port.
    public static func udp(_ port: Int) -> NetworkPolicyPort {
        NetworkPolicyPort(port: .int(port), protocol: .udp)
    }

    /// A named container port (TCP).
    public static func named(_ name: String) -> NetworkPolicyPort {
        NetworkPolicyPort(port: .string(name), protocol: .tcp)
    }
}
