using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PortReuse.Analyzers.Tests.Meta;

/// <summary>Every fixer supports Fix All, and its actions carry constant equivalence keys so Fix All groups them.</summary>
public sealed class FixerTests
{
    public static TheoryData<string> Fixers => AnalyzerCatalog.FixerNames();

    /// <summary>Code that breaks every rule at least once, in several shapes (statement, listener, UDP constructor).</summary>
    private const string Offences = """
        using System.Net;
        using System.Net.Sockets;

        class Offences
        {
            void Run(int port)
            {
                var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Any, 8080));
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                var listener = new TcpListener(IPAddress.IPv6Any, port);
                listener.Start();
                var udp = new UdpClient(5000);
                var both = new Socket(SocketType.Dgram, ProtocolType.Udp);
                both.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                both.ExclusiveAddressUse = true;
                both.Bind(new IPEndPoint(IPAddress.Loopback, 5001));
            }
        }
        """;

    [Fact]
    public void Catalog_FindsTheFixers() => Assert.Contains(typeof(CodeFixes.ReuseDecisionCodeFixProvider), AnalyzerCatalog.FixerTypes);

    [Theory]
    [MemberData(nameof(Fixers))]
    public void Fixer_HasFixAllProviderForDocuments(string fixer)
    {
        var provider = Create(fixer).GetFixAllProvider();

        Assert.NotNull(provider);
        Assert.Contains(FixAllScope.Document, provider.GetSupportedFixAllScopes());
    }

    [Theory]
    [MemberData(nameof(Fixers))]
    public void Fixer_FixesOnlyRulesTheAnalyzersReport(string fixer)
    {
        var reported = AnalyzerCatalog.Descriptors().Select(d => d.Id).ToHashSet();

        Assert.All(Create(fixer).FixableDiagnosticIds, id => Assert.Contains(id, reported));
    }

    [Theory]
    [MemberData(nameof(Fixers))]
    public async Task Fixer_UsesConstantEquivalenceKeys(string fixer)
    {
        var provider = Create(fixer);
        var constants = provider.GetType()
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        var actions = await ActionsAsync(provider);

        Assert.NotEmpty(actions);
        Assert.All(actions, action =>
        {
            Assert.False(string.IsNullOrEmpty(action.EquivalenceKey), $"'{action.Title}' has no equivalence key");
            Assert.Contains(action.EquivalenceKey, constants);
        });

        // One key means one kind of edit: the same key never carries two titles.
        Assert.All(actions.GroupBy(a => a.EquivalenceKey), group => Assert.Single(group.Select(a => a.Title).Distinct()));
    }

    private static CodeFixProvider Create(string name)
        => (CodeFixProvider)Activator.CreateInstance(AnalyzerCatalog.FixerTypes.Single(t => t.FullName == name))!;

    /// <summary>Every action the fixer offers for the diagnostics it can fix in <see cref="Offences"/>.</summary>
    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider)
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Offences);
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Offences", "Offences", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options)
            .WithMetadataReferences(await AnalyzerCatalog.ReferencesAsync());
        var document = project.AddDocument("Offences.cs", SourceText.From(Offences));
        var analyzed = (await document.Project.GetCompilationAsync())!
            .WithAnalyzers(AnalyzerCatalog.CreateAnalyzers());
        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions;
    }
}
