// `swift run GitOpsPlatform [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]`
import ExampleSystems

// Qualified: inside this executable, `GitOpsPlatform` alone names the executable's own module.
ExampleCommand.run(ExampleSystems.GitOpsPlatform.cluster)
