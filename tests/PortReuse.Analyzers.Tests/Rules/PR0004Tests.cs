using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.CodeFixes.ContradictingReuseOptionsCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0004Tests
{
    private static string InMethod(string body) => ServerSource.InRun(body);

    private const string NewSocket = "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); ";
    private const string Reuse = "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)";
    private const string Exclusive = "s.ExclusiveAddressUse = true";

    [Theory]
    [InlineData(NewSocket + Exclusive + "; {|PR0004:" + Reuse + "|};")]
    [InlineData(NewSocket + Reuse + "; {|PR0004:" + Exclusive + "|};")]
    [InlineData(NewSocket + Reuse + "; {|PR0004:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true)|};")]
    [InlineData(NewSocket + Reuse + "; {|PR0004:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, 1)|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true }; {|PR0004:" + Reuse + "|};")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080) { ExclusiveAddressUse = true }; {|PR0004:l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|}; l.Start();")]
    [InlineData("var u = new UdpClient(); u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); {|PR0004:u.ExclusiveAddressUse = true|};")]
    [InlineData(NewSocket + Exclusive + "; if (flag) { Console.WriteLine(); } {|PR0004:" + Reuse + "|}; s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData("using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); " + Exclusive + "; {|PR0004:" + Reuse + "|};")]
    [InlineData(NewSocket + Exclusive + "; s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); {|PR0004:" + Reuse + "|};")]
    public Task Triggers_When_Both_Enabled(string body) => Verify.VerifyAsync("PR0004", InMethod(body));

    [Theory]
    [InlineData(NewSocket + Reuse + ";")]
    [InlineData(NewSocket + Exclusive + ";")]
    [InlineData(NewSocket + "s.ExclusiveAddressUse = false; " + Reuse + ";")]
    [InlineData(NewSocket + Exclusive + "; s.ExclusiveAddressUse = false; " + Reuse + ";")]
    [InlineData(NewSocket + Reuse + "; s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false); " + Exclusive + ";")]
    [InlineData(NewSocket + "if (flag) { " + Exclusive + "; } else { " + Reuse + "; }")]
    [InlineData(NewSocket + "if (flag) { " + Exclusive + "; } " + Reuse + ";")]
    [InlineData(NewSocket + "s.ExclusiveAddressUse = configured; " + Reuse + ";")]
    [InlineData(NewSocket + "var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); t.ExclusiveAddressUse = true; " + Reuse + ";")]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false); " + Exclusive + ";")]
    [InlineData(NewSocket + Exclusive + "; s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);")]
    public Task DoesNotTrigger_When_Only_One_Holds(string body) => Verify.VerifyAsync("PR0004", InMethod(body));

    private const string Contradicting = """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.ExclusiveAddressUse = true;
                {|PR0004:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                t.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                {|PR0004:t.ExclusiveAddressUse = true|};
                t.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """;

    [Fact]
    public Task Fix_Keep_ReuseAddress_Removes_ExclusiveAddressUse() => Verify.VerifyFixAsync("PR0004", Contradicting, """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                t.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                t.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """, ContradictingReuseOptionsCodeFixProvider.KeepReuseAddressKey);

    [Fact]
    public Task Fix_Keep_ExclusiveAddressUse_Removes_ReuseAddress() => Verify.VerifyFixAsync("PR0004", Contradicting, """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.ExclusiveAddressUse = true;
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                t.ExclusiveAddressUse = true;
                t.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """, ContradictingReuseOptionsCodeFixProvider.KeepExclusiveAddressUseKey);

    [Fact]
    public Task Fix_Keep_ReuseAddress_Removes_Initializer_Entry() => Verify.VerifyFixAsync("PR0004", """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var l = new TcpListener(IPAddress.Loopback, 8080) { ExclusiveAddressUse = true };
                {|PR0004:l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
                l.Start();
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var l = new TcpListener(IPAddress.Loopback, 8080) { };
                l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                l.Start();
            }
        }
        """, ContradictingReuseOptionsCodeFixProvider.KeepReuseAddressKey);
}
