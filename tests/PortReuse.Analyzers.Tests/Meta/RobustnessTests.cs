using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortReuse.Analyzers.Tests.Meta;

/// <summary>Analyzers run on every keystroke: empty, half-typed and huge files must never make one throw (AD0001).</summary>
public sealed class RobustnessTests
{
    private const string Usings = "using System; using System.Net; using System.Net.Sockets; using System.Threading.Tasks;\n";

    public static TheoryData<string> Analyzers => AnalyzerCatalog.AnalyzerNames();

    /// <summary>Half-typed code around sockets, the way an editor sees it between keystrokes.</summary>
    private static readonly string[] BrokenSources =
    {
        "class C { void M() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ; } }",
        "class C { void M() { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Any, )); } }",
        "class C { void M() { var l = new TcpListener(IPAddress.Loopback, 8080); l.Start( } }",
        "class C { void M() { var u = new UdpClient(5000,,); u.",
        "class C { void M(Socket s) { s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress); s.Bind(null); } }",
        "class C { void M() { var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = , Blocking = }; s.Bind(new IPEndPoint(IPAddress.Loopback, 1)); } }",
        "class C { void M() { var s = new Socket(Unknown.Family, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(Missing, \"x\")); } }",
        "class C { void M() { var l = TcpListener.Create(; l.Start(); } }",
        "class C { void M(int x) { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); switch (x) { case 1: s.Bind(new IPEndPoint(IPAddress.Any, 1)) case 2: goto L; } L: s.Bind( } }",
        "class C { void A(Socket s) => B(s); void B(Socket s) { A(s); s.Bind(new IPEndPoint(IPAddress.Any, 80)); } void M() { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); A(s); } }",
        "class C { void M() { var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Local(s); void Local(Socket x) { Local(x); x.Bind(new IPEndPoint(IPAddress.Any, 80)); } } }",
        "class C { Socket _s = new(); TcpListener L => new(IPAddress.Any, 80); void M() { _s.Bind(new IPEndPoint(IPAddress.IPv6Any, 80)); L.Start(); x.Start(); y.Bind(); } }",
        "class C { async Task M() { using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); await foreach (var x in s) { s.Bind(x); } } }",
        "var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s?.Bind(new IPEndPoint(IPAddress.Any, 80)) ?? throw; s.ExclusiveAddressUse =",
        "class C { void M() { for (;;) { var u = new UdpClient(new IPEndPoint(IPAddress.Parse(\"::\"), 5000)); continue; u.Client.Bind(",
    };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Analyzer_SurvivesEmptySource(string analyzer)
    {
        var result = await RunAsync(analyzer, string.Empty);

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Analyzer_SurvivesBrokenSource(string analyzer)
    {
        foreach (var source in BrokenSources)
        {
            var result = await RunAsync(analyzer, Usings + source);

            Assert.True(result.Exceptions.Count == 0, $"{source}\n{string.Join("\n", result.Exceptions)}");
        }
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Analyzer_SurvivesHugeSource(string analyzer)
    {
        // 5,001 statements in one method: 1,667 sockets, each decided in one branch only and then bound.
        const int Sockets = 1667;
        var source = new StringBuilder(Usings).AppendLine("class Huge { void Run(bool flag) {");
        for (var i = 0; i < Sockets; i++)
        {
            source.AppendLine($"var s{i} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);")
                .AppendLine($"if (flag) s{i}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")
                .AppendLine($"s{i}.Bind(new IPEndPoint(IPAddress.Loopback, {1024 + i}));");
        }

        var result = await RunAsync(analyzer, source.AppendLine("} }").ToString());

        Assert.Empty(result.Exceptions);
        if (result.Analyzer is SocketBindAnalyzer)
        {
            Assert.Equal(Sockets, result.Diagnostics.Count(d => d.Id == RuleIds.MissingReuseDecision));
        }
    }

    private static async Task<AnalysisResult> RunAsync(string analyzerName, string source)
    {
        var analyzer = AnalyzerCatalog.CreateAnalyzers().Single(a => a.GetType().FullName == analyzerName);
        var compilation = await AnalyzerCatalog.CompileAsync(source);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // AD0001 is how a host reports an analyzer exception; count it too in case the callback is bypassed.
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => new InvalidOperationException(d.ToString())));
        return new AnalysisResult(analyzer, diagnostics, exceptions);
    }

    private sealed record AnalysisResult(DiagnosticAnalyzer Analyzer, ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions);
}
