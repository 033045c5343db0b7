using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Options;

namespace PortReuse.Analyzers.Rules;

/// <summary>What one rule sees of one walked code block, and the one way it reports.</summary>
internal sealed class RuleContext
{
    private readonly CodeBlockAnalysisContext _context;
    private HashSet<(string Id, Location Location)>? _reported;
    private PortReuseOptions? _settings;

    public RuleContext(CodeBlockAnalysisContext context, BindFlowWalker walker)
    {
        _context = context;
        Walker = walker;
    }

    public BindFlowWalker Walker { get; }

    public SemanticModel SemanticModel => _context.SemanticModel;

    public AnalyzerOptions Options => _context.Options;

    /// <summary>The typed rule options of this tree, read on first use: only when a rule is about to report.</summary>
    public PortReuseOptions Settings => _settings ??= PortReuseOptions.Read(_context.Options.AnalyzerConfigOptionsProvider, _context.CodeBlock.SyntaxTree);

    /// <summary>Reports once per rule and location: a local function called twice is still one finding.</summary>
    public void Report(DiagnosticDescriptor descriptor, IOperation at, ImmutableDictionary<string, string?>? properties, params object[] messageArgs)
        => Report(descriptor, at, additionalLocations: null, properties, messageArgs);

    /// <summary>Reports with further locations the fixes edit (the wildcard address, the earlier contradicting option).</summary>
    public void Report(
        DiagnosticDescriptor descriptor,
        IOperation at,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties,
        params object[] messageArgs)
    {
        var location = at.Syntax.GetLocation();
        if ((_reported ??= new()).Add((descriptor.Id, location)))
        {
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additionalLocations, properties, messageArgs));
        }
    }
}
