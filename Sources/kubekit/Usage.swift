import Foundation

/// Help text and error output.
enum Usage {
    static let text = """
        usage: kubekit <command> [options]

        commands:
          convert [--to json|yaml] [--output FILE] FILE…|-
              Read YAML or JSON manifests (files, directories, - for standard input) and write them
              normalized; --to json writes one JSON object per line, in document order.
          validate [--format text|json|sarif] [--policy NAME]… PATH…
              Check manifests against the API server's rules, Pod Security Admission, the
              best-practice policy and the cross-resource checks (references, selectors, HPA and
              PDB conflicts, quota capacity). Exit 0: no errors; 1: errors found; 2: unreadable input.
          generate CRD_FILE… --output DIR [--descriptions] [--registry NAME] [--import MODULE]…
                   [--open-type QUALIFIED.TYPE]…
              Write Swift models for the CustomResourceDefinitions in the files (YAML or JSON).
              --open-type keeps fields a type's schema does not declare (e.g. EC2NodeClass.Spec.Kubelet).
          generate --json-schema FILE --api-version V --kind K --output DIR
              Write Swift models for a JSON Schema with definitions (eksctl's ClusterConfig schema).
        """
}

/// Writing to standard error.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
