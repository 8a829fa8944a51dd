// swift-tools-version: 6.0
// A separate package so that users of KubeKit never resolve the comparison dependencies.
import PackageDescription

let package = Package(
    name: "KubeKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "KubeKit", path: ".."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .executableTarget(
            name: "kubekit-bench",
            dependencies: [
                .product(name: "KubeDSL", package: "KubeKit"),
                .product(name: "KubeModels", package: "KubeKit"),
                .product(name: "KubeSerialization", package: "KubeKit"),
                .product(name: "KubeValidation", package: "KubeKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
