// The umbrella module: `import KubeKit` brings every KubeKit library module into scope, so a
// cluster definition needs a single import. Each module can still be imported on its own.
@_exported import KubeAWS
@_exported import KubeDSL
@_exported import KubeFlux
@_exported import KubeModels
@_exported import KubePrometheus
@_exported import KubeSerialization
@_exported import KubeValidation
