// `swift run CoreWorkerCluster [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]`
import ExampleSystems

// Qualified: inside this executable, `CoreWorkerCluster` alone names the executable's own module.
ExampleCommand.run(ExampleSystems.CoreWorkerCluster.cluster)
