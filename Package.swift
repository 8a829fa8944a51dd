// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "KubeKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KubeSerialization", targets: ["KubeSerialization"]),
        .library(name: "KubeModels", targets: ["KubeModels"]),
        .library(name: "KubeAWS", targets: ["KubeAWS"]),
        .library(name: "KubeFlux", targets: ["KubeFlux"]),
        .library(name: "KubePrometheus", targets: ["KubePrometheus"]),
        .library(name: "KubeValidation", targets: ["KubeValidation"]),
        .library(name: "KubeDSL", targets: ["KubeDSL"]),
        .library(name: "KubeCodegen", targets: ["KubeCodegen"]),
        .library(name: "KubeKit", targets: ["KubeKit"]),
        .library(name: "KubeTesting", targets: ["KubeTesting"]),
        .executable(name: "kubekit", targets: ["kubekit"]),
        .executable(name: "MLPlatform", targets: ["MLPlatform"]),
        .executable(name: "InferenceService", targets: ["InferenceService"]),
        .executable(name: "GitOpsPlatform", targets: ["GitOpsPlatform"]),
        .executable(name: "ERPSystem", targets: ["ERPSystem"]),
        .executable(name: "CoreWorkerCluster", targets: ["CoreWorkerCluster"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "KubeSerialization"),
        .target(name: "KubeModels", dependencies: ["KubeSerialization"]),
        .target(name: "KubeAWS", dependencies: ["KubeModels", "KubeSerialization"]),
        .target(name: "KubeFlux", dependencies: ["KubeModels", "KubeSerialization"]),
        .target(name: "KubePrometheus", dependencies: ["KubeModels", "KubeSerialization"]),
        .target(name: "KubeValidation", dependencies: ["KubeModels", "KubeSerialization", "KubeAWS", "KubeFlux"]),
        .target(
            name: "KubeDSL", dependencies: ["KubeModels", "KubeSerialization", "KubeAWS", "KubeFlux", "KubeValidation"]),
        .target(name: "KubeCodegen", dependencies: ["KubeSerialization"]),
        .target(
            name: "KubeKit",
            dependencies: [
                "KubeAWS", "KubeDSL", "KubeFlux", "KubeModels", "KubePrometheus", "KubeSerialization", "KubeValidation",
            ]
        ),
        .target(name: "KubeTesting", dependencies: ["KubeDSL", "KubeModels", "KubeSerialization"]),
        .executableTarget(
            name: "kubekit",
            dependencies: [
                "KubeSerialization", "KubeModels", "KubeCodegen", "KubeAWS", "KubeFlux", "KubePrometheus", "KubeValidation",
            ]
        ),
        .target(name: "ExampleSystems", dependencies: ["KubeKit"], path: "Examples/ExampleSystems"),
        .executableTarget(name: "MLPlatform", dependencies: ["ExampleSystems"], path: "Examples/MLPlatform"),
        .executableTarget(name: "InferenceService", dependencies: ["ExampleSystems"], path: "Examples/InferenceService"),
        .executableTarget(name: "GitOpsPlatform", dependencies: ["ExampleSystems"], path: "Examples/GitOpsPlatform"),
        .executableTarget(name: "ERPSystem", dependencies: ["ExampleSystems"], path: "Examples/ERPSystem"),
        .executableTarget(name: "CoreWorkerCluster", dependencies: ["ExampleSystems"], path: "Examples/CoreWorkerCluster"),
        .testTarget(name: "ExamplesTests", dependencies: ["ExampleSystems", "KubeTesting"], exclude: ["Golden"]),
        .testTarget(name: "KubeSerializationTests", dependencies: ["KubeSerialization"]),
        .testTarget(name: "KubeAWSTests", dependencies: ["KubeAWS", "KubeModels", "KubeSerialization"]),
        .testTarget(
            name: "KubeDSLTests",
            dependencies: [
                "KubeDSL", "KubeModels", "KubeSerialization", "KubeAWS", "KubeFlux", "KubePrometheus", "KubeValidation",
            ]
        ),
        .testTarget(name: "KubeTestingTests", dependencies: ["KubeTesting", "KubeKit"]),
        .testTarget(name: "KubeKitTests", dependencies: ["KubeKit"]),
        .testTarget(
            name: "KubeValidationTests",
            dependencies: ["KubeValidation", "KubeModels", "KubeSerialization", "KubeAWS", "KubeFlux"],
            exclude: ["Fixtures"]),
        .testTarget(name: "KubekitCLITests", dependencies: ["KubeSerialization", "kubekit"]),
        .testTarget(name: "KubeCodegenTests", dependencies: ["KubeCodegen", "KubeSerialization", "KubeModels", "kubekit"]),
        .testTarget(
            name: "CRDModelsTests",
            dependencies: ["KubeAWS", "KubeFlux", "KubePrometheus", "KubeModels", "KubeSerialization", "KubeCodegen"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KubeModelsTests",
            dependencies: ["KubeModels", "KubeSerialization"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
