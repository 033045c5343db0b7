using System.IO;

namespace PortReuse.Cli;

/// <summary>Where a command writes; injected so tests run the real commands in-process.</summary>
/// <param name="ErrorIsTerminal">Progress is drawn on stderr only when a person is watching it.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal);

/// <summary>Exit codes of <c>portreuse</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Measuring was impossible, e.g. the port asked for is taken by another program.</summary>
    public const int NotMeasured = 1;

    public const int BadArguments = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
