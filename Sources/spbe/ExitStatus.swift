import ArgumentParser

/// The exit codes of every `spbe` command.
enum ExitStatus {
    /// No finding at or above the threshold, no input error.
    static let clean = ExitCode(0)
    /// Findings at or above the failure threshold.
    static let findings = ExitCode(1)
    /// A pack or inventory could not be used.
    static let inputError = ExitCode(2)
}
