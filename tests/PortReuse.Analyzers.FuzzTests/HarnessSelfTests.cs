using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>The fuzz checks can fail: deliberately bad analyzers and fixes are caught, and discovery finds the shipped ones.</summary>
public sealed class HarnessSelfTests
{
    private const string Source = """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }
        }
        """;

    private static readonly DiagnosticDescriptor Canary = new("CANARY", "Bind", "Bind", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    [Fact]
    public void Discovers_Every_Shipped_Analyzer_And_Fix()
    {
        var harness = AnalyzerHarness.ForShippedAssemblies();
        Assert.Contains(harness.Analyzers, a => a is SocketBindAnalyzer);
        var reported = harness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(harness.Fixers, f => Assert.Subset(reported, f.FixableDiagnosticIds.ToHashSet()));
    }

    [Fact]
    public async Task Throwing_Analyzer_Is_A_Defect()
    {
        var defects = await CheckAsync(new ThrowingAnalyzer(), fixer: null);
        Assert.Contains(defects, d => d.Kind == "AD0001");
    }

    [Fact]
    public async Task Fix_That_Breaks_Compilation_Is_A_Defect()
    {
        var defects = await CheckAsync(new CanaryAnalyzer(), new SemicolonEatingFix());
        Assert.Contains(defects, d => d.Kind == "broken-fix");
    }

    [Fact]
    public async Task Fix_All_That_Never_Converges_Is_A_Defect()
    {
        var defects = await CheckAsync(new CanaryAnalyzer(), new BindDuplicatingFix());
        Assert.Contains(defects, d => d.Kind == "fix-all-diverges");
        Assert.DoesNotContain(defects, d => d.Kind == "broken-fix");
    }

    private static async Task<ConcurrentBag<Defect>> CheckAsync(DiagnosticAnalyzer analyzer, CodeFixProvider? fixer)
    {
        var harness = new AnalyzerHarness([analyzer], fixer is null ? [] : [fixer]);
        var defects = new ConcurrentBag<Defect>();
        await new RobustnessChecks(harness, new FuzzCounts()).CheckAsync(Source, checkDeterminism: true, fixBrokenCode: true, defects, CancellationToken.None);
        return defects;
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, Func<string, string> edit, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken);
        return document.WithText(text.Replace(node.Span, edit(node.ToString())));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Canary];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("canary"), SyntaxKind.InvocationExpression);
        }
    }

    /// <summary>Reports every <c>….Bind(…);</c> statement.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CanaryAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Canary];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    if (c.Node is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" } } })
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Canary, c.Node.GetLocation()));
                    }
                },
                SyntaxKind.ExpressionStatement);
        }
    }

    private abstract class CanaryFix : CodeFixProvider
    {
        public sealed override ImmutableArray<string> FixableDiagnosticIds => [Canary.Id];

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
            var node = root.FindNode(context.Span);
            context.RegisterCodeFix(CodeAction.Create(GetType().Name, ct => ReplaceAsync(context.Document, node, Edit, ct), GetType().Name), context.Diagnostics);
        }

        protected abstract string Edit(string statement);
    }

    private sealed class SemicolonEatingFix : CanaryFix
    {
        protected override string Edit(string statement) => statement.TrimEnd(';');
    }

    private sealed class BindDuplicatingFix : CanaryFix
    {
        protected override string Edit(string statement) => statement + " " + statement;
    }
}
