import Foundation
import KubeModels
import KubeSerialization

extension Manifest {
    /// The object as a JSON value, through Foundation's encoder and KubeSerialization's JSON
    /// reader: an order of magnitude faster than decoding into `JSONValue` with `JSONDecoder`.
    func jsonTree() throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSONReader.read(try encoder.encode(self)).jsonValue
    }
}
