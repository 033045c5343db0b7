using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;
using PortReuse.Analyzers.Rules;

namespace PortReuse.Analyzers;

/// <summary>
/// One walk per code block that names a socket, shared by every rule: each rule reads the bind sites and reuse
/// decisions the walk recorded, with what held on the paths reaching them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SocketBindAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which <see cref="BindSiteKind"/> (or <see cref="HelperCallKind"/>) was reported, for the fixes.</summary>
    public const string BindKindProperty = "BindKind";

    /// <summary>Diagnostic property: for a helper call, the index of the argument that carries the socket.</summary>
    public const string SocketArgumentProperty = "SocketArgument";

    /// <summary>A helper in the same compilation binds a socket the analysed method handed it.</summary>
    public const string HelperCallKind = "HelperCall";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            Descriptors.MissingReuseDecision,
            Descriptors.WildcardAddress,
            Descriptors.ReuseOptionAfterBind,
            Descriptors.ContradictingReuseOptions,
            Descriptors.ReuseAddressSharesPort);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (SocketSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var fields = new FieldProvenance();
            start.RegisterCodeBlockAction(block => AnalyzeBlock(block, symbols, fields));
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, SocketSymbols symbols, FieldProvenance fields)
    {
        if (!SocketNameFilter.NeedsAnalysis(context.CodeBlock, context.SemanticModel, symbols))
        {
            return;
        }

        var walker = new BindFlowWalker(symbols, context.SemanticModel, fields, context.CancellationToken);
        if (context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken) is { } root)
        {
            walker.Walk(root);
        }
        else
        {
            // A field's or property's code block is its declaration; each initializer is its own operation
            // (private readonly UdpClient _udp = new UdpClient(5000) binds there).
            foreach (var initializer in InitializersOf(context.CodeBlock))
            {
                if (context.SemanticModel.GetOperation(initializer, context.CancellationToken) is { } value)
                {
                    walker.Walk(value);
                }
            }
        }

        var rules = new RuleContext(context, walker);
        MissingReuseDecisionRule.Report(rules);
        WildcardAddressRule.Report(rules);
        ReuseOptionAfterBindRule.Report(rules);
        ContradictingReuseOptionsRule.Report(rules);
        ReuseAddressSharesPortRule.Report(rules);
    }

    private static IEnumerable<EqualsValueClauseSyntax> InitializersOf(SyntaxNode codeBlock) => codeBlock switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Initializer).OfType<EqualsValueClauseSyntax>(),
        PropertyDeclarationSyntax { Initializer: { } initializer } => new[] { initializer },
        _ => Enumerable.Empty<EqualsValueClauseSyntax>(),
    };
}
