namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished command printed (stdout and stderr interleaved as received) and its exit code.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Everything an assertion message needs to diagnose a failed end-to-end step.</summary>
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode} after {Elapsed.TotalSeconds:F1} s)\n{Output}";
}
