using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortReuse.Analyzers.Flow;

namespace PortReuse.Analyzers.Rules;

/// <summary>What one rule sees of one walked code block, and the one way it reports.</summary>
internal sealed class RuleContext
{
    private readonly CodeBlockAnalysisContext _context;
    private HashSet<(string Id, Location Location)>? _reported;

    public RuleContext(CodeBlockAnalysisContext context, BindFlowWalker walker)
    {
        _context = context;
        Walker = walker;
    }

    public BindFlowWalker Walker { get; }

    public SemanticModel SemanticModel => _context.SemanticModel;

    public AnalyzerOptions Options => _context.Options;

    /// <summary>Reports once per rule and location: a local function called twice is still one finding.</summary>
    public void Report(DiagnosticDescriptor descriptor, IOperation at, ImmutableDictionary<string, string?>? properties, params object[] messageArgs)
    {
        var location = at.Syntax.GetLocation();
        if ((_reported ??= new()).Add((descriptor.Id, location)))
        {
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, messageArgs));
        }
    }
}
