import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error from a file operation of ``FileSink``.
public struct FileSinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done: `open`, `write`, `fsync`, `close`, `rename`.
    public var operation: String
    /// The file concerned, when known.
    public var path: String?
    /// The system error number (`errno`).
    public var code: Int32

    /// Creates an error value.
    public init(operation: String, path: String?, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// A one-line message such as `cannot write out.yaml: No space left on device`.
    public var description: String {
        let reason = String(cString: strerror(code))
        if let path { return "cannot \(operation) \(path): \(reason)" }
        return "cannot \(operation): \(reason)"
    }
}

/// A sink that writes to an open file descriptor: a file, a pipe or standard output.
///
/// Use ``standardOutput`` for `stdout`, ``init(path:)`` to create or truncate a file, or
/// ``writeAtomically(to:_:)`` to replace a file only once all of its content has been written.
public final class FileSink: ByteSink {
    /// The descriptor written to.
    public let fileDescriptor: Int32
    /// The file's path, when the sink opened it (used in error messages).
    public let path: String?
    private let closesOnDeinit: Bool
    private var isClosed = false
    // Keeps a wrapped FileHandle (and so its descriptor) alive as long as the sink.
    private let fileHandle: FileHandle?

    /// Wraps an existing descriptor.
    ///
    /// - Parameters:
    ///   - fileDescriptor: An open descriptor, writable.
    ///   - closesOnDeinit: Whether the sink closes the descriptor when it is released.
    public init(fileDescriptor: Int32, closesOnDeinit: Bool = false) {
        self.fileDescriptor = fileDescriptor
        self.closesOnDeinit = closesOnDeinit
        self.path = nil
        self.fileHandle = nil
    }

    /// Wraps a `FileHandle`; the handle stays responsible for closing its descriptor.
    public init(fileHandle: FileHandle) {
        self.fileDescriptor = fileHandle.fileDescriptor
        self.closesOnDeinit = false
        self.path = nil
        self.fileHandle = fileHandle
    }

    /// Creates (or truncates) the file at `path` and writes to it. The sink closes it on ``close()`` or release.
    ///
    /// - Throws: ``FileSinkError`` when the file cannot be opened.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileSinkError(operation: "open", path: path, code: errno) }
        self.fileDescriptor = fd
        self.closesOnDeinit = true
        self.path = path
        self.fileHandle = nil
    }

    private init(ownedDescriptor fd: Int32, path: String) {
        self.fileDescriptor = fd
        self.closesOnDeinit = true
        self.path = path
        self.fileHandle = nil
    }

    deinit {
        if closesOnDeinit && !isClosed {
            _ = Self.closeDescriptor(fileDescriptor)
        }
    }

    /// A sink for the process's standard output (descriptor 1), never closed by the sink.
    public static var standardOutput: FileSink { FileSink(fileDescriptor: 1) }

    /// A sink for the process's standard error (descriptor 2), never closed by the sink.
    public static var standardError: FileSink { FileSink(fileDescriptor: 2) }

    /// Writes all of `bytes`, retrying after partial writes and interrupted system calls.
    ///
    /// - Throws: ``FileSinkError`` when the system reports an error.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Darwin)
                let written = Darwin.write(fileDescriptor, pointer, remaining)
            #elseif canImport(Glibc)
                let written = Glibc.write(fileDescriptor, pointer, remaining)
            #else
                let written = Musl.write(fileDescriptor, pointer, remaining)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSinkError(operation: "write", path: path, code: errno)
            }
            pointer += written
            remaining -= written
        }
    }

    /// Flushes the file's data to stable storage (`fsync`).
    ///
    /// - Throws: ``FileSinkError`` when the system reports an error.
    public func synchronize() throws {
        if fsync(fileDescriptor) != 0 {
            throw FileSinkError(operation: "fsync", path: path, code: errno)
        }
    }

    /// Closes a descriptor that the sink owns. Calling it again, or on a borrowed descriptor, does nothing.
    ///
    /// - Throws: ``FileSinkError`` when the system reports an error (data may not have been written).
    public func close() throws {
        guard closesOnDeinit, !isClosed else { return }
        isClosed = true
        if !Self.closeDescriptor(fileDescriptor) {
            throw FileSinkError(operation: "close", path: path, code: errno)
        }
    }

    private static func closeDescriptor(_ fd: Int32) -> Bool {
        #if canImport(Darwin)
            return Darwin.close(fd) == 0
        #elseif canImport(Glibc)
            return Glibc.close(fd) == 0
        #else
            return Musl.close(fd) == 0
        #endif
    }

    /// Replaces the file at `path` with what `body` writes, so that readers see either the old
    /// file or the complete new one, never a partial file.
    ///
    /// The content goes to a temporary file in the same directory, which is flushed to disk and then
    /// renamed over `path`. If `body` or any step throws, the temporary file is removed and `path`
    /// is left untouched.
    ///
    /// ```swift
    /// try FileSink.writeAtomically(to: "deploy.yaml") { sink in
    ///     let writer = YAMLWriter(sink: sink)
    ///     try writer.value(document)
    ///     try writer.finish()
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - path: The file to create or replace.
    ///   - body: Writes the content to the given sink. Finish any writer before returning.
    /// - Returns: What `body` returns.
    public static func writeAtomically<Result>(
        to path: String, _ body: (FileSink) throws -> Result
    ) throws -> Result {
        let temporaryPath = try temporarySibling(of: path)
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileSinkError(operation: "open", path: temporaryPath, code: errno) }
        let sink = FileSink(ownedDescriptor: fd, path: temporaryPath)
        do {
            let result = try body(sink)
            try sink.synchronize()
            try sink.close()
            if rename(temporaryPath, path) != 0 {
                throw FileSinkError(operation: "rename", path: path, code: errno)
            }
            return result
        } catch {
            try? sink.close()
            _ = unlink(temporaryPath)
            throw error
        }
    }

    private static func temporarySibling(of path: String) throws -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw FileSinkError(operation: "open", path: path, code: EISDIR) }
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return "\(directory).\(name).\(getpid()).\(suffix).tmp"
    }
}
