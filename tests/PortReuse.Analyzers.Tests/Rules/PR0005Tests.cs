using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.CodeFixes.ExclusiveAddressUseCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0005Tests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.Net;
        using System.Net.Sockets;
        class Server
        {
            void Run(bool flag)
            {
                {{body}}
            }
        }
        """;

    private const string NewSocket = "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); ";

    [Fact]
    public void Is_Opt_In_Info() => Assert.Equal(
        (false, Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
        (Descriptors.ReuseAddressSharesPort.IsEnabledByDefault, Descriptors.ReuseAddressSharesPort.DefaultSeverity));

    [Fact]
    public Task Silent_Unless_Enabled()
    {
        // The shared verifier keeps PR0005 off, as a user without configuration has it.
        var source = InMethod(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");
        return PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<SocketBindAnalyzer, PortReuse.Analyzers.Tests.Verifiers.NoFix>.VerifyAnalyzerAsync(source);
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
