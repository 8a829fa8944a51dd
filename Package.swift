// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "KubeKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KubeSerialization", targets: ["KubeSerialization"]),
        .library(name: "KubeModels", targets: ["KubeModels"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "KubeSerialization"),
        .target(name: "KubeModels", dependencies: ["KubeSerialization"]),
        .testTarget(name: "KubeSerializationTests", dependencies: ["KubeSerialization"]),
        .testTarget(
            name: "KubeModelsTests",
            dependencies: ["KubeModels", "KubeSerialization"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
