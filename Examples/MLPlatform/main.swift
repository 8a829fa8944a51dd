// `swift run MLPlatform [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]`
import ExampleSystems

// Qualified: inside this executable, `MLPlatform` alone names the executable's own module.
ExampleCommand.run(ExampleSystems.MLPlatform.cluster, extraFiles: ExampleSystems.MLPlatform.eksctlFiles)
