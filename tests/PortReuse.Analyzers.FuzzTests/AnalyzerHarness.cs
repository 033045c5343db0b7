using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>Something an analyzer or a fix did wrong on one source text.</summary>
public sealed record Defect(string Kind, string Detail);

/// <summary>What running every analyzer on one source gave.</summary>
public sealed record AnalysisResult(ImmutableArray<Diagnostic> Analyzer, ImmutableArray<Diagnostic> CompilerErrors, Document Document);

/// <summary>
/// Runs every <see cref="DiagnosticAnalyzer"/> and <see cref="CodeFixProvider"/> of the two shipped assemblies (found by
/// reflection, so new rules and fixes are covered without touching this file) over source texts. References are the
/// running runtime's assemblies, loaded once; every source replaces the one tree of a prepared compilation.
/// </summary>
public sealed class AnalyzerHarness
{
    private const string FilePath = "/fuzz/Mutant.cs";
    private static readonly PropertyInfo? NestedActionsProperty =
        typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(LoadRuntimeReferences);

    private readonly ConcurrentDictionary<OutputKind, PreparedProject> _workspaces = new();

    public AnalyzerHarness(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        Analyzers = analyzers;
        Fixers = fixers;
        ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["DEBUG"]);
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    public CSharpParseOptions ParseOptions { get; }

    public static Assembly AnalyzerAssembly => typeof(SocketBindAnalyzer).Assembly;

    public static Assembly FixAssembly => Assembly.Load(new AssemblyName("PortReuse.Analyzers.CodeFixes"));

    /// <summary>Every analyzer and fix provider the package ships.</summary>
    public static AnalyzerHarness ForShippedAssemblies()
    {
        var types = new[] { AnalyzerAssembly, FixAssembly }.SelectMany(a => a.GetTypes()).Where(t => !t.IsAbstract).ToArray();
        var analyzers = types
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var fixers = types
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return new AnalyzerHarness(analyzers, fixers);
    }

    /// <summary>Top-level statements need an executable; everything else is a library, as most socket code is.</summary>
    public static OutputKind OutputKindOf(SyntaxTree tree)
        => tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;

    /// <summary>A document holding <paramref name="text"/> in a project that already has its references and options.</summary>
    public Document DocumentFor(string text, OutputKind? outputKind = null)
    {
        var kind = outputKind ?? OutputKindOf(CSharpSyntaxTree.ParseText(text, ParseOptions));
        var prepared = _workspaces.GetOrAdd(kind, CreateWorkspace);
        return prepared.Solution.WithDocumentText(prepared.Document, SourceText.From(text)).GetDocument(prepared.Document)!;
    }

    /// <summary>Runs every analyzer (concurrent execution on) over the document; analyzer exceptions become defects.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(Document document, ConcurrentBag<Defect> defects, CancellationToken cancellationToken)
    {
        // The prepared compilation keeps its references; only the one tree changes.
        var prepared = _workspaces[document.Project.CompilationOptions!.OutputKind];
        var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
        var compilation = prepared.Compilation.ReplaceSyntaxTree(prepared.Tree, tree);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => defects.Add(new Defect("AD0001", $"{analyzer.GetType().Name}: {exception}")),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var all = Analyzers.IsEmpty
            ? compilation.GetDiagnostics(cancellationToken)
            : await compilation.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var analyzerIds = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var crash in all.Where(d => d.Id == "AD0001"))
        {
            defects.Add(new Defect("AD0001", crash.ToString()));
        }

        return new AnalysisResult(
            all.Where(d => analyzerIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray(),
            all.Where(d => d.Severity == DiagnosticSeverity.Error && !analyzerIds.Contains(d.Id) && d.Id != "AD0001").ToImmutableArray(),
            document);
    }

    /// <summary>The compiler's errors for the document, in the prepared compilation.</summary>
    public async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Document document, CancellationToken cancellationToken)
    {
        var prepared = _workspaces[document.Project.CompilationOptions!.OutputKind];
        var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
        return prepared.Compilation.ReplaceSyntaxTree(prepared.Tree, tree).GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
    }

    /// <summary>Every action registered for a diagnostic, nested ones flattened.</summary>
    public async Task<ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)>> FixesForAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = ImmutableArray.CreateBuilder<(CodeFixProvider, CodeAction)>();
        foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var registered = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => registered.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            foreach (var action in registered.SelectMany(Flatten))
            {
                actions.Add((fixer, action));
            }
        }

        return actions.ToImmutable();
    }

    /// <summary>The document after the action's changes; null when the action changes nothing in it.</summary>
    public static async Task<Document?> ApplyAsync(CodeAction action, Document document, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution.GetDocument(document.Id);
        if (changed is null)
        {
            return null;
        }

        var before = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var after = await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return before.ContentEquals(after) ? null : changed;
    }

    /// <summary>Fix All in the document for one provider and equivalence key, as the IDE's light bulb would run it.</summary>
    public async Task<Document?> FixAllAsync(CodeFixProvider fixer, CodeAction representative, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (fixer.GetFixAllProvider() is not { } fixAll)
        {
            return null;
        }

        var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        var provider = new DocumentDiagnostics(document, fixable);
        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Document,
            representative.EquivalenceKey,
            fixable.Select(d => d.Id).Distinct(StringComparer.Ordinal),
            provider,
            cancellationToken);
        var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        return action is null ? null : await ApplyAsync(action, document, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        var nested = NestedActionsProperty?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } children ? children : ImmutableArray<CodeAction>.Empty;
        return nested.IsEmpty ? [action] : nested.SelectMany(Flatten);
    }

    private PreparedProject CreateWorkspace(OutputKind kind)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Fuzz",
            "Fuzz",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Disable),
            parseOptions: ParseOptions,
            metadataReferences: RuntimeReferences.Value));
        var document = workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id),
            Path.GetFileName(FilePath),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(string.Empty), VersionStamp.Default)),
            filePath: FilePath));

        // Built once: every later text replaces its tree, and the fixes' own compilations fork from this solution.
        var compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        return new PreparedProject(document.Project.Solution, document.Id, compilation, compilation.SyntaxTrees.Single());
    }

    private static ImmutableArray<MetadataReference> LoadRuntimeReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private sealed record PreparedProject(Solution Solution, DocumentId Document, Compilation Compilation, SyntaxTree Tree);

    /// <summary>Fix All's view of the diagnostics: the ones already computed for this one document.</summary>
    private sealed class DocumentDiagnostics(Document document, ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document requested, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(requested.Id == document.Id ? diagnostics : []);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
