import KubeSerialization

extension ALBIngressAnnotations {
    /// What ``init(annotations:unknownKeys:)`` does with an `alb.ingress.kubernetes.io/*` key it has no property for.
    public enum UnknownKeyPolicy: Hashable, Sendable {
        /// Keep it in ``ALBIngressAnnotations/additionalAnnotations`` (the default).
        case keep
        /// Throw an ``ALBAnnotationError`` naming it, to catch misspelt annotation names.
        case reject
    }

    /// The annotations, keyed by full name, with the exact text the controller expects.
    ///
    /// Contains only the annotations that are set, plus ``additionalAnnotations``. A value that
    /// cannot be written faithfully (a list item with a comma, a port out of range …) is written
    /// as closely as possible; use ``validatedAnnotations()`` to be told about it instead.
    public var annotations: [String: String] {
        var ignored: [ALBAnnotationError] = []
        return write(problems: &ignored)
    }

    /// The same as ``annotations``, but throws when a value cannot be written faithfully or
    /// would be rejected by the controller (the result is read back to check).
    ///
    /// - Throws: ``ALBAnnotationError`` naming the first annotation at fault.
    public func validatedAnnotations() throws -> [String: String] {
        var problems: [ALBAnnotationError] = []
        let written = write(problems: &problems)
        if let first = problems.first { throw first }
        _ = try ALBIngressAnnotations(annotations: written)
        return written
    }

    private func write(problems: inout [ALBAnnotationError]) -> [String: String] {
        var result = additionalAnnotations
        func record(_ key: ALBAnnotationKey, _ text: String, _ problem: ALBValueProblem?) {
            result[key.rawValue] = text
            if let problem {
                problems.append(ALBAnnotationError(annotation: key, value: text, expected: problem.expected))
            }
        }
        for field in Self.fields {
            var problem: ALBValueProblem?
            if let text = field.write(self, &problem) { record(field.key, text, problem) }
        }
        for name in actions.keys.sorted() {
            guard let action = actions[name] else { continue }
            record(.action(name), ALBJSON.text(action.json), Self.nameProblem(name))
        }
        for name in conditions.keys.sorted() {
            guard let list = conditions[name] else { continue }
            record(.conditions(name), ALBJSON.text(.array(list.map(\.json))), Self.nameProblem(name))
        }
        for name in transforms.keys.sorted() {
            guard let list = transforms[name] else { continue }
            record(.transforms(name), ALBJSON.text(.array(list.map(\.json))), Self.nameProblem(name))
        }
        let mapCoder = ALBAnnotationCoder<[String: String]>.map(escapedCommas: true)
        for listener in listenerAttributes.keys.sorted() {
            guard let attributes = listenerAttributes[listener] else { continue }
            var problem: ALBValueProblem?
            let text = mapCoder.encode(attributes, &problem)
            if !(1...65535).contains(listener.port) { problem = ALBValueProblem("a listener port from 1 to 65535") }
            record(.listenerAttributes(listener), text, problem)
        }
        let portCoder = ALBAnnotationCoder<Int>.port
        for backend in targetControlPorts.keys.sorted() {
            guard let port = targetControlPorts[backend] else { continue }
            var problem: ALBValueProblem?
            let text = portCoder.encode(port, &problem)
            if backend.serviceName.isEmpty || backend.serviceName.contains(".") || backend.servicePort.isEmpty {
                problem = ALBValueProblem("a service name without dots and a non-empty service port")
            }
            record(.targetControlPort(backend), text, problem)
        }
        return result
    }

    private static func nameProblem(_ name: String) -> ALBValueProblem? {
        name.isEmpty ? ALBValueProblem("a non-empty name after the annotation prefix") : nil
    }

    /// Reads the `alb.ingress.kubernetes.io/*` entries of an annotation map; other keys are ignored.
    ///
    /// Values are read the way the controller reads them (lists are trimmed, Booleans accept
    /// Go's spellings such as `True` or `1`, JSON member names match ignoring case), and checked
    /// against the documented value sets and ranges.
    ///
    /// - Throws: ``ALBAnnotationError`` for the first value the controller would reject (in
    ///   documentation order), naming the annotation and what it expects; with
    ///   ``UnknownKeyPolicy/reject``, also for an annotation name this type does not know.
    public init(annotations: [String: String], unknownKeys: UnknownKeyPolicy = .keep) throws {
        self.init()
        var remaining = annotations.filter { $0.key.hasPrefix(ALBAnnotationKey.prefix) }
        for field in Self.fields {
            guard let raw = remaining.removeValue(forKey: field.key.rawValue) else { continue }
            do {
                try field.read(&self, raw)
            } catch let problem as ALBValueProblem {
                throw ALBAnnotationError(annotation: field.key, value: raw, expected: problem.expected)
            }
        }
        for (name, raw) in remaining.sorted(by: { $0.key < $1.key }) {
            let key = ALBAnnotationKey(rawValue: name)
            do {
                if try !readParameterised(key, raw) {
                    switch unknownKeys {
                    case .keep:
                        additionalAnnotations[name] = raw
                    case .reject:
                        throw ALBValueProblem("an annotation name the AWS Load Balancer Controller v3.5 knows")
                    }
                }
            } catch let problem as ALBValueProblem {
                throw ALBAnnotationError(annotation: key, value: raw, expected: problem.expected)
            }
        }
    }

    /// Reads one of the annotations whose name carries a parameter; `false` when `key` is none of them.
    private mutating func readParameterised(_ key: ALBAnnotationKey, _ raw: String) throws -> Bool {
        guard let suffix = key.suffix else { return false }
        func parameter(after prefix: String) throws -> String? {
            guard suffix.hasPrefix(prefix) else { return nil }
            let name = String(suffix.dropFirst(prefix.count))
            if name.isEmpty { throw ALBValueProblem("a non-empty name after \"\(prefix)\"") }
            return name
        }
        if let name = try parameter(after: ALBAnnotationKey.actionsPrefix) {
            actions[name] = try ALBAction(checking: try ALBJSON.parse(raw))
        } else if let name = try parameter(after: ALBAnnotationKey.conditionsPrefix) {
            conditions[name] = try Self.objectArray(raw) { try ALBCondition(checking: $0, location: $1) }
        } else if let name = try parameter(after: ALBAnnotationKey.transformsPrefix) {
            transforms[name] = try Self.objectArray(raw) { try ALBTransform(checking: $0, location: $1) }
        } else if let name = try parameter(after: ALBAnnotationKey.listenerAttributesPrefix) {
            guard let listener = ALBListenPort(name) else {
                throw ALBValueProblem("a name of the form listener-attributes.<HTTP|HTTPS>-<port>")
            }
            listenerAttributes[listener] = try ALBAnnotationCoder<[String: String]>.map(escapedCommas: true).decode(raw)
        } else if let name = try parameter(after: ALBAnnotationKey.targetControlPortPrefix) {
            guard let backend = ALBServicePort(name) else {
                throw ALBValueProblem("a name of the form target-control-port.<serviceName>.<servicePort>")
            }
            targetControlPorts[backend] = try ALBAnnotationCoder<Int>.port.decode(raw)
        } else {
            return false
        }
        return true
    }

    private static func objectArray<Element>(_ raw: String, _ make: (JSONValue, String) throws -> Element) throws
        -> [Element]
    {
        guard case .array(let items) = try ALBJSON.parse(raw) else {
            throw ALBValueProblem("a JSON array of objects")
        }
        return try items.enumerated().map { index, item in try make(item, "entry \(index)") }
    }
}

extension ALBIngressAnnotations: Codable {
    /// Decodes from an annotation map, as ``init(annotations:unknownKeys:)`` reads it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let map = try container.decode([String: String].self)
        do {
            try self.init(annotations: map)
        } catch let error as ALBAnnotationError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes as the annotation map ``annotations``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(annotations)
    }
}
