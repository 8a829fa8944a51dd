/// A growable byte buffer over manually managed memory, used by the emitters.
///
/// It is a plain struct holding a pointer so that emitters can append without exclusivity checks
/// or uniqueness checks. It never frees its memory on its own: the one owner (a writer class)
/// calls ``deallocate()`` in its `deinit`, and the struct is never copied elsewhere.
struct OutputBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() {
        base.deallocate()
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if _slowPath(count &+ extra > capacity) { grow(count + extra) }
    }

    @inline(never)
    private mutating func grow(_ minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[count] = first
        base[count &+ 1] = second
        count &+= 2
    }

    /// Appends a byte that ``reserve(_:)`` has already made room for.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        reserve(n)
        let destination = UnsafeMutableRawPointer(base + count)
        let origin = UnsafeRawPointer(source)
        // Short copies (most keys and values) without a call to memcpy: two overlapping words.
        if n >= 8 && n <= 16 {
            let head = origin.loadUnaligned(as: UInt64.self)
            let tail = origin.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = origin.loadUnaligned(as: UInt32.self)
            let tail = origin.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        } else if n < 4 {
            base[count] = source[0]
            base[count &+ (n >> 1)] = source[n >> 1]
            base[count &+ n &- 1] = source[n &- 1]
        } else {
            (base + count).update(from: source, count: n)
        }
        count &+= n
    }

    /// Appends the bytes of a literal.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    mutating func appendSpaces(_ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(repeating: 0x20, count: n)
        count &+= n
    }

    /// Appends the UTF-8 bytes of `string`.
    @inline(__always)
    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Inserts `bytes` at `offset`, moving what follows (a rare path: explicit YAML keys).
    mutating func insert(_ literal: StaticString, at offset: Int) {
        let n = literal.utf8CodeUnitCount
        reserve(n)
        (base + offset + n).update(from: base + offset, count: count - offset)
        literal.withUTF8Buffer { source in
            if let address = source.baseAddress { (base + offset).update(from: address, count: n) }
        }
        count += n
    }

    /// Forgets the content, keeping the memory.
    mutating func removeAll() {
        count = 0
    }

    /// The first `count` bytes.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    // MARK: Numbers

    /// Appends the decimal digits of `value`.
    mutating func appendDecimal(_ value: UInt64) {
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20 && value >= limit {
            digits += 1
            limit = limit &* 10
        }
        reserve(digits)
        var remaining = value
        var position = count + digits
        while remaining >= 100 {
            let pair = Int(remaining % 100) &* 2
            remaining /= 100
            position -= 2
            base[position] = OutputBuffer.digitPairs[pair]
            base[position + 1] = OutputBuffer.digitPairs[pair + 1]
        }
        if remaining >= 10 {
            let pair = Int(remaining) &* 2
            position -= 2
            base[position] = OutputBuffer.digitPairs[pair]
            base[position + 1] = OutputBuffer.digitPairs[pair + 1]
        } else {
            position -= 1
            base[position] = UInt8(truncatingIfNeeded: remaining) &+ 0x30
        }
        count += digits
    }

    /// Appends `value` in decimal, with a leading `-` when negative.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendDecimal(value.magnitude)
        } else {
            appendDecimal(UInt64(value))
        }
    }

    private static let digitPairs: [UInt8] = {
        var table: [UInt8] = []
        table.reserveCapacity(200)
        for n in 0..<100 {
            table.append(UInt8(0x30 + n / 10))
            table.append(UInt8(0x30 + n % 10))
        }
        return table
    }()

    /// Appends a finite double in the shortest form that reads back as the same value.
    ///
    /// - Integral values below 2^53 in magnitude are written as integers (`100`, not `100.0`):
    ///   they compare equal as JSON numbers, and it is what Go (so kubectl) writes.
    /// - Other values between 1e-6 and 2^53 use plain decimal notation (`0.25`, `1234.5`).
    /// - The rest use exponent notation with a signed exponent. With `mantissaNeedsPoint`
    ///   (YAML) the mantissa always has a fraction (`1.0e+21`, `2.5e-7`), because YAML 1.1
    ///   readers such as PyYAML read `1e+21` as a string; JSON gets `1e+21`.
    /// - Negative zero is `-0.0`.
    mutating func appendDouble(_ value: Double, mantissaNeedsPoint: Bool) {
        if value == 0 {
            if value.sign == .minus { append("-0.0") } else { append(UInt8(ascii: "0")) }
            return
        }
        let magnitude = value.magnitude
        if magnitude < 9_007_199_254_740_992, value.rounded(.towardZero) == value {
            appendDecimal(Int64(value))
            return
        }
        // `description` yields the shortest round-trip digits; only their layout is rewritten here.
        // Parse it as 0.DIGITS * 10^exponent.
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var integerDigits = 0
        var sawPoint = false
        var inExponent = false
        var explicitExponent = 0
        var exponentIsNegative = false
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    explicitExponent = explicitExponent * 10 + Int(byte &- 0x30)
                } else {
                    digits.append(byte)
                    if !sawPoint { integerDigits += 1 }
                }
            case UInt8(ascii: "."):
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-"):
                exponentIsNegative = true
            default:
                break
            }
        }
        var exponent = integerDigits + (exponentIsNegative ? -explicitExponent : explicitExponent)
        var leadingZeros = 0
        while leadingZeros < digits.count - 1 && digits[leadingZeros] == UInt8(ascii: "0") { leadingZeros += 1 }
        if leadingZeros > 0 {
            digits.removeFirst(leadingZeros)
            exponent -= leadingZeros
        }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let scientificExponent = exponent - 1  // value = d1.d2d3... * 10^scientificExponent

        if value.sign == .minus { append(UInt8(ascii: "-")) }
        if scientificExponent >= -6 && magnitude < 9_007_199_254_740_992 {
            // Plain decimal notation; the value is not integral, so a fraction remains.
            if exponent <= 0 {
                append(UInt8(ascii: "0"), UInt8(ascii: "."))
                appendZeros(-exponent)
                appendDigits(digits, from: 0, to: digits.count)
            } else {
                appendDigits(digits, from: 0, to: exponent)
                append(UInt8(ascii: "."))
                appendDigits(digits, from: exponent, to: digits.count)
            }
        } else {
            append(digits[0])
            if digits.count > 1 {
                append(UInt8(ascii: "."))
                appendDigits(digits, from: 1, to: digits.count)
            } else if mantissaNeedsPoint {
                append(UInt8(ascii: "."), UInt8(ascii: "0"))
            }
            append(UInt8(ascii: "e"), scientificExponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendDecimal(UInt64(scientificExponent.magnitude))
        }
    }

    private mutating func appendZeros(_ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(repeating: UInt8(ascii: "0"), count: n)
        count += n
    }

    private mutating func appendDigits(_ digits: [UInt8], from start: Int, to end: Int) {
        guard start < end else { return }
        digits.withUnsafeBufferPointer { buffer in
            append(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }
}

/// Runs `body` on the UTF-8 bytes of `string`, without copying native Swift strings.
@inline(__always)
func withUTF8Bytes(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let done: Void? = string.utf8.withContiguousStorageIfAvailable { body($0) }
    if done == nil {
        var copy = string
        copy.withUTF8 { body($0) }
    }
}

/// The stack of open collections of an emitter, over manually managed memory.
///
/// It has the few `Array` operations the emitters use, without the uniqueness and bounds checks
/// that an array pays on every mutation (one per event). Like ``OutputBuffer`` it never frees
/// its memory on its own: the one owner (a writer class) calls ``deallocate()`` in its `deinit`,
/// and the struct is never copied elsewhere. Elements are plain values (`BitwiseCopyable`), so
/// nothing needs to be deinitialized.
struct FrameStack<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count: Int = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() {
        base.deallocate()
    }

    @inline(__always)
    var isEmpty: Bool { count == 0 }

    /// The innermost element, if any.
    @inline(__always)
    var last: Element? { count > 0 ? base[count &- 1] : nil }

    /// The element at `index`, which must be below ``count``.
    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        nonmutating _modify {
            assert(index >= 0 && index < count)
            yield &base[index]
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if _slowPath(count == capacity) { grow() }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Removes the innermost element; the stack must not be empty.
    @inline(__always)
    mutating func removeLast() {
        precondition(count > 0, "removeLast() on an empty frame stack")
        count &-= 1
    }

    @inline(never)
    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
