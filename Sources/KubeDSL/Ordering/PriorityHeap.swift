/// A binary min-heap of node indices ordered by a key function.
struct PriorityHeap {
    private var storage: [Int] = []
    private let less: (Int, Int) -> Bool

    init(less: @escaping (Int, Int) -> Bool) {
        self.less = less
    }

    var isEmpty: Bool { storage.isEmpty }

    mutating func push(_ value: Int) {
        storage.append(value)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(storage[child], storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = storage.first else { return nil }
        let last = storage.removeLast()
        guard !storage.isEmpty else { return first }
        storage[0] = last
        var parent = 0
        while true {
            let left = parent * 2 + 1
            let right = left + 1
            var smallest = parent
            if left < storage.count, less(storage[left], storage[smallest]) { smallest = left }
            if right < storage.count, less(storage[right], storage[smallest]) { smallest = right }
            if smallest == parent { break }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
