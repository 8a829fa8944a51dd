#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exchanges two directories in one step where the system supports it (`renameat2` with
/// `RENAME_EXCHANGE` on Linux, `renamex_np` with `RENAME_SWAP` on macOS), so that readers never
/// find the target missing.
enum DirectorySwap {
    /// Swaps the paths; returns `false` (changing nothing) when the system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Darwin)
            return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #elseif canImport(Glibc)
            // glibc declares renameat2 only under _GNU_SOURCE, so Swift does not see it; look it up.
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
            return false
        #endif
    }
}
