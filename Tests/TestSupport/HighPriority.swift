import Testing

/// Runs a suite's tests at high task priority. The test process's cooperative threads (as many
/// as cores: two in CI) are shared with hundreds of parameterized corpus cases that Swift Testing
/// queues at once; a server test's awaits (an HTTP answer, a poll of `/metrics`) queued behind
/// them once waited minutes, past the 60 s deadlines and filter limits these tests check (a CI
/// run where every server test failed with `deadlineExceeded`, then passed when run again). Jobs
/// of higher priority run first, on the global executor's queue for their priority; the server
/// a test starts inherits the priority.
public struct HighPriority: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // The task ends before this returns, so the test's body never outlives its scope.
        try await withoutActuallyEscaping(function) { body in
            try await Task(priority: .high) { try await body() }.value
        }
    }
}

extension Trait where Self == HighPriority {
    /// Runs the suite's tests at high task priority (see ``HighPriority``).
    public static var highPriority: Self { HighPriority() }
}
