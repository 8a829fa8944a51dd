import KubeSerialization

/// Hand-written documents that pass every rule (API, restricted Pod Security, best practice), so
/// a test can break exactly one thing and see exactly one rule fire.
enum Fixtures {
    static let namespace = JSONValue.parse(
        """
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {
          "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest"}}}
        """)

    static let container = JSONValue.parse(
        """
        {"name": "web", "image": "registry.example.com/shop/web:1.4.2@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
         "imagePullPolicy": "Always",
         "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
         "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}},
         "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10},
         "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}},
         "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
           "runAsUser": 10001, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}},
         "volumeMounts": [{"name": "cache", "mountPath": "/cache"}]}
        """)

    static let podSpec: JSONValue = JSONValue.parse(
        """
        {"automountServiceAccountToken": false,
         "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
         "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone",
           "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app": "web"}}}],
         "volumes": [{"name": "cache", "emptyDir": {"sizeLimit": "1Gi"}}]}
        """
    ).with(["containers": .array([container])])

    static let deployment: JSONValue = JSONValue.parse(
        """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop",
          "labels": {"app": "web", "app.kubernetes.io/part-of": "shop"}},
         "spec": {"selector": {"matchLabels": {"app": "web"}},
          "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
          "template": {"metadata": {"labels": {"app": "web"}}}}}
        """
    ).with(["spec.template.spec": podSpec])

    static let disruptionBudget = JSONValue.parse(
        """
        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"maxUnavailable": 1, "selector": {"matchLabels": {"app": "web"}}}}
        """)

    static let networkPolicy = JSONValue.parse(
        """
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "default-deny", "namespace": "shop"},
         "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
          "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "gateway"}}}], "ports": [{"port": 8080, "protocol": "TCP"}]}],
          "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]}}], "ports": [{"port": 5432, "endPort": 5440}]}]}}
        """)

    static let service = JSONValue.parse(
        """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"selector": {"app": "web"}, "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"},
           {"name": "metrics", "port": 9090, "targetPort": 9090}]}}
        """)

    static let autoscaler = JSONValue.parse(
        """
        {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 3, "maxReplicas": 10,
          "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}],
          "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300, "policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}}}}
        """)

    static let configMap = JSONValue.parse(
        """
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web-config", "namespace": "shop"},
         "data": {"app.properties": "a=b", "LOG_LEVEL": "info"}}
        """)

    static let secret = JSONValue.parse(
        """
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "web-tls", "namespace": "shop"}, "type": "kubernetes.io/tls",
         "stringData": {"tls.crt": "CERTIFICATE-DATA", "tls.key": "PRIVATE-KEY-DATA"}}
        """)

    static let cronJob = JSONValue.parse(
        """
        {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly-report", "namespace": "shop"},
         "spec": {"schedule": "30 2 * * mon-fri", "timeZone": "Europe/Berlin", "concurrencyPolicy": "Forbid",
          "jobTemplate": {"spec": {"backoffLimit": 2, "template": {"metadata": {"labels": {"app": "report"}}}}}}}
        """
    ).with([
        "spec.jobTemplate.spec.template.spec": podSpec.with([
            "restartPolicy": "Never", "containers[0].livenessProbe": nil, "containers[0].readinessProbe": nil,
            "topologySpreadConstraints": nil,
        ])
    ])

    static let role = JSONValue.parse(
        """
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "web-reader", "namespace": "shop"},
         "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]}
        """)

    static let roleBinding = JSONValue.parse(
        """
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "web-reader", "namespace": "shop"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "web-reader"},
         "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": "shop"}]}
        """)

    static let ingress = JSONValue.parse(
        """
        {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"ingressClassName": "nginx", "tls": [{"hosts": ["shop.example.com"], "secretName": "web-tls"}],
          "rules": [{"host": "shop.example.com", "http": {"paths": [{"path": "/", "pathType": "Prefix",
            "backend": {"service": {"name": "web", "port": {"name": "http"}}}}]}}]}}
        """)

    /// Every fixture: a small cluster that passes all rules, including restricted Pod Security.
    static let cluster: [JSONValue] = [
        namespace, deployment, disruptionBudget, networkPolicy, service, autoscaler, configMap, secret, cronJob, role,
        roleBinding, ingress,
    ]

    /// The cluster with one document replaced.
    static func cluster(replacing original: JSONValue, with replacement: JSONValue) -> [JSONValue] {
        cluster.map { $0 == original ? replacement : $0 }
    }
}
