using Verify = PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<PortReuse.Analyzers.SocketBindAnalyzer, PortReuse.Analyzers.CodeFixes.ReuseDecisionCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class SmokeFixTests
{
    [Fact]
    public Task Fix_Inserts_ReuseAddress() => Verify.VerifyCodeFixAsync("""
        using System.Net;
        class C
        {
            void M(int port)
            {
                var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                {|PR0001:listener.Start()|};
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M(int port)
            {
                var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
            }
        }
        """, Analyzers.CodeFixes.ReuseDecisionCodeFixProvider.SetReuseAddressKey);

    [Fact]
    public Task Fix_Splits_UdpClient() => Verify.VerifyCodeFixAsync("""
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                using var udp = {|PR0001:new UdpClient(5000)|};
                udp.Close();
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                using var udp = new UdpClient();
                udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                udp.Client.Bind(new IPEndPoint(IPAddress.Any, 5000));
                udp.Close();
            }
        }
        """, Analyzers.CodeFixes.ReuseDecisionCodeFixProvider.SetReuseAddressKey);
}
