import KubeModels

extension APIRules {
    /// Which list a container is in.
    enum ContainerKind {
        case regular
        case initContainer
    }

    /// `validateContainers` / `validateInitContainers` for one container.
    static func checkContainer(
        _ container: Container, kind: ContainerKind, volumes: VolumeTable, names: inout [String],
        hostPorts: inout Set<String>, hostNetwork: Bool, owner: PodOwner, spec: PodSpec, in context: ValidationContext
    ) {
        checkContainerName(container.name, names: &names, in: context)
        checkImage(container.image, owner: owner, in: context)
        checkEnum(container.imagePullPolicy, known: ImagePullPolicy.knownValues, field: "imagePullPolicy", in: context)
        checkEnum(
            container.terminationMessagePolicy, known: TerminationMessagePolicy.knownValues,
            field: "terminationMessagePolicy", in: context)
        checkEnum(
            container.restartPolicy, known: ContainerRestartPolicy.knownValues, field: "restartPolicy", in: context)

        let isSidecar = kind == .initContainer && container.restartPolicy?.rawValue == "Always"
        if kind == .initContainer && !isSidecar {
            for (field, isSet) in [
                ("lifecycle", container.lifecycle != nil), ("livenessProbe", container.livenessProbe != nil),
                ("readinessProbe", container.readinessProbe != nil), ("startupProbe", container.startupProbe != nil),
            ] where isSet {
                context.report(
                    .initContainerFields,
                    "\(field) may not be set on an init container unless it is a sidecar (restartPolicy: Always); "
                        + "remove it or move the container to containers",
                    at: [.field(field)])
            }
        }

        if let ports = container.ports {
            context.field("ports") {
                checkContainerPorts(ports, hostPorts: &hostPorts, hostNetwork: hostNetwork, in: context)
            }
        }
        if let env = container.env {
            context.field("env") { checkEnv(env, in: context) }
        }
        if let envFrom = container.envFrom {
            context.field("envFrom") { checkEnvFrom(envFrom, in: context) }
        }
        if let resources = container.resources {
            context.field("resources") { checkResources(resources, isContainer: true, in: context) }
        }
        let probes: [(String, Probe?, Bool)] = [
            ("livenessProbe", container.livenessProbe, true), ("readinessProbe", container.readinessProbe, false),
            ("startupProbe", container.startupProbe, true),
        ]
        for (field, probe, needsSingleSuccess) in probes {
            guard let probe else { continue }
            context.field(field) {
                checkProbe(
                    probe, name: field, needsSingleSuccess: needsSingleSuccess, isReadiness: field == "readinessProbe",
                    in: context)
            }
        }
        if let lifecycle = container.lifecycle {
            context.field("lifecycle") {
                for (field, handler) in [("postStart", lifecycle.postStart), ("preStop", lifecycle.preStop)] {
                    guard let handler else { continue }
                    context.field(field) { checkLifecycleHandler(handler, name: field, in: context) }
                }
                checkEnum(lifecycle.stopSignal, known: Signal.knownValues, field: "stopSignal", in: context)
            }
        }
        checkVolumeMounts(
            container.volumeMounts, devices: container.volumeDevices, volumes: volumes, ephemeral: false, in: context)
        if let securityContext = container.securityContext {
            context.field("securityContext") {
                checkContainerSecurityContext(securityContext, spec: spec, in: context)
            }
        }
        if let policies = container.resizePolicy {
            context.field("resizePolicy") {
                for (position, policy) in policies.enumerated() {
                    context.index(position) {
                        if policy.resourceName != "cpu" && policy.resourceName != "memory" {
                            context.report(
                                .enumValue,
                                "resizePolicy resourceName \"\(policy.resourceName)\" is not supported; use cpu or memory",
                                at: ["resourceName"])
                        }
                        checkEnum(
                            policy.restartPolicy, known: ResourceResizeRestartPolicy.knownValues,
                            field: "restartPolicy", in: context)
                    }
                }
            }
        }
    }

    static func checkEphemeralContainer(
        _ container: EphemeralContainer, volumes: VolumeTable, names: inout [String], in context: ValidationContext
    ) {
        checkContainerName(container.name, names: &names, in: context)
        checkImage(container.image, owner: .pod, in: context)
        checkEnum(container.imagePullPolicy, known: ImagePullPolicy.knownValues, field: "imagePullPolicy", in: context)
        for (field, isSet) in [
            ("ports", container.ports != nil), ("resources", container.resources != nil),
            ("lifecycle", container.lifecycle != nil), ("livenessProbe", container.livenessProbe != nil),
            ("readinessProbe", container.readinessProbe != nil), ("startupProbe", container.startupProbe != nil),
        ] where isSet {
            context.report(.fieldForbidden, "\(field) cannot be set for an ephemeral container", at: [.field(field)])
        }
        if let env = container.env {
            context.field("env") { checkEnv(env, in: context) }
        }
        checkVolumeMounts(
            container.volumeMounts, devices: container.volumeDevices, volumes: volumes, ephemeral: true, in: context)
    }

    static func checkContainerName(_ name: String, names: inout [String], in context: ValidationContext) {
        if name.isEmpty {
            context.report(
                .containerName, "every container needs a name (a DNS-1123 label such as \"app\")", at: ["name"])
        } else if let problem = KubernetesSyntax.dns1123LabelProblem(name) {
            context.report(.containerName, "container name \(problem)", at: ["name"])
        }
        if names.contains(name) {
            context.report(
                .containerName,
                "container name \"\(name)\" is already used in this pod; names must be unique across initContainers and containers",
                at: ["name"])
        } else {
            names.append(name)
        }
    }

    static func checkImage(_ image: String?, owner: PodOwner, in context: ValidationContext) {
        guard let image, !image.isEmpty else {
            context.report(.containerImage, "every container needs an image, such as \"nginx:1.27\"", at: ["image"])
            return
        }
        if case .pod = owner, image != image.trimmingWhitespace() {
            context.report(
                .containerImage, "image \"\(image)\" has leading or trailing whitespace; remove it", at: ["image"])
        }
    }

    // MARK: Ports

    /// `validateContainerPorts`, host port uniqueness (`AccumulateUniqueHostPorts`) and the
    /// duplicate-port warning.
    static func checkContainerPorts(
        _ ports: [ContainerPort], hostPorts: inout Set<String>, hostNetwork: Bool, in context: ValidationContext
    ) {
        var names: [String] = []
        var pairs: [(Int32, String)] = []
        for (position, port) in ports.enumerated() {
            context.index(position) {
                if let name = port.name, !name.isEmpty {
                    if let problem = KubernetesSyntax.portNameProblem(name) {
                        context.report(.portName, problem, at: ["name"])
                    } else if names.contains(name) {
                        context.report(
                            .portNameDuplicate,
                            "port name \"\(name)\" is used twice in this container; names must be unique",
                            at: ["name"])
                    } else {
                        names.append(name)
                    }
                }
                if !KubernetesSyntax.isPortNumber(port.containerPort) {
                    context.report(
                        .containerPort,
                        "containerPort is \(port.containerPort); it must be between 1 and 65535", at: ["containerPort"])
                }
                let hostPort = port.hostPort ?? 0
                if hostPort != 0 && !KubernetesSyntax.isPortNumber(hostPort) {
                    context.report(
                        .containerPort, "hostPort is \(hostPort); it must be 0 (none) or between 1 and 65535",
                        at: ["hostPort"])
                }
                if hostNetwork && hostPort != 0 && hostPort != port.containerPort {
                    context.report(
                        .containerPort,
                        "with hostNetwork: true, hostPort (\(hostPort)) must equal containerPort (\(port.containerPort))",
                        at: ["hostPort"])
                }
                checkProtocol(port.protocol, in: context)
                let proto = port.protocol?.rawValue ?? "TCP"
                if pairs.contains(where: { $0.0 == port.containerPort && $0.1 == proto }) {
                    context.report(
                        .containerPortDuplicate,
                        "containerPort \(port.containerPort)/\(proto) is declared twice in this container; remove the duplicate",
                        at: ["containerPort"])
                } else {
                    pairs.append((port.containerPort, proto))
                }
                if hostPort != 0 {
                    let key = "\(hostPort)/\(proto)/\(port.hostIP ?? "")"
                    if !hostPorts.insert(key).inserted {
                        context.report(
                            .hostPortConflict,
                            "hostPort \(hostPort)/\(proto) is already used by another port of this pod; each host port can be bound once",
                            at: ["hostPort"])
                    }
                }
                if let hostIP = port.hostIP, !hostIP.isEmpty, IPAddress(hostIP) == nil {
                    context.report(.ipAddress, "hostIP \"\(hostIP)\" is not an IP address", at: ["hostIP"])
                }
            }
        }
    }

    static func checkProtocol(_ value: PortProtocol?, field: String = "protocol", in context: ValidationContext) {
        guard let value, !value.rawValue.isEmpty else { return }
        if PortProtocol.knownValues.contains(value) { return }
        context.report(
            .protocolValue,
            "protocol \"\(value.rawValue)\" is not supported; use TCP, UDP or SCTP"
                + enumHint(value.rawValue, known: ["TCP", "UDP", "SCTP"]),
            at: [.field(field)])
    }

    // MARK: Environment

    /// The downward API fields an environment variable may read.
    static let envFieldPaths: Set<String> = [
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ]

    /// The resources `resourceFieldRef` may read.
    static let resourceFieldNames: Set<String> = [
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory",
        "requests.ephemeral-storage",
    ]

    /// `ValidateEnv`.
    static func checkEnv(_ env: [EnvVar], in context: ValidationContext) {
        for (position, variable) in env.enumerated() {
            context.index(position) {
                if let problem = KubernetesSyntax.environmentVariableNameProblem(variable.name) {
                    context.report(.envName, problem, at: ["name"])
                }
                guard let source = variable.valueFrom else { return }
                if let value = variable.value, !value.isEmpty {
                    context.report(
                        .envSource,
                        "environment variable \(variable.name) sets both value and valueFrom; keep one",
                        at: ["valueFrom"])
                }
                context.field("valueFrom") { checkEnvSource(source, in: context) }
            }
        }
    }

    static func checkEnvSource(_ source: EnvVarSource, in context: ValidationContext) {
        var count = 0
        if let field = source.fieldRef {
            count += 1
            context.field("fieldRef") {
                let path = field.fieldPath
                let isLabelOrAnnotation =
                    (path.hasPrefix("metadata.labels['") || path.hasPrefix("metadata.annotations['"))
                    && path.hasSuffix("']")
                if path.isEmpty {
                    context.report(
                        .envSource, "fieldRef.fieldPath is required, such as metadata.name", at: ["fieldPath"])
                } else if !envFieldPaths.contains(path) && !isLabelOrAnnotation {
                    context.report(
                        .envSource,
                        "fieldPath \"\(path)\" cannot be read into an environment variable; use one of "
                            + envFieldPaths.sorted().joined(separator: ", ")
                            + ", metadata.labels['<key>'] or metadata.annotations['<key>']",
                        at: ["fieldPath"])
                }
            }
        }
        if let resource = source.resourceFieldRef {
            count += 1
            context.field("resourceFieldRef") {
                if !resourceFieldNames.contains(resource.resource) && !resource.resource.hasPrefix("limits.hugepages-")
                    && !resource.resource.hasPrefix("requests.hugepages-")
                {
                    context.report(
                        .envSource,
                        "resource \"\(resource.resource)\" is not supported; use one of "
                            + resourceFieldNames.sorted().joined(separator: ", "),
                        at: ["resource"])
                }
                if let divisor = resource.divisor { checkQuantity(divisor, at: ["divisor"], in: context) }
            }
        }
        if let selector = source.configMapKeyRef {
            count += 1
            context.field("configMapKeyRef") {
                checkKeySelector(name: selector.name, key: selector.key, kind: "ConfigMap", in: context)
            }
        }
        if let selector = source.secretKeyRef {
            count += 1
            context.field("secretKeyRef") {
                checkKeySelector(name: selector.name, key: selector.key, kind: "Secret", in: context)
            }
        }
        if source.fileKeyRef != nil { count += 1 }
        if count == 0 {
            context.report(
                .envSource,
                "valueFrom must name a source: fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef or fileKeyRef")
        } else if count > 1 {
            context.report(.envSource, "valueFrom names \(count) sources; use exactly one")
        }
    }

    static func checkKeySelector(name: String?, key: String, kind: String, in context: ValidationContext) {
        if (name ?? "").isEmpty {
            context.report(.envSource, "the \(kind) name is required", at: ["name"])
        } else if let name, let problem = KubernetesSyntax.dns1123SubdomainProblem(name) {
            context.report(.envSource, "\(kind) name \(problem)", at: ["name"])
        }
        if let problem = KubernetesSyntax.dataKeyProblem(key) {
            context.report(.envSource, problem, at: ["key"])
        }
    }

    /// `ValidateEnvFrom`.
    static func checkEnvFrom(_ sources: [EnvFromSource], in context: ValidationContext) {
        for (position, source) in sources.enumerated() {
            context.index(position) {
                if let prefix = source.prefix, !prefix.isEmpty,
                    let problem = KubernetesSyntax.environmentVariableNameProblem(prefix)
                {
                    context.report(.envName, "prefix: \(problem)", at: ["prefix"])
                }
                let count = (source.configMapRef == nil ? 0 : 1) + (source.secretRef == nil ? 0 : 1)
                if count == 0 {
                    context.report(.envSource, "envFrom entries need configMapRef or secretRef")
                } else if count > 1 {
                    context.report(
                        .envSource, "an envFrom entry may set configMapRef or secretRef, not both; split it in two")
                }
                if let reference = source.configMapRef {
                    checkReferenceName(reference.name, kind: "ConfigMap", field: "configMapRef", in: context)
                }
                if let reference = source.secretRef {
                    checkReferenceName(reference.name, kind: "Secret", field: "secretRef", in: context)
                }
            }
        }
    }

    static func checkReferenceName(_ name: String?, kind: String, field: String, in context: ValidationContext) {
        guard let name, !name.isEmpty else {
            context.report(.envSource, "\(field).name is required: the \(kind) to read", at: [.field(field), "name"])
            return
        }
        if let problem = KubernetesSyntax.dns1123SubdomainProblem(name) {
            context.report(.envSource, "\(kind) name \(problem)", at: [.field(field), "name"])
        }
    }

    // MARK: Probes

    /// `validateProbe` plus the liveness/startup and readiness specifics.
    static func checkProbe(
        _ probe: Probe, name: String, needsSingleSuccess: Bool, isReadiness: Bool, in context: ValidationContext
    ) {
        var handlers: [String] = []
        if probe.exec != nil { handlers.append("exec") }
        if probe.httpGet != nil { handlers.append("httpGet") }
        if probe.tcpSocket != nil { handlers.append("tcpSocket") }
        if probe.grpc != nil { handlers.append("grpc") }
        if handlers.isEmpty {
            context.report(.probeHandler, "\(name) needs a handler: exactly one of exec, httpGet, tcpSocket or grpc")
        } else if handlers.count > 1 {
            context.report(
                .probeHandler,
                "\(name) sets \(handlers.count) handlers (\(handlers.joined(separator: ", "))); keep exactly one")
        }
        checkHandlerDetails(exec: probe.exec, httpGet: probe.httpGet, tcpSocket: probe.tcpSocket, in: context)
        if let grpc = probe.grpc, !KubernetesSyntax.isPortNumber(grpc.port) {
            context.report(
                .probeValues, "grpc.port is \(grpc.port); it must be between 1 and 65535", at: ["grpc", "port"])
        }
        for (field, value) in [
            ("initialDelaySeconds", probe.initialDelaySeconds), ("timeoutSeconds", probe.timeoutSeconds),
            ("periodSeconds", probe.periodSeconds), ("successThreshold", probe.successThreshold),
            ("failureThreshold", probe.failureThreshold),
        ] {
            if let value, value < 0 {
                context.report(.probeValues, "\(field) is \(value); it must not be negative", at: [.field(field)])
            }
        }
        // 0 is defaulted to 1 before validation, so only other values break the rule.
        if needsSingleSuccess, let threshold = probe.successThreshold, threshold > 1 {
            context.report(
                .probeSuccessThreshold,
                "\(name).successThreshold is \(threshold); it must be 1 for liveness and startup probes",
                at: ["successThreshold"])
        }
        if let grace = probe.terminationGracePeriodSeconds {
            if isReadiness {
                context.report(
                    .probeValues, "terminationGracePeriodSeconds must not be set on a readinessProbe; remove it",
                    at: ["terminationGracePeriodSeconds"])
            } else if grace <= 0 {
                context.report(
                    .probeValues, "terminationGracePeriodSeconds is \(grace); it must be greater than 0",
                    at: ["terminationGracePeriodSeconds"])
            }
        }
    }

    static func checkLifecycleHandler(_ handler: LifecycleHandler, name: String, in context: ValidationContext) {
        var handlers: [String] = []
        if handler.exec != nil { handlers.append("exec") }
        if handler.httpGet != nil { handlers.append("httpGet") }
        if handler.tcpSocket != nil { handlers.append("tcpSocket") }
        if handler.sleep != nil { handlers.append("sleep") }
        if handlers.isEmpty {
            context.report(.probeHandler, "\(name) needs a handler: exactly one of exec, httpGet or sleep")
        } else if handlers.count > 1 {
            context.report(
                .probeHandler,
                "\(name) sets \(handlers.count) handlers (\(handlers.joined(separator: ", "))); keep exactly one")
        }
        checkHandlerDetails(exec: handler.exec, httpGet: handler.httpGet, tcpSocket: handler.tcpSocket, in: context)
        if let sleep = handler.sleep, sleep.seconds < 0 {
            context.report(
                .probeValues, "sleep.seconds is \(sleep.seconds); it must not be negative", at: ["sleep", "seconds"])
        }
    }

    static func checkHandlerDetails(
        exec: ExecAction?, httpGet: HTTPGetAction?, tcpSocket: TCPSocketAction?, in context: ValidationContext
    ) {
        if let exec, (exec.command ?? []).isEmpty {
            context.report(
                .probeHandler, "exec needs a command, such as [\"cat\", \"/tmp/healthy\"]", at: ["exec", "command"])
        }
        if let httpGet {
            context.field("httpGet") {
                checkHandlerPort(httpGet.port, in: context)
                checkEnum(httpGet.scheme, known: URIScheme.knownValues, field: "scheme", in: context)
                for (position, header) in (httpGet.httpHeaders ?? []).enumerated()
                where !KubernetesSyntax.isHTTPHeaderName(header.name) {
                    context.report(
                        .probeValues,
                        "header name \"\(header.name)\" is not valid; use letters, digits and '-' (such as X-Probe)",
                        at: ["httpHeaders", .index(position), "name"])
                }
            }
        }
        if let tcpSocket {
            context.field("tcpSocket") { checkHandlerPort(tcpSocket.port, in: context) }
        }
    }

    static func checkHandlerPort(_ port: IntOrString, in context: ValidationContext) {
        switch port {
        case .int(let number):
            if !KubernetesSyntax.isPortNumber(number) {
                context.report(.probeValues, "port is \(number); it must be between 1 and 65535", at: ["port"])
            }
        case .string(let name):
            if let problem = KubernetesSyntax.portNameProblem(name) {
                context.report(.probeValues, "port \(problem)", at: ["port"])
            }
        }
    }

    // MARK: Volume mounts

    /// `ValidateVolumeMounts` and `ValidateVolumeDevices`.
    static func checkVolumeMounts(
        _ mounts: [VolumeMount]?, devices: [VolumeDevice]?, volumes: VolumeTable, ephemeral: Bool,
        in context: ValidationContext
    ) {
        var mountPaths: [String] = []
        var mountedNames: [String] = []
        if let mounts {
            context.field("volumeMounts") {
                for (position, mount) in mounts.enumerated() {
                    context.index(position) {
                        mountedNames.append(mount.name)
                        if mount.name.isEmpty {
                            context.report(.volumeMount, "volumeMounts need the name of a volume", at: ["name"])
                        } else if !volumes.names.contains(mount.name) {
                            let known = volumes.names.sorted()
                            let hint =
                                known.isEmpty
                                ? "the pod declares no volumes; add one to spec.volumes"
                                : "declared volumes: " + known.joined(separator: ", ")
                            context.report(
                                .volumeMount, "volumeMount \"\(mount.name)\" names no volume of this pod; \(hint)",
                                at: ["name"])
                        }
                        if mount.mountPath.isEmpty {
                            context.report(.volumeMount, "mountPath is required", at: ["mountPath"])
                        } else if mountPaths.contains(mount.mountPath) {
                            context.report(
                                .volumeMount,
                                "mountPath \"\(mount.mountPath)\" is used by two mounts; mount paths must be unique",
                                at: ["mountPath"])
                        } else {
                            mountPaths.append(mount.mountPath)
                        }
                        if let subPath = mount.subPath, !subPath.isEmpty {
                            if ephemeral {
                                context.report(
                                    .volumeMount, "subPath cannot be set for an ephemeral container", at: ["subPath"])
                            }
                            if subPath.hasPrefix("/") || subPath.split(separator: "/").contains("..") {
                                context.report(
                                    .volumeMount, "subPath \"\(subPath)\" must be a relative path without '..'",
                                    at: ["subPath"])
                            }
                            if let expression = mount.subPathExpr, !expression.isEmpty {
                                context.report(
                                    .volumeMount, "subPath and subPathExpr are mutually exclusive", at: ["subPathExpr"])
                            }
                        }
                        checkEnum(
                            mount.mountPropagation, known: MountPropagationMode.knownValues, field: "mountPropagation",
                            in: context)
                        checkEnum(
                            mount.recursiveReadOnly, known: RecursiveReadOnlyMode.knownValues,
                            field: "recursiveReadOnly", in: context)
                        if let recursive = mount.recursiveReadOnly?.rawValue, recursive != "Disabled",
                            mount.readOnly != true
                        {
                            context.report(
                                .volumeMount, "recursiveReadOnly \(recursive) requires readOnly: true",
                                at: ["recursiveReadOnly"])
                        }
                    }
                }
            }
        }
        if let devices {
            context.field("volumeDevices") {
                var devicePaths = Set<String>()
                for (position, device) in devices.enumerated() {
                    context.index(position) {
                        if !volumes.claims.contains(device.name) {
                            context.report(
                                .volumeMount,
                                "volumeDevice \"\(device.name)\" must name a persistentVolumeClaim or ephemeral volume of this pod",
                                at: ["name"])
                        }
                        if mountedNames.contains(device.name) {
                            context.report(
                                .volumeMount,
                                "volume \"\(device.name)\" is both mounted and used as a device; choose one",
                                at: ["name"])
                        }
                        if !device.devicePath.hasPrefix("/") || !devicePaths.insert(device.devicePath).inserted
                            || mountPaths.contains(device.devicePath)
                        {
                            context.report(
                                .volumeMount, "devicePath \"\(device.devicePath)\" must be a unique absolute path",
                                at: ["devicePath"])
                        }
                    }
                }
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
