using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.Tests.Verifiers.NoFix>;

namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>portreuse.PR0001.ignore_udp, read through the typed options record.</summary>
public class PR0001OptionsTests
{
    private const string Binds = """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                using var udp = {|#0:new UdpClient(5000)|};
                var datagram = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                {|#1:datagram.Bind(new IPEndPoint(IPAddress.Loopback, 5001))|};
                var stream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|#2:stream.Bind(new IPEndPoint(IPAddress.Loopback, 5002))|};
            }
        }
        """;

    private static Task Run(string? editorConfig, params int[] reported)
    {
        var test = Verify.Create("PR0001", Binds, editorConfig);
        foreach (var index in reported)
        {
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PR0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(index)
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Udp_Reported_By_Default() => Run(null, 0, 1, 2);

    [Fact]
    public Task Udp_Reported_When_Option_False() => Run("portreuse.PR0001.ignore_udp = false\n", 0, 1, 2);

    [Fact]
    public Task Udp_Ignored_When_Option_True_Tcp_Still_Reported() => Run("portreuse.PR0001.ignore_udp = true\n", 2);

    [Fact]
    public Task Unparsable_Value_Keeps_Default() => Run("portreuse.PR0001.ignore_udp = maybe\n", 0, 1, 2);
}
