using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The baseline: registers the same action kinds as <see cref="SocketBindAnalyzer"/> (compilation start, then a
/// code-block action), with the same generated-code setting, and does nothing in them, so what it costs is the driver's own work — binding every method
/// body to hand it a semantic model — which any analyzer of this shape pays.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "NOOP0001", "Never reported", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => start.RegisterCodeBlockAction(static _ => { }));
    }
}
