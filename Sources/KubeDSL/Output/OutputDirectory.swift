import Foundation

/// Writes a set of files as one directory, all or nothing.
///
/// The files are staged in a hidden directory beside the target and swapped in by renaming (in
/// one atomic exchange on Linux and macOS, two renames elsewhere), so readers never see a
/// half-written tree: a render or write that fails leaves the previous
/// output exactly as it was, and files from an earlier render that the new one no longer has
/// disappear only when the new tree is in place.
public enum OutputDirectory {
    /// Replaces `directory` with exactly `files` (relative path → contents).
    ///
    /// - Throws: ``KubeDSLError/writeFailed(path:reason:)``; the previous contents of
    ///   `directory` are then unchanged.
    public static func write(_ files: [String: String], to directory: URL) throws {
        let fileManager = FileManager.default
        let target = directory.standardizedFileURL
        for path in files.keys {
            guard isSafeRelativePath(path) else {
                throw KubeDSLError.writeFailed(path: path, reason: "not a relative path inside the output directory")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw KubeDSLError.writeFailed(path: target.path, reason: "it exists and is not a directory")
        }
        let parent = target.deletingLastPathComponent()
        let token = UUID().uuidString.lowercased()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(token)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((files[path] ?? "").utf8).write(to: url)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw KubeDSLError.writeFailed(path: target.path, reason: String(describing: error))
        }
        if !exists {
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw KubeDSLError.writeFailed(path: target.path, reason: String(describing: error))
            }
            return
        }
        if DirectorySwap.exchange(staging.path, target.path) {
            // The staging path now holds the previous output.
            try? fileManager.removeItem(at: staging)
            return
        }
        do {
            try fileManager.moveItem(at: target, to: previous)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw KubeDSLError.writeFailed(path: target.path, reason: String(describing: error))
        }
        do {
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            try? fileManager.moveItem(at: previous, to: target)
            try? fileManager.removeItem(at: staging)
            throw KubeDSLError.writeFailed(path: target.path, reason: String(describing: error))
        }
        try? fileManager.removeItem(at: previous)
    }

    private static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0 == ".." || $0 == "."
        }
    }
}
