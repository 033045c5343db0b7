using System;
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
        // Generated files and [GeneratedCode] members are still skipped (no Analyze flag), and reports on #line hidden
        // lines are still dropped by the driver. Reporting in generated code is allowed because every diagnostic lies in the block just analysed: the driver's check of each
        // report would only repeat that, and on a tree's first report it scans the whole tree for [GeneratedCode]
        // declarations, which in a long file cost more than our walk (EdgeCodeTests pin each kind of generated code).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved when a block first needs the walk: a compilation's first metadata lookup searches every
            // reference, a cost a project that never binds a socket should not pay.
            var symbols = new Lazy<SocketSymbols?>(() => SocketSymbols.TryCreate(start.Compilation));
            var fields = new FieldProvenance();
            var words = new SpelledWords();
            start.RegisterCodeBlockAction(block => AnalyzeBlock(block, symbols, fields, words));
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, Lazy<SocketSymbols?> lazySymbols, FieldProvenance fields, SpelledWords words)
    {
        if (!SocketNameFilter.NeedsAnalysis(context.CodeBlock, context.SemanticModel, words, context.CancellationToken) || lazySymbols.Value is not { } symbols)
        {
            return;
        }

        foreach (var root in OperationsOf(context))
        {
            var walker = new BindFlowWalker(symbols, context.SemanticModel, fields, words, context.CancellationToken);
            walker.Walk(root);

            var rules = new RuleContext(context, walker);
            MissingReuseDecisionRule.Report(rules);
            WildcardAddressRule.Report(rules);
            ReuseOptionAfterBindRule.Report(rules);
            ContradictingReuseOptionsRule.Report(rules);
            ReuseAddressSharesPortRule.Report(rules);
        }
    }

    /// <summary>A method's body; for a field or property declaration, each initializer (the declaration has no operation).</summary>
    private static IEnumerable<IOperation> OperationsOf(CodeBlockAnalysisContext context)
    {
        IEnumerable<SyntaxNode> blocks = context.CodeBlock switch
        {
            // `Action a = …, b = …;` is one block per field, each handed the whole declaration: walk only its own initializer.
            FieldDeclarationSyntax field => field.Declaration.Variables
                .Where(v => v.Identifier.ValueText == context.OwningSymbol.Name)
                .Select(v => (SyntaxNode?)v.Initializer)
                .OfType<SyntaxNode>(),
            PropertyDeclarationSyntax { Initializer: { } initializer } => new[] { initializer },
            PropertyDeclarationSyntax => Array.Empty<SyntaxNode>(),
            var other => new[] { other },
        };
        foreach (var block in blocks)
        {
            if (context.SemanticModel.GetOperation(block, context.CancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }
}
