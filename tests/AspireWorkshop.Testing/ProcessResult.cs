namespace AspireWorkshop.Testing;

/// <summary>The outcome of a command that finished within its bound.</summary>
/// <param name="CommandLine">The program and its arguments, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>The command, its exit code and both streams, for assertion messages.</summary>
    public string Transcript =>
        $"'{CommandLine}' exited with {ExitCode} after {Elapsed.TotalSeconds:F0}s\n"
        + $"--- stdout\n{Output}\n--- stderr\n{Error}";

    /// <summary>This result if the command exited 0; otherwise an exception carrying the <see cref="Transcript"/>.</summary>
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException(Transcript);
}
