extension ObjectMeta {
    /// Whether no field is set. Empty metadata is left out when an object is encoded.
    public var isEmpty: Bool { self == ObjectMeta() }
}
