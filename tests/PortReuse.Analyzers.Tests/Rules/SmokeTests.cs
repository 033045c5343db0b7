using Verify = PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<PortReuse.Analyzers.SocketBindAnalyzer, PortReuse.Analyzers.Tests.Verifiers.NoFix>;

namespace PortReuse.Analyzers.Tests.Rules;

public class SmokeTests
{
    [Fact]
    public Task Triggers_On_Bind_Without_Decision() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
            }
        }
        """);

    [Fact]
    public Task Silent_With_Decision() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }
        }
        """);
}
