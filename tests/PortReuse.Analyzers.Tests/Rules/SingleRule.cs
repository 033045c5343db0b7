using Microsoft.CodeAnalysis.CodeFixes;
using PortReuse.Analyzers.Tests.Verifiers;

namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>
/// Runs the analyzer with one rule under test: the other PR rules are disabled so each test marks only what it is about.
/// Options come as .editorconfig lines (for every file) and global-config lines (build properties, like the package's props).
/// </summary>
internal static class SingleRule<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly string[] AllRules = { "PR0001", "PR0002", "PR0003", "PR0004", "PR0005" };

    public static CSharpVerifier<SocketBindAnalyzer, TCodeFix>.Test Create(string ruleId, string source, string? editorConfig = null, string? globalConfig = null)
    {
        var test = new CSharpVerifier<SocketBindAnalyzer, TCodeFix>.Test { TestCode = source };
        foreach (var id in AllRules)
        {
            if (id != ruleId)
            {
                test.DisabledDiagnostics.Add(id);
            }
            else
            {
                test.DisabledDiagnostics.Remove(id);
            }
        }

        // PR0005 is off by default: a test of it turns it on the way a user would.
        var config = ruleId == "PR0005" ? "dotnet_diagnostic.PR0005.severity = suggestion\n" : string.Empty;
        config += editorConfig ?? string.Empty;
        if (config.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + config));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        return test;
    }

    public static Task VerifyAsync(string ruleId, string source, string? editorConfig = null, string? globalConfig = null)
        => Create(ruleId, source, editorConfig, globalConfig).RunAsync(CancellationToken.None);

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> one diagnostic at a time and with Fix All; the output must compile.</summary>
    public static Task VerifyFixAsync(string ruleId, string source, string fixedSource, string equivalenceKey, string? editorConfig = null)
    {
        var test = Create(ruleId, source, editorConfig);
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }
}
