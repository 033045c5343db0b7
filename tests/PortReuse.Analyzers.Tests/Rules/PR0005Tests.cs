using Microsoft.CodeAnalysis.Diagnostics;
using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.CodeFixes.ExclusiveAddressUseCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0005Tests
{
    private static string InMethod(string body) => ServerSource.InRun(body);

    private const string NewSocket = "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); ";

    [Fact]
    public void Is_Opt_In_Info() => Assert.Equal(
        (false, Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
        (Descriptors.ReuseAddressSharesPort.IsEnabledByDefault, Descriptors.ReuseAddressSharesPort.DefaultSeverity));

    [Theory]
    [InlineData(null, 0)]
    [InlineData(Microsoft.CodeAnalysis.ReportDiagnostic.Info, 1)]
    [InlineData(Microsoft.CodeAnalysis.ReportDiagnostic.Error, 1)]
    public async Task Reported_Only_When_Enabled(Microsoft.CodeAnalysis.ReportDiagnostic? setting, int count)
    {
        // Straight through the compiler: the testing library would turn every rule on.
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(InMethod(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);"));
        var references = await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None);
        var options = new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        if (setting is { } report)
        {
            options = options.WithSpecificDiagnosticOptions(new Dictionary<string, Microsoft.CodeAnalysis.ReportDiagnostic> { ["PR0005"] = report });
        }

        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Opt", new[] { tree }, references, options);
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new SocketBindAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var reported = diagnostics.Where(d => d.Id == "PR0005").ToList();
        Assert.Equal(count, reported.Count);
        if (setting == Microsoft.CodeAnalysis.ReportDiagnostic.Error)
        {
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, reported[0].Severity);
        }
    }

    [Theory]
    [InlineData(NewSocket + "{|PR0005:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|}; s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); s.Listen();")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080); {|PR0005:l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|}; l.Start();")]
    [InlineData("var u = new UdpClient(); {|PR0005:u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|}; u.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000));")]
    [InlineData("using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); {|PR0005:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, 1)|};")]
    public Task Triggers_On_ReuseAddress_True(string body) => Verify.VerifyAsync("PR0005", InMethod(body));

    [Theory]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);")]
    [InlineData(NewSocket + "s.ExclusiveAddressUse = true;")]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); s.ExclusiveAddressUse = true;")]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);")]
    [InlineData("var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified); s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);")]
    public Task DoesNotTrigger_Without_Sharing(string body) => Verify.VerifyAsync("PR0005", InMethod(body));

    [Fact]
    public Task Fix_Declares_Exclusive_Use_For_All() => Verify.VerifyFixAsync(
        "PR0005",
        InMethod(NewSocket + """
            {|PR0005:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
                    var l = new TcpListener(IPAddress.Loopback, 8081);
                    {|PR0005:l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
                    l.Start();
            """),
        InMethod(NewSocket + """
            s.ExclusiveAddressUse = true;
                    var l = new TcpListener(IPAddress.Loopback, 8081);
                    l.Server.ExclusiveAddressUse = true;
                    l.Start();
            """),
        ExclusiveAddressUseCodeFixProvider.DeclareExclusiveKey);
}
