using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PortReuse.Analyzers.Tests.Verifiers;

/// <summary>The one way tests run an analyzer (and its fix): .NET 8 reference assemblies, markup locations, compiled output.</summary>
public static class CSharpVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string diagnosticId) => new DiagnosticResult(diagnosticId, DiagnosticSeverity.Warning);

    /// <summary>Asserts exactly the diagnostics marked in <paramref name="source"/> with <c>{|PR000N:…|}</c>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to every marked diagnostic, one by one and with Fix All.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (iterations is { } n)
        {
            test.NumberOfIncrementalIterations = n;
            test.NumberOfFixAllIterations = 1;
        }

        return test.RunAsync(CancellationToken.None);
    }

    private static readonly string[] AllRuleIds = typeof(RuleIds).GetFields()
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;

            // The testing library reports rules that are off by default; keep the opt-in PR0005 off, as users see it.
            DisabledDiagnostics.Add(RuleIds.ReuseAddressSharesPort);

            // A test written against one rule's fix provider marks only that rule: the others stay out of its way.
            var fixedRules = new TCodeFix().FixableDiagnosticIds;
            if (fixedRules.Length == 1)
            {
                DisabledDiagnostics.AddRange(AllRuleIds.Where(id => id != fixedRules[0]));
            }
        }
    }
}
