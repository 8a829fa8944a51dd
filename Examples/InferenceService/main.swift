// `swift run InferenceService [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]`
import ExampleSystems

// Qualified: inside this executable, `InferenceService` alone names the executable's own module.
ExampleCommand.run(ExampleSystems.InferenceService.cluster)
