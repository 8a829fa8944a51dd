import KubeAWS
import Testing

@Suite("ALB annotation errors")
struct ALBAnnotationErrorTests {
    struct BadValue: Sendable, CustomTestStringConvertible {
        var suffix: String
        var value: String
        var expected: String
        var testDescription: String { "\(suffix) = \(value)" }
    }

    static let badValues: [BadValue] = [
        BadValue(suffix: "scheme", value: "public", expected: "one of internal, internet-facing"),
        BadValue(suffix: "target-type", value: "pod", expected: "one of instance, ip"),
        BadValue(
            suffix: "ip-address-type", value: "ipv6",
            expected: "one of ipv4, dualstack, dualstack-without-public-ipv4"),
        BadValue(suffix: "backend-protocol", value: "http", expected: "one of HTTP, HTTPS"),
        BadValue(suffix: "backend-protocol-version", value: "HTTP3", expected: "one of HTTP1, HTTP2, GRPC"),
        BadValue(suffix: "auth-type", value: "saml", expected: "one of none, oidc, cognito"),
        BadValue(suffix: "group.order", value: "2000", expected: "an integer from -1000 to 1000"),
        BadValue(suffix: "group.order", value: "1.5", expected: "an integer from -1000 to 1000"),
        BadValue(suffix: "group.name", value: "Bad_Name", expected: "a group name"),
        BadValue(suffix: "group.name", value: "-edge", expected: "a group name"),
        BadValue(
            suffix: "load-balancer-name", value: String(repeating: "a", count: 33), expected: "at most 32 characters"),
        BadValue(suffix: "ssl-redirect", value: "https", expected: "an integer from 1 to 65535"),
        BadValue(suffix: "ssl-redirect", value: "0", expected: "an integer from 1 to 65535"),
        BadValue(suffix: "healthcheck-interval-seconds", value: "fifteen", expected: "an integer"),
        BadValue(suffix: "shield-advanced-protection", value: "yes", expected: "true or false"),
        BadValue(suffix: "listen-ports", value: #"[{"HTTP": "80"}]"#, expected: "a non-empty JSON array"),
        BadValue(suffix: "listen-ports", value: "[]", expected: "a non-empty JSON array"),
        BadValue(suffix: "listen-ports", value: #"[{"TCP": 80}]"#, expected: "a non-empty JSON array"),
        BadValue(suffix: "listen-ports", value: #"[{"HTTP": 80}, {"HTTPS": 80}]"#, expected: "no port twice"),
        BadValue(suffix: "listen-ports", value: #"[{"HTTP": 70000}]"#, expected: "ports from 1 to 65535"),
        BadValue(suffix: "listen-ports", value: "HTTP:80", expected: "valid JSON"),
        BadValue(suffix: "tags", value: "novalue", expected: "comma-separated key=value pairs"),
        BadValue(suffix: "load-balancer-attributes", value: "=x", expected: "comma-separated key=value pairs"),
        BadValue(suffix: "healthcheck-port", value: "70000", expected: "traffic-port, a port number"),
        BadValue(suffix: "success-codes", value: "2xx", expected: "status codes such as 200"),
        BadValue(suffix: "success-codes", value: "300-200", expected: "status codes such as 200"),
        BadValue(
            suffix: "auth-idp-oidc", value: #"{"issuer":"i"}"#,
            expected: "the value to have the string field \"authorizationEndpoint\""),
        BadValue(
            suffix: "auth-idp-cognito",
            value: #"{"userPoolARN":"a","userPoolClientID":"b","userPoolDomain":"c","extra":1}"#,
            expected: "no field \"extra\" in the value"),
        BadValue(suffix: "auth-idp-cognito", value: "[]", expected: "the value to be a JSON object, got array"),
        BadValue(
            suffix: "mutual-authentication", value: #"[{"port":443,"mode":"verify"}]"#,
            expected: "\"trustStore\" in entry 0, which mode verify requires"),
        BadValue(
            suffix: "mutual-authentication", value: #"[{"port":443,"mode":"off","trustStore":"ts"}]"#,
            expected: "no \"trustStore\" in entry 0"),
        BadValue(
            suffix: "mutual-authentication", value: #"[{"port":"443","mode":"off"}]"#,
            expected: "\"port\" in entry 0 to be an integer, got string"),
        BadValue(
            suffix: "jwt-validation",
            value: #"{"jwksEndpoint":"j","issuer":"i","additionalClaims":[{"name":"n","format":"list","values":[]}]}"#,
            expected: "\"format\" in additionalClaims[0] to be one of single-string"),
        BadValue(
            suffix: "minimum-load-balancer-capacity", value: "Units=3", expected: "CapacityUnits=<non-negative integer>"
        ),
        BadValue(
            suffix: "frontend-nlb-listener-port-mapping", value: "80=http", expected: "<nlbPort>=<albPort> pairs"),
        BadValue(suffix: "actions.broken", value: #"{"forwardConfig":{}}"#, expected: "a JSON object with a \"type\""),
        BadValue(suffix: "conditions.web", value: #"{"field":"host-header"}"#, expected: "a JSON array of objects"),
        BadValue(
            suffix: "conditions.web", value: #"[{"values":["x"]}]"#,
            expected: "entry 0 to be a JSON object with a string \"field\""),
        BadValue(suffix: "transforms.web", value: #"[{"type":1}]"#, expected: "entry 0 to be a JSON object"),
        BadValue(
            suffix: "listener-attributes.TCP-80", value: "a=b", expected: "listener-attributes.<HTTP|HTTPS>-<port>"),
        BadValue(suffix: "target-control-port.web", value: "3000", expected: "target-control-port.<serviceName>"),
        BadValue(suffix: "target-control-port.web.80", value: "port", expected: "an integer from 1 to 65535"),
        BadValue(suffix: "actions.", value: #"{"type":"forward"}"#, expected: "a non-empty name after \"actions.\""),
    ]

    @Test("Bad values are reported with the annotation's name", arguments: badValues)
    func badValue(_ testCase: BadValue) {
        let key = ALBAnnotationKey.prefix + testCase.suffix
        do {
            _ = try ALBIngressAnnotations(annotations: [key: testCase.value])
            Issue.record("accepted \(testCase.value)")
        } catch let error as ALBAnnotationError {
            #expect(error.annotation.rawValue == key)
            #expect(error.value == testCase.value)
            #expect(error.expected.contains(testCase.expected), "\(error.expected)")
            #expect(error.description.hasPrefix("\(key): expected "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("The first bad annotation in documentation order is reported")
    func order() {
        let input = [
            "alb.ingress.kubernetes.io/target-type": "pod",
            "alb.ingress.kubernetes.io/scheme": "public",
        ]
        #expect(
            throws: ALBAnnotationError(
                annotation: .scheme, value: "public", expected: "one of internal, internet-facing")
        ) {
            try ALBIngressAnnotations(annotations: input)
        }
    }

    struct Unwritable: Sendable, CustomTestStringConvertible {
        var name: String
        var key: ALBAnnotationKey
        var build: @Sendable (inout ALBIngressAnnotations) -> Void
        var testDescription: String { name }
    }

    static let unwritable: [Unwritable] = [
        Unwritable(name: "list item with a comma", key: .subnets) { $0.subnets = ["a,b"] },
        Unwritable(name: "empty list item", key: .certificateARN) { $0.certificateARNs = [""] },
        Unwritable(name: "map value with a comma", key: .tags) { $0.tags = ["k": "a,b"] },
        Unwritable(name: "map key with =", key: .targetNodeLabels) { $0.targetNodeLabels = ["a=b": "c"] },
        Unwritable(name: "duplicate listen port", key: .listenPorts) { $0.listenPorts = [.http(80), .https(80)] },
        Unwritable(name: "no listen ports", key: .listenPorts) { $0.listenPorts = [] },
        Unwritable(name: "group order out of range", key: .groupOrder) { $0.groupOrder = 5000 },
        Unwritable(name: "bad group name", key: .groupName) { $0.groupName = "Team A" },
        Unwritable(name: "port out of range", key: .sslRedirect) { $0.sslRedirect = 0 },
        Unwritable(name: "scope with a space", key: .authScope) { $0.authScope = ["open id"] },
        Unwritable(name: "empty success codes", key: .successCodes) { $0.successCodes = .codes([]) },
        Unwritable(name: "empty action name", key: .action("")) { $0.actions[""] = .redirectToHTTPS },
        Unwritable(name: "mTLS verify without trust store", key: .mutualAuthentication) {
            $0.mutualAuthentication = [ALBMutualAuthentication(port: 443, mode: .verify)]
        },
        Unwritable(name: "action without type", key: .action("x")) { $0.actions["x"] = ALBAction(json: ["a": 1]) },
    ]

    @Test("validatedAnnotations refuses values that cannot be written faithfully", arguments: unwritable)
    func validated(_ testCase: Unwritable) {
        var alb = ALBIngressAnnotations()
        testCase.build(&alb)
        do {
            _ = try alb.validatedAnnotations()
            Issue.record("accepted")
        } catch let error as ALBAnnotationError {
            #expect(error.annotation == testCase.key)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(alb.annotations[testCase.key.rawValue] != nil, "annotations still writes its best attempt")
    }
}
