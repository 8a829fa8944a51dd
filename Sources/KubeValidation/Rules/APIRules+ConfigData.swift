import Foundation
import KubeModels

extension APIRules {
    /// The most data a ConfigMap or Secret may hold (`MaxSecretSize`, 1 MiB).
    static let maximumDataSize = 1024 * 1024

    /// `ValidateConfigMap`: keys and total size. Messages name keys, never values.
    static func checkConfigMap(_ configMap: ConfigMap, in context: ValidationContext) {
        var total = 0
        var keys = Set<String>()
        for (key, value) in configMap.data ?? [:] {
            total += value.utf8.count
            keys.insert(key)
            if let problem = KubernetesSyntax.dataKeyProblem(key) {
                context.report(.dataKey, problem, at: ["data", .key(key)])
            }
        }
        for (key, value) in configMap.binaryData ?? [:] {
            total += value.count
            if let problem = KubernetesSyntax.dataKeyProblem(key) {
                context.report(.dataKey, problem, at: ["binaryData", .key(key)])
            }
            if keys.contains(key) {
                context.report(
                    .dataKey, "key \"\(key)\" appears in both data and binaryData; keys must be unique across the two",
                    at: ["binaryData", .key(key)])
            }
        }
        if total > maximumDataSize {
            context.report(
                .dataSize,
                "the ConfigMap holds \(total) bytes, more than the 1048576 (1 MiB) allowed; split it or mount the data another way"
            )
        }
    }

    /// `ValidateSecret`: keys, total size and the keys each Secret type requires. Messages name
    /// keys, never values.
    static func checkSecret(_ secret: Secret, in context: ValidationContext) {
        // stringData is merged into data before validation; stringData wins on conflicts.
        var sizes: [String: Int] = [:]
        for (key, value) in secret.data ?? [:] {
            sizes[key] = value.count
            if let problem = KubernetesSyntax.dataKeyProblem(key) {
                context.report(.dataKey, problem, at: ["data", .key(key)])
            }
        }
        for (key, value) in secret.stringData ?? [:] {
            sizes[key] = value.utf8.count
            if let problem = KubernetesSyntax.dataKeyProblem(key) {
                context.report(.dataKey, problem, at: ["stringData", .key(key)])
            }
        }
        let total = sizes.values.reduce(0, +)
        if total > maximumDataSize {
            context.report(
                .dataSize,
                "the Secret holds \(total) bytes, more than the 1048576 (1 MiB) allowed; split it into several Secrets")
        }

        let type = secret.type?.rawValue ?? "Opaque"
        func has(_ key: String) -> Bool { sizes[key] != nil }
        func value(_ key: String) -> Data? {
            if let text = secret.stringData?[key] { return Data(text.utf8) }
            return secret.data?[key]
        }
        switch type {
        case "kubernetes.io/service-account-token":
            if (secret.metadata.annotations?["kubernetes.io/service-account.name"] ?? "").isEmpty {
                context.report(
                    .secretType,
                    "a kubernetes.io/service-account-token Secret needs the annotation kubernetes.io/service-account.name "
                        + "naming its ServiceAccount",
                    at: ["metadata", "annotations"])
            }
        case "kubernetes.io/dockercfg":
            checkJSONKey(".dockercfg", type: type, value: value(".dockercfg"), in: context)
        case "kubernetes.io/dockerconfigjson":
            checkJSONKey(".dockerconfigjson", type: type, value: value(".dockerconfigjson"), in: context)
        case "kubernetes.io/basic-auth":
            if !has("username") && !has("password") {
                context.report(
                    .secretType, "a kubernetes.io/basic-auth Secret needs a username or password key", at: ["data"])
            }
        case "kubernetes.io/ssh-auth":
            if !has("ssh-privatekey") {
                context.report(
                    .secretType, "a kubernetes.io/ssh-auth Secret needs the key ssh-privatekey", at: ["data"])
            }
        case "kubernetes.io/tls":
            let missing = ["tls.crt", "tls.key"].filter { !has($0) }
            if !missing.isEmpty {
                context.report(
                    .secretType,
                    "a kubernetes.io/tls Secret needs the keys tls.crt and tls.key (missing: \(missing.joined(separator: ", ")))",
                    at: ["data"])
            }
        default:
            break
        }
    }

    static func checkJSONKey(_ key: String, type: String, value: Data?, in context: ValidationContext) {
        guard let value else {
            context.report(.secretType, "a \(type) Secret needs the key \(key)", at: ["data"])
            return
        }
        if (try? JSONSerialization.jsonObject(with: value, options: [.fragmentsAllowed])) == nil {
            context.report(
                .secretType, "the value of \(key) is not valid JSON (the value itself is not shown)",
                at: ["data", .key(key)])
        }
    }
}
