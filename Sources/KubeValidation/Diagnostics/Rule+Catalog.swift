// The catalog of every rule KubeKit's validators can report. The API rules restate checks of the
// Kubernetes v1.37 API server (k8s.io/kubernetes/pkg/apis/*/validation and
// k8s.io/apimachinery/pkg/api/validation); the Pod Security rules restate
// k8s.io/pod-security-admission/policy; the policy rules are KubeKit's own.

extension Rule {
    // MARK: API server: metadata

    /// `metadata.name` (or `generateName`) is required.
    public static let nameRequired = Rule(
        "K8S-NAME-REQUIRED", .error, .api, "Objects need metadata.name (or metadata.generateName).")
    /// Names of most kinds are DNS-1123 subdomains.
    public static let nameDNS1123Subdomain = Rule(
        "K8S-NAME-DNS1123", .error, .api,
        "The name must be a DNS-1123 subdomain (lowercase alphanumerics, '-' and '.', at most 253 characters).")
    /// Namespace names are DNS-1123 labels.
    public static let nameDNS1123Label = Rule(
        "K8S-NAME-DNS1123-LABEL", .error, .api,
        "The name must be a DNS-1123 label (lowercase alphanumerics and '-', at most 63 characters).")
    /// Service names are DNS-1035 labels.
    public static let nameDNS1035Label = Rule(
        "K8S-NAME-DNS1035", .error, .api,
        "Service names must be DNS-1035 labels (start with a letter, at most 63 characters).")
    /// RBAC names are path segments.
    public static let namePathSegment = Rule(
        "K8S-NAME-PATH-SEGMENT", .error, .api, "RBAC object names must not be '.' or '..' nor contain '/' or '%'.")
    /// Kind-specific name length limits (CronJob 52, Job 63).
    public static let nameLength = Rule(
        "K8S-NAME-LENGTH", .error, .api,
        "CronJob names are at most 52 characters; Job names at most 63 (they become label values).")
    /// `metadata.namespace` is a DNS-1123 label.
    public static let namespaceName = Rule(
        "K8S-NAMESPACE-NAME", .error, .api, "metadata.namespace must be a DNS-1123 label.")
    /// Cluster-scoped objects ignore `metadata.namespace`.
    public static let namespaceIgnored = Rule(
        "K8S-NAMESPACE-IGNORED", .warning, .api,
        "Cluster-scoped objects have no namespace; the API server drops metadata.namespace.")
    /// Label keys are qualified names.
    public static let labelKey = Rule(
        "K8S-LABEL-KEY", .error, .api, "Label keys must be qualified names ([prefix/]name, name at most 63 characters)."
    )
    /// Label values have at most 63 characters of a restricted set.
    public static let labelValue = Rule(
        "K8S-LABEL-VALUE", .error, .api,
        "Label values must be empty or at most 63 alphanumerics, '-', '_' or '.', beginning and ending alphanumeric.")
    /// Annotation keys are qualified names.
    public static let annotationKey = Rule(
        "K8S-ANNOTATION-KEY", .error, .api, "Annotation keys must be qualified names.")
    /// Annotations total at most 256 KiB.
    public static let annotationSize = Rule(
        "K8S-ANNOTATION-SIZE", .error, .api, "All annotation keys and values together must not exceed 256 KiB.")

    // MARK: API server: quantities and resources

    /// Quantities must parse.
    public static let quantitySyntax = Rule(
        "K8S-QUANTITY-SYNTAX", .error, .api, "Quantities must be numbers with an optional suffix (500m, 2Gi, 1e3).")
    /// Resource amounts are not negative.
    public static let quantityNegative = Rule(
        "K8S-QUANTITY-NEGATIVE", .error, .api, "Resource quantities must not be negative.")
    /// Resource names are standard or extended names.
    public static let resourceName = Rule(
        "K8S-RESOURCE-NAME", .error, .api,
        "Container resource names must be cpu, memory, ephemeral-storage, hugepages-* or a domain-prefixed extended resource."
    )
    /// Requests do not exceed limits.
    public static let requestExceedsLimit = Rule(
        "K8S-RESOURCES-REQUEST-LIMIT", .error, .api, "A resource request must be less than or equal to its limit.")
    /// Extended resources and hugepages are whole numbers with request equal to limit.
    public static let extendedResource = Rule(
        "K8S-RESOURCES-EXTENDED", .error, .api,
        "Extended resources and hugepages need a limit; requests must equal limits; extended resources must be integers."
    )

    // MARK: API server: pods and containers

    /// A pod has at least one container.
    public static let containersRequired = Rule(
        "K8S-CONTAINERS-REQUIRED", .error, .api, "A pod spec needs at least one container.")
    /// Container names are unique DNS-1123 labels.
    public static let containerName = Rule(
        "K8S-CONTAINER-NAME", .error, .api,
        "Container names are required, must be DNS-1123 labels and unique across init and regular containers.")
    /// Containers have an image.
    public static let containerImage = Rule(
        "K8S-CONTAINER-IMAGE", .error, .api, "Every container needs an image (without surrounding whitespace).")
    /// Container and host ports are 1–65535.
    public static let containerPort = Rule(
        "K8S-CONTAINER-PORT", .error, .api, "containerPort must be 1–65535; hostPort must be 0 or 1–65535.")
    /// Port names are IANA service names.
    public static let portName = Rule(
        "K8S-PORT-NAME", .error, .api,
        "Port names must be IANA service names: at most 15 lowercase alphanumerics and single '-', with a letter.")
    /// Port names are unique within a container.
    public static let portNameDuplicate = Rule(
        "K8S-PORT-NAME-DUPLICATE", .error, .api, "Port names must be unique within a container.")
    /// The API server warns about repeated containerPort/protocol pairs.
    public static let containerPortDuplicate = Rule(
        "K8S-CONTAINER-PORT-DUPLICATE", .warning, .api,
        "A containerPort/protocol pair is declared twice in a pod (the API server warns).")
    /// Host ports do not collide within a pod.
    public static let hostPortConflict = Rule(
        "K8S-HOST-PORT-CONFLICT", .error, .api, "hostPort/protocol/hostIP combinations must be unique within a pod.")
    /// Protocols are TCP, UDP or SCTP.
    public static let protocolValue = Rule(
        "K8S-PROTOCOL", .error, .api, "Port protocols must be TCP, UDP or SCTP.")
    /// Enumerated fields hold known values.
    public static let enumValue = Rule(
        "K8S-ENUM-VALUE", .error, .api,
        "Enumerated fields (imagePullPolicy, restartPolicy, dnsPolicy, Service type ...) must hold a supported value.")
    /// Probes have exactly one handler.
    public static let probeHandler = Rule(
        "K8S-PROBE-HANDLER", .error, .api, "A probe or lifecycle hook must specify exactly one handler.")
    /// Liveness and startup probes need successThreshold 1.
    public static let probeSuccessThreshold = Rule(
        "K8S-PROBE-SUCCESS-THRESHOLD", .error, .api, "livenessProbe and startupProbe successThreshold must be 1.")
    /// Probe fields are in range.
    public static let probeValues = Rule(
        "K8S-PROBE-VALUES", .error, .api,
        "Probe timings must not be negative, ports must be valid, terminationGracePeriodSeconds positive and not on readiness probes."
    )
    /// Regular init containers take no probes or lifecycle hooks.
    public static let initContainerFields = Rule(
        "K8S-INIT-CONTAINER-FIELDS", .error, .api,
        "Init containers without restartPolicy Always may not have probes or lifecycle hooks; only init containers may set restartPolicy."
    )
    /// Environment variable names follow the relaxed v1.34+ rule.
    public static let envName = Rule(
        "K8S-ENV-NAME", .error, .api, "Environment variable names must be printable ASCII without '='.")
    /// Environment variable sources are well-formed.
    public static let envSource = Rule(
        "K8S-ENV-SOURCE", .error, .api,
        "env entries set value or valueFrom (not both); valueFrom and envFrom name exactly one source with its keys.")
    /// Volume names are unique DNS-1123 labels.
    public static let volumeName = Rule(
        "K8S-VOLUME-NAME", .error, .api, "Volume names must be unique DNS-1123 labels.")
    /// Volumes have exactly one source.
    public static let volumeSource = Rule(
        "K8S-VOLUME-SOURCE", .error, .api,
        "Each volume must specify exactly one volume source with its required fields.")
    /// Volume mounts reference declared volumes.
    public static let volumeMount = Rule(
        "K8S-VOLUME-MOUNT", .error, .api,
        "volumeMounts must name a declared volume, have a unique absolute-or-relative mountPath and a relative subPath without '..'."
    )
    /// Restart policies fit the kind.
    public static let restartPolicy = Rule(
        "K8S-RESTART-POLICY", .error, .api,
        "Workload templates need restartPolicy Always; Job templates OnFailure or Never.")
    /// Security context values are in range and consistent.
    public static let securityContext = Rule(
        "K8S-SECURITY-CONTEXT", .error, .api,
        "Security contexts need valid user/group IDs, consistent privilege settings and profiles matching their type.")
    /// Pod DNS settings are consistent.
    public static let podDNS = Rule(
        "K8S-POD-DNS", .error, .api, "dnsPolicy None requires dnsConfig.nameservers; dnsConfig limits apply.")
    /// Tolerations are well-formed.
    public static let toleration = Rule(
        "K8S-TOLERATION", .error, .api,
        "Tolerations: operator Exists takes no value; an empty key needs Exists; tolerationSeconds needs NoExecute.")
    /// Affinity and topology spread terms are well-formed.
    public static let scheduling = Rule(
        "K8S-SCHEDULING", .error, .api,
        "Node selector, affinity and topology spread terms need valid keys, operators, values, weights and maxSkew.")
    /// Numeric fields are within the bounds the API enforces.
    public static let fieldRange = Rule(
        "K8S-FIELD-RANGE", .error, .api,
        "Numeric fields (replicas, seconds, limits, ports, priorities) must be within the bounds the API enforces.")
    /// String fields have the syntax the API requires.
    public static let fieldFormat = Rule(
        "K8S-FIELD-FORMAT", .error, .api,
        "A string field (hostname, service account, class or condition name ...) must have the syntax the API requires."
    )
    /// Fields that are required by validation (not only by the schema) are set.
    public static let fieldRequired = Rule(
        "K8S-FIELD-REQUIRED", .error, .api, "A field the API server requires in this context is missing or empty.")
    /// Fields that may not be combined are not combined.
    public static let fieldForbidden = Rule(
        "K8S-FIELD-FORBIDDEN", .error, .api, "A field is set where the API server forbids it.")

    // MARK: API server: workloads

    /// Workload selectors are set.
    public static let selectorRequired = Rule(
        "K8S-SELECTOR-REQUIRED", .error, .api,
        "Deployments, StatefulSets, DaemonSets and ReplicaSets need a non-empty selector.")
    /// Workload selectors match their template.
    public static let selectorMismatch = Rule(
        "K8S-SELECTOR-MISMATCH", .error, .api, "The selector must match the pod template's labels.")
    /// Label selectors are well-formed.
    public static let selectorSyntax = Rule(
        "K8S-SELECTOR-SYNTAX", .error, .api,
        "Label selectors need valid keys and values; In/NotIn need values, Exists/DoesNotExist take none.")
    /// Job selectors are generated unless manualSelector is set.
    public static let selectorGenerated = Rule(
        "K8S-SELECTOR-GENERATED", .error, .api,
        "Jobs get a generated selector: set spec.selector only with manualSelector: true (never in a CronJob's jobTemplate)."
    )
    /// Rolling update parameters are valid.
    public static let rollingUpdate = Rule(
        "K8S-ROLLING-UPDATE", .error, .api,
        "maxSurge/maxUnavailable must be non-negative integers or percentages, not both zero, maxUnavailable at most 100%."
    )

    // MARK: API server: Services

    /// Service ports are valid and unique.
    public static let servicePort = Rule(
        "K8S-SERVICE-PORT", .error, .api,
        "Services need ports (unless headless or ExternalName) with unique port/protocol pairs.")
    /// Service port names are required with several ports, unique DNS-1123 labels.
    public static let servicePortName = Rule(
        "K8S-SERVICE-PORT-NAME", .error, .api,
        "With more than one port every Service port needs a name; names are unique DNS-1123 labels.")
    /// Service targetPorts are valid numbers or port names.
    public static let serviceTargetPort = Rule(
        "K8S-SERVICE-TARGET-PORT", .error, .api, "targetPort must be 1–65535 or an IANA port name.")
    /// NodePorts are valid and only on NodePort/LoadBalancer Services.
    public static let serviceNodePort = Rule(
        "K8S-SERVICE-NODE-PORT", .error, .api,
        "nodePort is only for NodePort/LoadBalancer Services, within the node port range and unique per protocol.")
    /// Service fields match the Service type.
    public static let serviceType = Rule(
        "K8S-SERVICE-TYPE-FIELDS", .error, .api,
        "Service fields must fit the type (externalName, clusterIP, loadBalancerSourceRanges, traffic policies, affinity)."
    )
    /// IP addresses and CIDRs parse.
    public static let ipAddress = Rule(
        "K8S-IP-ADDRESS", .error, .api, "IP addresses and CIDRs must be valid IPv4 or IPv6 notation.")

    // MARK: API server: configuration data

    /// ConfigMap and Secret keys are valid and unique.
    public static let dataKey = Rule(
        "K8S-DATA-KEY", .error, .api,
        "ConfigMap and Secret keys must be [-._a-zA-Z0-9]+, at most 253 characters, unique.")
    /// ConfigMap and Secret data stay under 1 MiB.
    public static let dataSize = Rule(
        "K8S-DATA-SIZE", .error, .api, "The data of a ConfigMap or Secret must not exceed 1 MiB in total.")
    /// Typed Secrets carry their required keys.
    public static let secretType = Rule(
        "K8S-SECRET-TYPE", .error, .api,
        "Typed Secrets (tls, dockerconfigjson, basic-auth ...) must carry their required keys.")

    // MARK: API server: autoscaling, disruption, networking

    /// HPA replica bounds.
    public static let hpaReplicas = Rule(
        "K8S-HPA-REPLICAS", .error, .api, "HPA minReplicas must be at least 1 and maxReplicas at least minReplicas.")
    /// HPA metric specs are consistent.
    public static let hpaMetric = Rule(
        "K8S-HPA-METRIC", .error, .api,
        "HPA metrics must populate exactly the source their type names, with a valid positive target.")
    /// HPA behavior bounds.
    public static let hpaBehavior = Rule(
        "K8S-HPA-BEHAVIOR", .error, .api,
        "HPA behavior: policies needed, periodSeconds 1–1800, value > 0, stabilizationWindowSeconds 0–3600.")
    /// HPA target references are valid.
    public static let hpaTargetReference = Rule(
        "K8S-HPA-TARGET-REF", .error, .api, "scaleTargetRef needs a kind and a name usable in an API path.")
    /// PDB budgets are valid.
    public static let pdbBudget = Rule(
        "K8S-PDB-BUDGET", .error, .api,
        "A PodDisruptionBudget sets minAvailable or maxUnavailable (not both), as a non-negative integer or a percentage up to 100%."
    )
    /// NetworkPolicy peers are well-formed.
    public static let networkPolicyPeer = Rule(
        "K8S-NETPOL-PEER", .error, .api,
        "NetworkPolicy peers set podSelector, namespaceSelector or ipBlock; ipBlock cannot be combined with selectors.")
    /// NetworkPolicy ipBlocks are well-formed.
    public static let networkPolicyIPBlock = Rule(
        "K8S-NETPOL-IPBLOCK", .error, .api, "ipBlock.cidr must be a CIDR and every except entry a strict subset of it.")
    /// NetworkPolicy ports are well-formed.
    public static let networkPolicyPort = Rule(
        "K8S-NETPOL-PORT", .error, .api,
        "NetworkPolicy ports: valid number or name; endPort needs a numeric port and must not be below it.")
    /// NetworkPolicy policyTypes are valid.
    public static let networkPolicyTypes = Rule(
        "K8S-NETPOL-POLICY-TYPES", .error, .api, "policyTypes may list Ingress and Egress, at most once each.")
    /// Ingress rules are valid.
    public static let ingressRules = Rule(
        "K8S-INGRESS-RULE", .error, .api,
        "Ingress needs rules or a defaultBackend; hosts are DNS names (optionally '*.' wildcards), paths start with '/'."
    )
    /// Ingress backends are valid.
    public static let ingressBackend = Rule(
        "K8S-INGRESS-BACKEND", .error, .api,
        "An Ingress backend names a Service (DNS-1035 name, port name or number) or a resource, not both.")
    /// IngressClass fields are valid.
    public static let ingressClass = Rule(
        "K8S-INGRESS-CLASS", .error, .api,
        "IngressClass controller must be a domain-prefixed path; ingressClassName a DNS-1123 subdomain.")

    // MARK: API server: batch

    /// CronJob schedules parse as standard cron.
    public static let cronSchedule = Rule(
        "K8S-CRONJOB-SCHEDULE", .error, .api,
        "CronJob schedules are 5-field cron expressions or @descriptors, without TZ=/CRON_TZ= (use spec.timeZone).")
    /// CronJob time zones are IANA names.
    public static let cronTimeZone = Rule(
        "K8S-CRONJOB-TIMEZONE", .error, .api, "spec.timeZone must be an IANA time zone name (not empty, not Local).")

    // MARK: API server: RBAC

    /// RBAC rules are well-shaped.
    public static let rbacRuleShape = Rule(
        "K8S-RBAC-RULE", .error, .api,
        "RBAC rules need verbs; resource rules need apiGroups and resources; nonResourceURLs only in ClusterRoles, alone."
    )
    /// RBAC role references are valid.
    public static let rbacRoleRef = Rule(
        "K8S-RBAC-ROLE-REF", .error, .api,
        "roleRef must name a Role or ClusterRole (ClusterRole for ClusterRoleBindings) in rbac.authorization.k8s.io.")
    /// RBAC subjects are valid.
    public static let rbacSubject = Rule(
        "K8S-RBAC-SUBJECT", .error, .api,
        "Subjects are ServiceAccount (apiGroup \"\", namespace where needed), User or Group (rbac.authorization.k8s.io), with a name."
    )
    /// ClusterRole aggregation rules are valid.
    public static let rbacAggregation = Rule(
        "K8S-RBAC-AGGREGATION", .error, .api, "aggregationRule needs at least one valid clusterRoleSelector.")

    // MARK: API server: storage and cluster objects

    /// PersistentVolumeClaims are well-formed.
    public static let persistentVolumeClaim = Rule(
        "K8S-PVC-SPEC", .error, .api,
        "PVCs need accessModes (ReadWriteOncePod alone) and a positive storage request (unless dataSource-populated).")
    /// PersistentVolumes are well-formed.
    public static let persistentVolume = Rule(
        "K8S-PV-SPEC", .error, .api,
        "PersistentVolumes need storage capacity, accessModes and exactly one volume source.")
    /// StorageClasses are well-formed.
    public static let storageClass = Rule(
        "K8S-STORAGECLASS", .error, .api,
        "StorageClass provisioner must be a qualified name; reclaimPolicy Delete or Retain; parameters under 256 KiB.")
    /// PriorityClasses respect the system range.
    public static let priorityClass = Rule(
        "K8S-PRIORITYCLASS", .error, .api,
        "PriorityClass values above 1,000,000,000 and the 'system-' prefix are reserved for system classes.")
    /// LimitRange bounds are ordered.
    public static let limitRange = Rule(
        "K8S-LIMITRANGE", .error, .api, "LimitRange values must satisfy min ≤ defaultRequest ≤ default ≤ max.")
    /// CustomResourceDefinitions are consistent.
    public static let customResourceDefinition = Rule(
        "K8S-CRD", .error, .api,
        "CRD name must be <plural>.<group>; scope Namespaced or Cluster; exactly one storage version; names valid.")
    /// List items decode.
    public static let listItem = Rule(
        "K8S-LIST-ITEM", .error, .api, "Every item of a List document must be a well-formed object of a known shape.")
    /// Namespaces carry valid Pod Security labels.
    public static let podSecurityLabel = Rule(
        "K8S-PSA-LABEL", .error, .api,
        "pod-security.kubernetes.io/* labels must name a level (privileged, baseline, restricted) or version (latest, v1.N)."
    )

    // MARK: Pod Security Standards: baseline

    /// Baseline: host namespaces.
    public static let pssHostNamespaces = Rule(
        "PSS-BASELINE-HOST-NAMESPACES", .error, .podSecurity, "hostNetwork, hostPID and hostIPC must not be true.")
    /// Baseline: privileged containers.
    public static let pssPrivileged = Rule(
        "PSS-BASELINE-PRIVILEGED", .error, .podSecurity, "Containers must not be privileged.")
    /// Baseline: capabilities.
    public static let pssBaselineCapabilities = Rule(
        "PSS-BASELINE-CAPABILITIES", .error, .podSecurity,
        "capabilities.add may only list the default set (AUDIT_WRITE, CHOWN, ... SYS_CHROOT).")
    /// Baseline: hostPath volumes.
    public static let pssHostPath = Rule(
        "PSS-BASELINE-HOST-PATH", .error, .podSecurity, "hostPath volumes are forbidden.")
    /// Baseline: host ports.
    public static let pssHostPorts = Rule(
        "PSS-BASELINE-HOST-PORTS", .error, .podSecurity, "hostPort must be unset or 0.")
    /// Baseline: AppArmor.
    public static let pssAppArmor = Rule(
        "PSS-BASELINE-APPARMOR", .error, .podSecurity, "AppArmor profiles must be RuntimeDefault or Localhost.")
    /// Baseline: SELinux.
    public static let pssSELinux = Rule(
        "PSS-BASELINE-SELINUX", .error, .podSecurity,
        "seLinuxOptions.type must be a container type; user and role must be empty.")
    /// Baseline: /proc mount.
    public static let pssProcMount = Rule(
        "PSS-BASELINE-PROC-MOUNT", .error, .podSecurity, "procMount must be Default (unless hostUsers: false).")
    /// Baseline: seccomp.
    public static let pssBaselineSeccomp = Rule(
        "PSS-BASELINE-SECCOMP", .error, .podSecurity, "seccompProfile.type must not be Unconfined.")
    /// Baseline: sysctls.
    public static let pssSysctls = Rule(
        "PSS-BASELINE-SYSCTLS", .error, .podSecurity, "Only the safe sysctls are allowed.")
    /// Baseline: Windows HostProcess.
    public static let pssHostProcess = Rule(
        "PSS-BASELINE-HOST-PROCESS", .error, .podSecurity, "Windows HostProcess containers are forbidden.")
    /// Baseline: probe and lifecycle hosts.
    public static let pssProbeHost = Rule(
        "PSS-BASELINE-PROBE-HOST", .error, .podSecurity, "Probes and lifecycle hooks must not set a host.")

    // MARK: Pod Security Standards: restricted

    /// Restricted: volume types.
    public static let pssVolumeTypes = Rule(
        "PSS-RESTRICTED-VOLUME-TYPES", .error, .podSecurity,
        "Only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes."
    )
    /// Restricted: privilege escalation.
    public static let pssPrivilegeEscalation = Rule(
        "PSS-RESTRICTED-PRIVILEGE-ESCALATION", .error, .podSecurity,
        "Every container must set allowPrivilegeEscalation: false.")
    /// Restricted: runAsNonRoot.
    public static let pssRunAsNonRoot = Rule(
        "PSS-RESTRICTED-RUN-AS-NON-ROOT", .error, .podSecurity,
        "runAsNonRoot must be true for the pod or every container.")
    /// Restricted: runAsUser.
    public static let pssRunAsUser = Rule(
        "PSS-RESTRICTED-RUN-AS-USER", .error, .podSecurity, "runAsUser must not be 0.")
    /// Restricted: seccomp.
    public static let pssRestrictedSeccomp = Rule(
        "PSS-RESTRICTED-SECCOMP", .error, .podSecurity,
        "seccompProfile.type must be RuntimeDefault or Localhost for the pod or every container.")
    /// Restricted: capabilities.
    public static let pssRestrictedCapabilities = Rule(
        "PSS-RESTRICTED-CAPABILITIES", .error, .podSecurity,
        "Containers must drop ALL capabilities and may add only NET_BIND_SERVICE.")
    /// Restricted: /proc mount.
    public static let pssRestrictedProcMount = Rule(
        "PSS-RESTRICTED-PROC-MOUNT", .error, .podSecurity, "procMount must be Default, even with hostUsers: false.")

    // MARK: Best practice

    /// Privileged containers.
    public static let policyPrivileged = Rule(
        "POLICY-PRIVILEGED-CONTAINER", .error, .policy, "Containers should not run privileged.")
    /// Privilege escalation.
    public static let policyPrivilegeEscalation = Rule(
        "POLICY-PRIVILEGE-ESCALATION", .warning, .policy, "Containers should set allowPrivilegeEscalation: false.")
    /// runAsNonRoot.
    public static let policyRunAsNonRoot = Rule(
        "POLICY-RUN-AS-NON-ROOT", .warning, .policy, "Containers should run as a non-root user (runAsNonRoot: true).")
    /// Read-only root filesystem.
    public static let policyReadOnlyRootFilesystem = Rule(
        "POLICY-READ-ONLY-ROOT-FILESYSTEM", .warning, .policy, "Containers should set readOnlyRootFilesystem: true.")
    /// Capabilities drop ALL.
    public static let policyDropAllCapabilities = Rule(
        "POLICY-CAPABILITIES-DROP-ALL", .warning, .policy,
        "Containers should drop ALL capabilities and add back only what they need.")
    /// Host namespaces.
    public static let policyHostNamespaces = Rule(
        "POLICY-HOST-NAMESPACES", .error, .policy, "Pods should not share the host's network, PID or IPC namespace.")
    /// Seccomp.
    public static let policySeccomp = Rule(
        "POLICY-SECCOMP-PROFILE", .warning, .policy,
        "Pods should use the RuntimeDefault (or a Localhost) seccomp profile.")
    /// Secret-looking literal values in env.
    public static let policySecretLiteralInEnv = Rule(
        "POLICY-SECRET-LITERAL-IN-ENV", .error, .policy,
        "Environment variables named like secrets (password, token, key ...) should come from a Secret, not a literal.")
    /// Secrets exposed as environment variables.
    public static let policySecretInEnv = Rule(
        "POLICY-SECRET-IN-ENV", .info, .policy,
        "Prefer mounting Secrets as files over exposing them as environment variables.")
    /// Service account token automount.
    public static let policyServiceAccountToken = Rule(
        "POLICY-SA-TOKEN-AUTOMOUNT", .info, .policy,
        "Pods that do not call the API should set automountServiceAccountToken: false.")
    /// RBAC wildcards.
    public static let policyRBACWildcard = Rule(
        "POLICY-RBAC-WILDCARD", .warning, .policy, "RBAC rules should not use '*' for verbs, resources or apiGroups.")
    /// cluster-admin bindings.
    public static let policyClusterAdminBinding = Rule(
        "POLICY-CLUSTER-ADMIN-BINDING", .warning, .policy, "Avoid binding the cluster-admin ClusterRole.")
    /// Liveness probes.
    public static let policyLivenessProbe = Rule(
        "POLICY-LIVENESS-PROBE", .warning, .policy, "Long-running containers should have a livenessProbe.")
    /// Readiness probes.
    public static let policyReadinessProbe = Rule(
        "POLICY-READINESS-PROBE", .warning, .policy, "Long-running containers should have a readinessProbe.")
    /// Resource requests.
    public static let policyResourceRequests = Rule(
        "POLICY-RESOURCE-REQUESTS", .warning, .policy, "Containers should request cpu and memory.")
    /// Memory limits.
    public static let policyMemoryLimit = Rule(
        "POLICY-MEMORY-LIMIT", .warning, .policy, "Containers should set a memory limit.")
    /// CPU limits.
    public static let policyCPULimit = Rule(
        "POLICY-CPU-LIMIT", .info, .policy, "Containers may set a cpu limit (some clusters require one).")
    /// Image tags.
    public static let policyImageTag = Rule(
        "POLICY-IMAGE-TAG", .warning, .policy, "Images should be pinned to a tag other than latest, or a digest.")
    /// Image pull policy.
    public static let policyImagePullPolicy = Rule(
        "POLICY-IMAGE-PULL-POLICY", .info, .policy,
        "Images not pinned by digest should use imagePullPolicy: Always so nodes do not run stale copies.")
    /// Replicas.
    public static let policyReplicas = Rule(
        "POLICY-REPLICAS", .warning, .policy, "Deployments and StatefulSets should run at least two replicas.")
    /// Anti-affinity or topology spread.
    public static let policyAntiAffinity = Rule(
        "POLICY-ANTI-AFFINITY", .warning, .policy,
        "Multi-replica workloads should spread pods with podAntiAffinity or topologySpreadConstraints.")
    /// HPA minimum replicas.
    public static let policyHPAMinReplicas = Rule(
        "POLICY-HPA-MIN-REPLICAS", .warning, .policy, "HorizontalPodAutoscalers should keep at least two replicas.")
    /// HPA target type consistency.
    public static let policyHPATargetType = Rule(
        "POLICY-HPA-TARGET-TYPE", .warning, .policy,
        "An HPA metric target's type should match the field it sets (Utilization/averageUtilization, Value/value, AverageValue/averageValue)."
    )
    /// PDB coverage.
    public static let policyPDBMissing = Rule(
        "POLICY-PDB-MISSING", .warning, .policy, "Multi-replica workloads should be covered by a PodDisruptionBudget.")
    /// NetworkPolicy coverage.
    public static let policyNetworkPolicyMissing = Rule(
        "POLICY-NETWORK-POLICY-MISSING", .warning, .policy, "Pods should be selected by at least one NetworkPolicy.")
    /// Host ports.
    public static let policyHostPort = Rule(
        "POLICY-HOST-PORT", .warning, .policy, "Containers should not bind host ports.")
    /// Docker socket mounts.
    public static let policyContainerRuntimeSocket = Rule(
        "POLICY-RUNTIME-SOCKET", .error, .policy, "Pods should not mount the container runtime socket from the host.")
    /// Default namespace.
    public static let policyDefaultNamespace = Rule(
        "POLICY-DEFAULT-NAMESPACE", .info, .policy, "Namespaced objects should name a namespace other than default.")
    /// Added Linux capabilities.
    public static let policyCapabilitiesAdded = Rule(
        "POLICY-CAPABILITIES-ADDED", .warning, .policy,
        "Containers should not add Linux capabilities (SYS_ADMIN and NET_RAW above all); grant one only "
            + "when the workload needs it.")
    /// High user IDs.
    public static let policyRunAsHighUID = Rule(
        "POLICY-RUN-AS-HIGH-UID", .info, .policy,
        "Containers should run as a user ID of 10000 or more, so they share no user with the node "
            + "(unless hostUsers: false).")
    /// Digest-pinned images.
    public static let policyImageDigest = Rule(
        "POLICY-IMAGE-DIGEST", .info, .policy,
        "Images should be pinned by digest, so what runs is exactly what was reviewed.")
    /// The Kubernetes dashboard.
    public static let policyKubernetesDashboard = Rule(
        "POLICY-KUBERNETES-DASHBOARD", .warning, .policy,
        "Avoid deploying the Kubernetes dashboard: a web UI with cluster credentials is a common way in.")
    /// Helm 2's Tiller.
    public static let policyHelmTiller = Rule(
        "POLICY-HELM-TILLER", .warning, .policy,
        "Do not run Tiller (Helm 2's in-cluster server, unsupported since 2020) or a Service in front of it.")
    /// git-sync's git binary override.
    public static let policyGitSyncGit = Rule(
        "POLICY-GIT-SYNC-GIT", .warning, .policy,
        "git-sync containers should not set GITSYNC_GIT: it chooses the program git-sync runs as git.")
    /// The default service account.
    public static let policyDefaultServiceAccount = Rule(
        "POLICY-DEFAULT-SERVICE-ACCOUNT", .warning, .policy,
        "A namespace's default ServiceAccount should not be granted roles and should set "
            + "automountServiceAccountToken: false.")
    /// ingress-nginx snippet annotations.
    public static let policyIngressSnippet = Rule(
        "POLICY-INGRESS-SNIPPET", .warning, .policy,
        "Ingresses should not use ingress-nginx *-snippet annotations, which inject raw configuration into the "
            + "controller (CVE-2021-25742).")
    /// RBAC permissions that lead to more permissions.
    public static let policyRBACSensitivePermission = Rule(
        "POLICY-RBAC-SENSITIVE-PERMISSION", .warning, .policy,
        "Roles should not grant permissions that lead to others: bind or escalate roles, impersonate, approve certificates, "
            + "change admission webhooks, exec into pods, proxy to nodes, read every Secret, or write Service status.")
    /// Built-in kinds at API versions no longer served by v1.37 (its API server answers "no
    /// matches for kind"). A policy finding, not an API rule: the schema oracles still accept
    /// these versions and manifests kept for older clusters carry them, so the default is a
    /// warning that configuration can raise to an error.
    public static let apiVersionRemoved = Rule(
        "POLICY-API-VERSION-REMOVED", .warning, .policy,
        "Built-in kinds must use an API version Kubernetes still serves (batch/v1beta1 CronJob, policy/v1beta1 and "
            + "extensions/v1beta1 kinds are gone).")

    // MARK: KubeKit configuration

    /// Suppression annotations need a reason.
    public static let suppressionReason = Rule(
        "KUBEKIT-SUPPRESSION-REASON", .error, .policy,
        "kubekit.io/ignore needs a kubekit.io/ignore-reason annotation; without one nothing is suppressed.")
    /// Suppressions are forbidden by configuration.
    public static let suppressionForbidden = Rule(
        "KUBEKIT-SUPPRESSION-FORBIDDEN", .warning, .policy,
        "Suppressions are switched off for this run; the kubekit.io/ignore annotation has no effect.")
    /// Suppressions name rules that exist.
    public static let suppressionUnknownID = Rule(
        "KUBEKIT-SUPPRESSION-UNKNOWN-RULE", .warning, .policy, "kubekit.io/ignore names a rule ID that does not exist.")

    /// Every rule, in catalog order (API, Pod Security, policy, then Karpenter, eksctl and Flux).
    public static let catalog: [Rule] = [
        nameRequired, nameDNS1123Subdomain, nameDNS1123Label, nameDNS1035Label, namePathSegment, nameLength,
        namespaceName, namespaceIgnored, labelKey, labelValue, annotationKey, annotationSize,
        quantitySyntax, quantityNegative, resourceName, requestExceedsLimit, extendedResource,
        containersRequired, containerName, containerImage, containerPort, portName, portNameDuplicate,
        containerPortDuplicate, hostPortConflict, protocolValue, enumValue, probeHandler, probeSuccessThreshold,
        probeValues, initContainerFields, envName, envSource, volumeName, volumeSource, volumeMount, restartPolicy,
        securityContext, podDNS, toleration, scheduling, fieldRange, fieldFormat, fieldRequired, fieldForbidden,
        selectorRequired, selectorMismatch, selectorSyntax, selectorGenerated, rollingUpdate,
        servicePort, servicePortName, serviceTargetPort, serviceNodePort, serviceType, ipAddress,
        dataKey, dataSize, secretType,
        hpaReplicas, hpaMetric, hpaBehavior, hpaTargetReference, pdbBudget,
        networkPolicyPeer, networkPolicyIPBlock, networkPolicyPort, networkPolicyTypes,
        ingressRules, ingressBackend, ingressClass, cronSchedule, cronTimeZone,
        rbacRuleShape, rbacRoleRef, rbacSubject, rbacAggregation,
        persistentVolumeClaim, persistentVolume, storageClass, priorityClass, limitRange, customResourceDefinition,
        listItem, podSecurityLabel,
        pssHostNamespaces, pssPrivileged, pssBaselineCapabilities, pssHostPath, pssHostPorts, pssAppArmor, pssSELinux,
        pssProcMount, pssBaselineSeccomp, pssSysctls, pssHostProcess, pssProbeHost,
        pssVolumeTypes, pssPrivilegeEscalation, pssRunAsNonRoot, pssRunAsUser, pssRestrictedSeccomp,
        pssRestrictedCapabilities, pssRestrictedProcMount,
        policyPrivileged, policyPrivilegeEscalation, policyRunAsNonRoot, policyReadOnlyRootFilesystem,
        policyDropAllCapabilities, policyHostNamespaces, policySeccomp, policySecretLiteralInEnv, policySecretInEnv,
        policyServiceAccountToken, policyRBACWildcard, policyClusterAdminBinding, policyLivenessProbe,
        policyReadinessProbe, policyResourceRequests, policyMemoryLimit, policyCPULimit, policyImageTag,
        policyImagePullPolicy, policyReplicas, policyAntiAffinity, policyHPAMinReplicas, policyHPATargetType,
        policyPDBMissing, policyNetworkPolicyMissing, policyHostPort, policyContainerRuntimeSocket,
        policyDefaultNamespace, policyCapabilitiesAdded, policyRunAsHighUID, policyImageDigest,
        policyKubernetesDashboard, policyHelmTiller, policyGitSyncGit, policyDefaultServiceAccount, policyIngressSnippet,
        policyRBACSensitivePermission, apiVersionRemoved,
        suppressionReason, suppressionForbidden, suppressionUnknownID,
    ] + karpenterCatalog + eksctlCatalog + fluxCatalog + crossResourceCatalog + schemaCatalog

    /// The rules of ``catalog`` by ID.
    public static let catalogByID: [RuleID: Rule] = {
        var table: [RuleID: Rule] = [:]
        for rule in catalog { table[rule.id] = rule }
        return table
    }()

    /// The rule with this ID, if it exists.
    public static func named(_ id: RuleID) -> Rule? {
        catalogByID[id]
    }
}
