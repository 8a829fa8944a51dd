import Foundation
import KubeAWS
import KubeModels
import Testing

@Suite("ALB Ingress annotations")
struct ALBIngressAnnotationsTests {
    /// One annotation and its canonical text: reading it and writing it back gives the same text.
    struct Sample: Sendable, CustomTestStringConvertible {
        var suffix: String
        var value: String
        var key: String { ALBAnnotationKey.prefix + suffix }
        var testDescription: String { suffix }
    }

    static let samples: [Sample] = [
        Sample(suffix: "load-balancer-name", value: "my-alb"),
        Sample(suffix: "group.name", value: "shared-public.v2"),
        Sample(suffix: "group.order", value: "-10"),
        Sample(suffix: "tags", value: "Environment=prod,Team=platform"),
        Sample(suffix: "ip-address-type", value: "dualstack-without-public-ipv4"),
        Sample(suffix: "scheme", value: "internet-facing"),
        Sample(suffix: "subnets", value: "subnet-0a,subnet-0b"),
        Sample(suffix: "security-groups", value: "sg-0123,web-sg"),
        Sample(suffix: "manage-backend-security-group-rules", value: "true"),
        Sample(suffix: "customer-owned-ipv4-pool", value: "ipv4pool-coip-0123"),
        Sample(suffix: "ipam-ipv4-pool-id", value: "ipam-pool-0123"),
        Sample(
            suffix: "load-balancer-attributes",
            value: "deletion_protection.enabled=true,idle_timeout.timeout_seconds=600"),
        Sample(suffix: "wafv2-acl-arn", value: "arn:aws:wafv2:us-west-2:111122223333:regional/webacl/web/abcd"),
        Sample(suffix: "wafv2-acl-name", value: "none"),
        Sample(suffix: "waf-acl-id", value: "0123-4567"),
        Sample(suffix: "shield-advanced-protection", value: "false"),
        Sample(suffix: "listen-ports", value: #"[{"HTTP": 80}, {"HTTPS": 443}]"#),
        Sample(suffix: "ssl-redirect", value: "443"),
        Sample(suffix: "inbound-cidrs", value: "10.0.0.0/8,2001:db8::/32"),
        Sample(suffix: "security-group-prefix-lists", value: "pl-00000000,pl-11111111"),
        Sample(
            suffix: "certificate-arn",
            value: "arn:aws:acm:us-west-2:111122223333:certificate/a,arn:aws:acm:us-west-2:111122223333:certificate/b"),
        Sample(suffix: "ssl-policy", value: "ELBSecurityPolicy-TLS13-1-2-2021-06"),
        Sample(
            suffix: "mutual-authentication",
            value:
                #"[{"mode":"verify","port":443,"trustStore":"arn:aws:elasticloadbalancing:us-west-2:1:truststore/ts/0"},"#
                + #"{"advertiseTrustStoreCaNames":"on","ignoreClientCertificateExpiry":true,"mode":"verify","port":8443,"#
                + #""trustStore":"ts-name"},{"mode":"passthrough","port":9443}]"#),
        Sample(suffix: "create-acm-cert", value: "true"),
        Sample(suffix: "acm-pca-arn", value: "arn:aws:acm-pca:us-west-2:111122223333:certificate-authority/0123"),
        Sample(suffix: "target-type", value: "ip"),
        Sample(suffix: "target-node-labels", value: "role=web,tier=frontend"),
        Sample(suffix: "backend-protocol", value: "HTTPS"),
        Sample(suffix: "backend-protocol-version", value: "GRPC"),
        Sample(
            suffix: "target-group-attributes",
            value: "deregistration_delay.timeout_seconds=30,stickiness.enabled=true"),
        Sample(suffix: "multi-cluster-target-group", value: "true"),
        Sample(suffix: "healthcheck-port", value: "traffic-port"),
        Sample(suffix: "healthcheck-protocol", value: "HTTP"),
        Sample(suffix: "healthcheck-path", value: "/healthz"),
        Sample(suffix: "healthcheck-interval-seconds", value: "10"),
        Sample(suffix: "healthcheck-timeout-seconds", value: "8"),
        Sample(suffix: "healthy-threshold-count", value: "3"),
        Sample(suffix: "unhealthy-threshold-count", value: "4"),
        Sample(suffix: "success-codes", value: "200-299"),
        Sample(suffix: "auth-type", value: "cognito"),
        Sample(
            suffix: "auth-idp-cognito",
            value: #"{"authenticationRequestExtraParams":{"display":"page"},"#
                + #""userPoolARN":"arn:aws:cognito-idp:us-west-2:111122223333:userpool/us-west-2_abc","#
                + #""userPoolClientID":"client","userPoolDomain":"my-domain"}"#),
        Sample(
            suffix: "auth-idp-oidc",
            value: #"{"authorizationEndpoint":"https://idp.example.com/authorize","issuer":"https://idp.example.com","#
                + #""secretName":"oidc-secret","tokenEndpoint":"https://idp.example.com/token","#
                + #""userInfoEndpoint":"https://idp.example.com/userinfo"}"#),
        Sample(suffix: "auth-on-unauthenticated-request", value: "deny"),
        Sample(suffix: "auth-scope", value: "openid email profile"),
        Sample(suffix: "auth-session-cookie", value: "my-session"),
        Sample(suffix: "auth-session-timeout", value: "3600"),
        Sample(
            suffix: "jwt-validation",
            value:
                #"{"additionalClaims":[{"format":"space-separated-values","name":"scope","values":["read","write"]}],"#
                + #""issuer":"https://issuer.example.com","jwksEndpoint":"https://issuer.example.com/jwks"}"#),
        Sample(
            suffix: "actions.ssl-redirect",
            value: #"{"redirectConfig":{"port":"443","protocol":"HTTPS","statusCode":"HTTP_301"},"type":"redirect"}"#),
        Sample(
            suffix: "transforms.api",
            value:
                #"[{"type":"url-rewrite","urlRewriteConfig":{"rewrites":[{"regex":"^/api/(.*)$","replace":"/$1"}]}}]"#),
        Sample(
            suffix: "conditions.web",
            value: #"[{"field":"host-header","hostHeaderConfig":{"values":["anno.example.com"]}},"#
                + #"{"field":"query-string","queryStringConfig":{"values":[{"key":"version","value":"v2"}]}}]"#),
        Sample(suffix: "use-regex-path-match", value: "true"),
        Sample(
            suffix: "listener-attributes.HTTPS-443",
            value: #"routing.http.response.access_control_allow_headers.header_value=Content-Type\,Authorization,"#
                + "routing.http.response.server.enabled=false"),
        Sample(suffix: "minimum-load-balancer-capacity", value: "CapacityUnits=100"),
        Sample(suffix: "target-control-port.web.80", value: "3000"),
        Sample(suffix: "enable-frontend-nlb", value: "true"),
        Sample(suffix: "frontend-nlb-scheme", value: "internal"),
        Sample(suffix: "frontend-nlb-subnets", value: "subnet-0c,subnet-0d"),
        Sample(suffix: "frontend-nlb-security-groups", value: "sg-0456"),
        Sample(suffix: "frontend-nlb-listener-port-mapping", value: "80=443,8080=8443"),
        Sample(suffix: "frontend-nlb-healthcheck-port", value: "8080"),
        Sample(suffix: "frontend-nlb-healthcheck-protocol", value: "HTTPS"),
        Sample(suffix: "frontend-nlb-healthcheck-path", value: "/ready"),
        Sample(suffix: "frontend-nlb-healthcheck-interval-seconds", value: "15"),
        Sample(suffix: "frontend-nlb-healthcheck-timeout-seconds", value: "5"),
        Sample(suffix: "frontend-nlb-healthcheck-healthy-threshold-count", value: "2"),
        Sample(suffix: "frontend-nlb-healthcheck-unhealthy-threshold-count", value: "2"),
        Sample(suffix: "frontend-nlb-healthcheck-success-codes", value: "200,204"),
        Sample(suffix: "frontend-nlb-tags", value: "Name=front"),
        Sample(suffix: "frontend-nlb-eip-allocations", value: "eipalloc-1,eipalloc-2"),
        Sample(suffix: "frontend-nlb-attributes", value: "load_balancing.cross_zone.enabled=true"),
    ]

    @Test("Each annotation round-trips through the typed value", arguments: samples)
    func roundTrip(_ sample: Sample) throws {
        let input = [sample.key: sample.value, "kubernetes.io/ingress.class": "alb"]
        let parsed = try ALBIngressAnnotations(annotations: input, unknownKeys: .reject)
        #expect(parsed != ALBIngressAnnotations(), "the annotation set a property")
        #expect(parsed.additionalAnnotations.isEmpty)
        #expect(parsed.annotations == [sample.key: sample.value])
        #expect(try parsed.validatedAnnotations() == [sample.key: sample.value])
        #expect(try ALBIngressAnnotations(annotations: parsed.annotations) == parsed)
    }

    @Test("All samples together round-trip, and cover every annotation of the reference")
    func everything() throws {
        var input: [String: String] = [:]
        for sample in Self.samples { input[sample.key] = sample.value }
        let parsed = try ALBIngressAnnotations(annotations: input, unknownKeys: .reject)
        #expect(parsed.annotations == input)
        let fixed = Set(ALBAnnotationKey.allFixed.map(\.rawValue))
        #expect(fixed.count == 65)
        #expect(fixed.isSubset(of: Set(input.keys)))
    }

    @Test("The fixed keys and families are exactly those of ANNOTATIONS.md")
    func matchesReference() throws {
        let text = try KubeAWSTestPaths.referenceText("aws-load-balancer-controller/ANNOTATIONS.md")
        var names: [String] = []
        for line in text.components(separatedBy: "\n") where line.hasPrefix("| `alb.ingress.kubernetes.io/") {
            let parts = line.components(separatedBy: "`")
            names.append(parts[1])
        }
        #expect(names.count == 70)
        let fixed = names.filter { !$0.contains("${") }
        let families = names.filter { $0.contains("${") }.map { name in
            String(name.dropFirst(ALBAnnotationKey.prefix.count).prefix { $0 != "$" })
        }
        #expect(Set(fixed) == Set(ALBAnnotationKey.allFixed.map(\.rawValue)))
        #expect(
            Set(families) == [
                "actions.", "transforms.", "conditions.", "listener-attributes.", "target-control-port.",
            ])
        #expect(ALBAnnotationKey.action("x").rawValue == "alb.ingress.kubernetes.io/actions.x")
        #expect(
            ALBAnnotationKey.listenerAttributes(.https()).rawValue
                == "alb.ingress.kubernetes.io/listener-attributes.HTTPS-443")
        #expect(
            ALBAnnotationKey.targetControlPort(ALBServicePort(serviceName: "web", port: 80)).rawValue
                == "alb.ingress.kubernetes.io/target-control-port.web.80")
    }

    @Test("Typed values produce the controller's text")
    func typedOutput() throws {
        var alb = ALBIngressAnnotations()
        alb.scheme = .internetFacing
        alb.targetType = .ip
        alb.listenPorts = [.http(), .https(), .https(8443)]
        alb.sslRedirect = 443
        alb.certificateARNs = ["arn:a", "arn:b"]
        alb.tags = ["b": "2", "a": "1"]
        alb.groupName = "public"
        alb.groupOrder = 10
        alb.healthCheckPort = .port(8080)
        alb.successCodes = .codes([200, 201])
        alb.authType = .disabled
        alb.wafv2ACLARN = .detach
        alb.authScope = ["openid", "email"]
        alb.minimumCapacityUnits = 0
        alb.frontendNLBListenerPortMapping = [8080: 80, 443: 443]
        alb.actions["response-503"] = .fixedResponse(statusCode: 503, contentType: "text/plain", messageBody: "busy")
        alb.actions["canary"] = .forward([
            .service("web", port: 80, weight: 90), .service("web-v2", port: "http", weight: 10),
        ])
        alb.conditions["web"] = [.httpHeader(name: "X-Canary", values: ["yes"]), .sourceIP(["10.0.0.0/8"])]
        alb.transforms["web"] = [.hostHeaderRewrite(regex: "^(.*)$", replace: "internal.example.com")]
        alb.listenerAttributes[.http()] = ["routing.http.response.server.enabled": "false"]
        alb.targetControlPorts[ALBServicePort(serviceName: "web", servicePort: "http")] = 3000
        alb.mutualAuthentication = [.verify(trustStore: "ts"), .off(port: 8443)]
        alb.jwtValidation = ALBJWTValidation(
            jwksEndpoint: "https://example.com/jwks", issuer: "https://example.com",
            additionalClaims: [.init(name: "aud", format: .singleString, values: ["api"])])
        let p = ALBAnnotationKey.prefix
        let expected: [String: String] = [
            p + "scheme": "internet-facing",
            p + "target-type": "ip",
            p + "listen-ports": #"[{"HTTP": 80}, {"HTTPS": 443}, {"HTTPS": 8443}]"#,
            p + "ssl-redirect": "443",
            p + "certificate-arn": "arn:a,arn:b",
            p + "tags": "a=1,b=2",
            p + "group.name": "public",
            p + "group.order": "10",
            p + "healthcheck-port": "8080",
            p + "success-codes": "200,201",
            p + "auth-type": "none",
            p + "wafv2-acl-arn": "none",
            p + "auth-scope": "openid email",
            p + "minimum-load-balancer-capacity": "CapacityUnits=0",
            p + "frontend-nlb-listener-port-mapping": "443=443,8080=80",
            p + "actions.response-503":
                #"{"fixedResponseConfig":{"contentType":"text/plain","messageBody":"busy","statusCode":"503"},"#
                + #""type":"fixed-response"}"#,
            p + "actions.canary":
                #"{"forwardConfig":{"targetGroups":[{"serviceName":"web","servicePort":80,"weight":90},"#
                + #"{"serviceName":"web-v2","servicePort":"http","weight":10}]},"type":"forward"}"#,
            p + "conditions.web":
                #"[{"field":"http-header","httpHeaderConfig":{"httpHeaderName":"X-Canary","values":["yes"]}},"#
                + #"{"field":"source-ip","sourceIPConfig":{"values":["10.0.0.0/8"]}}]"#,
            p + "transforms.web":
                #"[{"hostHeaderRewriteConfig":{"rewrites":[{"regex":"^(.*)$","replace":"internal.example.com"}]},"#
                + #""type":"host-header-rewrite"}]"#,
            p + "listener-attributes.HTTP-80": "routing.http.response.server.enabled=false",
            p + "target-control-port.web.http": "3000",
            p + "mutual-authentication":
                #"[{"mode":"verify","port":443,"trustStore":"ts"},{"mode":"off","port":8443}]"#,
            p + "jwt-validation":
                #"{"additionalClaims":[{"format":"single-string","name":"aud","values":["api"]}],"#
                + #""issuer":"https://example.com","jwksEndpoint":"https://example.com/jwks"}"#,
        ]
        #expect(alb.annotations == expected)
        for key in expected.keys.sorted() where alb.annotations[key] != expected[key] {
            Issue.record("\(key): \(alb.annotations[key] ?? "nil")")
        }
        #expect(try alb.validatedAnnotations() == expected)
        #expect(try ALBIngressAnnotations(annotations: expected) == alb)
        #expect(alb.actions["canary"]?.type == .forward)
        #expect(alb.conditions["web"]?.first?.field == "http-header")
    }

    struct Lenient: Sendable, CustomTestStringConvertible {
        var suffix: String
        var input: String
        var canonical: String
        var testDescription: String { "\(suffix) \(input)" }
    }

    static let lenientInputs: [Lenient] = [
        Lenient(suffix: "subnets", input: " subnet-a , subnet-b,, ", canonical: "subnet-a,subnet-b"),
        Lenient(suffix: "shield-advanced-protection", input: "True", canonical: "true"),
        Lenient(suffix: "multi-cluster-target-group", input: "0", canonical: "false"),
        Lenient(suffix: "group.order", input: "+7", canonical: "7"),
        Lenient(suffix: "tags", input: "b=2, a=1=x ,", canonical: "a=1=x,b=2"),
        Lenient(
            suffix: "listen-ports", input: #"[{"HTTPS":443,"HTTP":80}]"#, canonical: #"[{"HTTP": 80}, {"HTTPS": 443}]"#),
        Lenient(suffix: "auth-scope", input: "openid   email", canonical: "openid email"),
        Lenient(
            suffix: "auth-idp-oidc",
            input:
                #"{"Issuer":"i","AuthorizationEndpoint":"a","TokenEndpoint":"t","UserInfoEndpoint":"u","SecretName":"s"}"#,
            canonical:
                #"{"authorizationEndpoint":"a","issuer":"i","secretName":"s","tokenEndpoint":"t","userInfoEndpoint":"u"}"#
        ),
        Lenient(
            suffix: "actions.ssl-redirect",
            input:
                #"{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}"#,
            canonical:
                #"{"RedirectConfig":{"Port":"443","Protocol":"HTTPS","StatusCode":"HTTP_301"},"Type":"redirect"}"#),
    ]

    @Test("Inputs are read as leniently as the controller reads them", arguments: lenientInputs)
    func lenient(_ testCase: Lenient) throws {
        let key = ALBAnnotationKey.prefix + testCase.suffix
        let parsed = try ALBIngressAnnotations(annotations: [key: testCase.input])
        #expect(parsed.annotations == [key: testCase.canonical])
    }

    @Test("Unknown alb keys are kept or rejected; other keys are ignored")
    func unknownKeys() throws {
        let input = [
            "alb.ingress.kubernetes.io/web-acl-id": "legacy",
            "alb.ingress.kubernetes.io/scheme": "internal",
            "nginx.ingress.kubernetes.io/rewrite-target": "/",
        ]
        let kept = try ALBIngressAnnotations(annotations: input)
        #expect(kept.additionalAnnotations == ["alb.ingress.kubernetes.io/web-acl-id": "legacy"])
        #expect(kept.scheme == .internal)
        #expect(kept.annotations == input.filter { $0.key.hasPrefix("alb.") })
        #expect(throws: ALBAnnotationError.self) { try ALBIngressAnnotations(annotations: input, unknownKeys: .reject) }

        var overridden = kept
        overridden.additionalAnnotations["alb.ingress.kubernetes.io/scheme"] = "internet-facing"
        #expect(overridden.annotations["alb.ingress.kubernetes.io/scheme"] == "internal")
    }

    @Test("Ingress helpers replace only the alb annotations")
    func ingressHelpers() throws {
        var ingress = Ingress()
        ingress.metadata.annotations = [
            "alb.ingress.kubernetes.io/scheme": "internal",
            "alb.ingress.kubernetes.io/subnets": "a,b",
            "example.com/owner": "team",
        ]
        var alb = try ingress.albAnnotations()
        #expect(alb.subnets == ["a", "b"])
        alb.subnets = nil
        alb.scheme = .internetFacing
        ingress.setALBAnnotations(alb)
        #expect(
            ingress.metadata.annotations == [
                "alb.ingress.kubernetes.io/scheme": "internet-facing", "example.com/owner": "team",
            ])
        var bare = Ingress()
        bare.setALBAnnotations(ALBIngressAnnotations())
        #expect(bare.metadata.annotations == nil)
    }

    @Test("Codable as the annotation map")
    func codable() throws {
        var alb = ALBIngressAnnotations()
        alb.listenPorts = [.https()]
        alb.backendProtocolVersion = .http2
        let data = try JSONEncoder().encode(alb)
        #expect(try JSONDecoder().decode(ALBIngressAnnotations.self, from: data) == alb)
        let bad = Data(#"{"alb.ingress.kubernetes.io/target-type":"pod"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ALBIngressAnnotations.self, from: bad) }
    }
}
