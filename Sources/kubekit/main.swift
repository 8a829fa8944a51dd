import Foundation

// kubekit: the command-line tool. Each subcommand lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "generate":
    status = GenerateCommand.run(Array(arguments.dropFirst()))
case "convert":
    status = ConvertCommand.run(Array(arguments.dropFirst()))
case "validate":
    status = ValidateCommand.run(Array(arguments.dropFirst()))
case "-h", "--help", "help", nil:
    print(Usage.text)
    status = arguments.isEmpty ? 2 : 0
case "--version":
    print("kubekit 0.1.0")
    status = 0
default:
    Console.error("kubekit: unknown command \"\(arguments[0])\"\n\n\(Usage.text)")
    status = 2
}
exit(status)
