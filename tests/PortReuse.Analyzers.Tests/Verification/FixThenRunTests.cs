using System.Collections.Immutable;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortReuse.Analyzers.CodeFixes;

namespace PortReuse.Analyzers.Tests.Verification;

/// <summary>
/// The analyzer's advice, verified on real sockets: the article's scenario 2 fails to bind as written, and binds once
/// PR0001's "Set ReuseAddress before Bind" fix has been applied through Roslyn — compiled and run in this process.
/// </summary>
public class FixThenRunTests
{
    // Scenario 2 of the article: a wildcard listener, then a loopback listener on the same port (chosen by the OS).
    private const string Scenario2 = """
        using System.Net;
        using System.Net.Sockets;

        public static class Scenario
        {
            public static void Run()
            {
                int port;
                using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                {
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    port = ((IPEndPoint)probe.LocalEndPoint!).Port;
                }

                using var wildcard = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                wildcard.Bind(new IPEndPoint(IPAddress.Any, port));
                wildcard.Listen();

                using var loopback = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                loopback.Bind(new IPEndPoint(IPAddress.Loopback, port));
                loopback.Listen();
            }
        }
        """;

    [Fact]
    public async Task Scenario2_Fails_Before_The_Fix_And_Binds_After_It()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The measured outcome below is Linux's; other OSes answer scenario 2 differently (docs/behaviour.md).
        }

        var document = CreateDocument(Scenario2);

        var original = await document.Project.GetCompilationAsync();
        var before = Assert.Throws<SocketException>(() => CompileAndRun(original));
        Assert.Equal(SocketError.AddressAlreadyInUse, before.SocketErrorCode);

        var diagnostics = await Pr0001DiagnosticsAsync(document);
        Assert.Equal(2, diagnostics.Length);

        var fixedDocument = await ApplyFixAllAsync(document, diagnostics, ReuseDecisionCodeFixProvider.SetReuseAddressKey);
        Assert.Empty(await Pr0001DiagnosticsAsync(fixedDocument));

        CompileAndRun(await fixedDocument.Project.GetCompilationAsync()); // both binds succeed: no exception
    }

    private static Document CreateDocument(string source)
    {
        // Just what the scenario touches, from the running framework: it must run in this very process.
        var wanted = new[] { "System.Private.CoreLib", "System.Runtime", "System.Net.Primitives", "System.Net.Sockets" };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => wanted.Contains(Path.GetFileNameWithoutExtension(path)))
            .Select(path => MetadataReference.CreateFromFile(path));
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Scenario", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(references);
        return project.AddDocument("Scenario.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> Pr0001DiagnosticsAsync(Document document)
    {
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await compilation!
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBindAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == RuleIds.MissingReuseDecision).ToImmutableArray();
    }

    private static async Task<Document> ApplyFixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey)
    {
        var provider = new ReuseDecisionCodeFixProvider();
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions, a => a.EquivalenceKey == equivalenceKey);

        var fixAllContext = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(fixAllContext);
        var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static void CompileAndRun(Compilation? compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation!.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        var context = new AssemblyLoadContext("scenario", isCollectible: true);
        try
        {
            image.Position = 0;
            var run = context.LoadFromStream(image).GetType("Scenario")!.GetMethod("Run")!;
            try
            {
                run.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
