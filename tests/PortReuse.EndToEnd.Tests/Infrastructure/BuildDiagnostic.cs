using System.Text.RegularExpressions;

namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>One diagnostic line of MSBuild console output: <c>file(line,col): warning ID: message (help link) [project]</c>.</summary>
public sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string HelpLink)
{
    /// <summary>Distinct PR diagnostics in <paramref name="output"/> (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
        => DiagnosticLine().Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["column"].Value),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["help"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^(?<file>[^\r\n(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>PR\d{4}): [^\r\n]*?(?: \((?<help>https?://[^\s)]+)\))? \[[^\]\r\n]+\]\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
