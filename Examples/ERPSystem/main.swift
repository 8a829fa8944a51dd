// `swift run ERPSystem [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]`
import ExampleSystems

// Qualified: inside this executable, `ERPSystem` alone names the executable's own module.
ExampleCommand.run(ExampleSystems.ERPSystem.cluster)
