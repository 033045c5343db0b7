using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.CodeFixes.MoveReuseOptionBeforeBindCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0003Tests
{
    private static string InMethod(string body) => ServerSource.InRun(
        body,
        "static void ShareAddress(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");

    private const string NewSocket = "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); ";

    [Theory]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); {|PR0003:s.ExclusiveAddressUse = true|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); s.Listen(); {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false)|};")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080); l.Start(); {|PR0003:l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080); l.Start(); {|PR0003:l.ExclusiveAddressUse = true|};")]
    [InlineData("var u = new UdpClient(5000); {|PR0003:u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData("var u = new UdpClient(5000); {|PR0003:u.ExclusiveAddressUse = false|};")]
    [InlineData(NewSocket + "if (flag) { s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); } else { s.Bind(new IPEndPoint(IPAddress.Loopback, 8081)); } {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, port)); {|PR0003:ShareAddress(s)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 0)); {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true)|};")]
    [InlineData("using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8080)); {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); var reuse = true; {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, reuse)|};")]
    public Task Triggers_When_Set_After_Bind(string body) => Verify.VerifyAsync("PR0003", InMethod(body));

    [Theory]
    [InlineData(NewSocket + "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData(NewSocket + "s.ExclusiveAddressUse = true; s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080); l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); l.Start();")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080) { ExclusiveAddressUse = true }; l.Start();")]
    [InlineData("var u = new UdpClient(); u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); u.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000));")]
    [InlineData(NewSocket + "if (flag) { s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); } s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(NewSocket + "var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); other.ExclusiveAddressUse = true; other.Bind(new IPEndPoint(IPAddress.Loopback, 8081)); s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); late.ExclusiveAddressUse = true;")]
    [InlineData(NewSocket + "try { s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); } catch (SocketException) { s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); }")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); s.NoDelay = true;")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); s.Close(); s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.ExclusiveAddressUse = true;")]
    [InlineData("var u = new UdpClient(); u.ExclusiveAddressUse = false; u.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000));")]
    public Task DoesNotTrigger_When_Set_Before_Bind_Or_On_Another_Socket(string body) => Verify.VerifyAsync("PR0003", InMethod(body));

    [Fact]
    public Task DoesNotTrigger_On_Unknown_Socket() => Verify.VerifyAsync("PR0003", """
        using System.Net.Sockets;
        class C
        {
            void M(Socket s) => s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }
        """);

    [Fact]
    public Task Fix_Moves_Option_Before_Bind() => Verify.VerifyFixAsync(
        "PR0003",
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                s.Listen();
                {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                s.Listen();
            }
        }
        """,
        MoveReuseOptionBeforeBindCodeFixProvider.MoveBeforeBindKey);

    [Fact]
    public Task Fix_All_Moves_Listener_And_Socket_Options() => Verify.VerifyFixAsync(
        "PR0003",
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var l = new TcpListener(IPAddress.Loopback, 8080);
                l.Start();
                {|PR0003:l.ExclusiveAddressUse = true|};
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
                // share with the previous run
                {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var l = new TcpListener(IPAddress.Loopback, 8080);
                l.ExclusiveAddressUse = true;
                l.Start();
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """,
        MoveReuseOptionBeforeBindCodeFixProvider.MoveBeforeBindKey);

    /// <summary>The most common real shape (docs/precision.md): the constructor already bound, so the fix splits it.</summary>
    [Fact]
    public Task Fix_Splits_Binding_UdpClient_Constructor() => Verify.VerifyFixAsync(
        "PR0003",
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M(int port)
            {
                using var receiver = new UdpClient(port);
                receiver.EnableBroadcast = true;
                {|PR0003:receiver.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
                receiver.Receive(ref _remote);
            }

            private IPEndPoint _remote = new(IPAddress.Loopback, 0);
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M(int port)
            {
                using var receiver = new UdpClient();
                receiver.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                receiver.Client.Bind(new IPEndPoint(IPAddress.Any, port));
                receiver.EnableBroadcast = true;
                receiver.Receive(ref _remote);
            }

            private IPEndPoint _remote = new(IPAddress.Loopback, 0);
        }
        """,
        MoveReuseOptionBeforeBindCodeFixProvider.SplitConstructorKey);

    [Fact]
    public Task Fix_All_Splits_Each_Binding_Constructor() => Verify.VerifyFixAsync(
        "PR0003",
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var v6 = new UdpClient(5000, AddressFamily.InterNetworkV6);
                {|PR0003:v6.ExclusiveAddressUse = false|};
                var local = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5001));
                {|PR0003:local.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var v6 = new UdpClient(AddressFamily.InterNetworkV6);
                v6.ExclusiveAddressUse = false;
                v6.Client.Bind(new IPEndPoint(IPAddress.IPv6Any, 5000));
                var local = new UdpClient(AddressFamily.InterNetwork);
                local.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                local.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5001));
            }
        }
        """,
        MoveReuseOptionBeforeBindCodeFixProvider.SplitConstructorKey);

    [Theory]
    [InlineData("var u = new UdpClient(5000); var share = true; {|PR0003:u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, share)|};")]
    [InlineData("var u = new UdpClient(5000); u.Close(); u = new UdpClient(5001); {|PR0003:u.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); var t = s; {|PR0003:t.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); var reuse = true; {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, reuse)|};")]
    [InlineData(NewSocket + "if (flag) { s.Bind(new IPEndPoint(IPAddress.Loopback, 8080)); } else { s.Bind(new IPEndPoint(IPAddress.Loopback, 8081)); } {|PR0003:s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true)|};")]
    [InlineData(NewSocket + "s.Bind(new IPEndPoint(IPAddress.Loopback, port)); {|PR0003:ShareAddress(s)|};")]
    public Task No_Fix_When_Bind_Is_Not_An_Earlier_Statement_Or_Move_Would_Not_Compile(string body)
    {
        var test = Verify.Create("PR0003", InMethod(body));
        test.FixedCode = InMethod(body);
        return test.RunAsync(CancellationToken.None);
    }
}
