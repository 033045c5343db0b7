using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<PortReuse.Analyzers.SocketBindAnalyzer, PortReuse.Analyzers.CodeFixes.ReuseDecisionCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>
/// PR0001's two fixes, "Set ReuseAddress before Bind" and "Declare exclusive address use". The verifier applies each
/// fix one diagnostic at a time and with Fix All, compiles the result and checks that no PR0001 is left (idempotence).
/// </summary>
public sealed class PR0001FixTests
{
    private const string Reuse = ReuseDecisionCodeFixProvider.SetReuseAddressKey;
    private const string Exclusive = ReuseDecisionCodeFixProvider.DeclareExclusiveKey;

    private static string InMethod(string body) => $$"""
        using System;
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run(int port, bool flag)
            {
        {{body}}
            }
        }
        """;

    [Theory]
    [InlineData(Reuse, "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(Exclusive, "socket.ExclusiveAddressUse = true;")]
    public Task Fixes_SocketBind(string key, string decision) => Verify.VerifyCodeFixAsync(
        InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                socket.Listen(10);
        """),
        InMethod($$"""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {{decision}}
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                socket.Listen(10);
        """),
        key);

    [Theory]
    [InlineData(Reuse, "listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(Exclusive, "listener.ExclusiveAddressUse = true;")]
    public Task Fixes_TcpListenerStart(string key, string decision) => Verify.VerifyCodeFixAsync(
        InMethod("""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                {|PR0001:listener.Start()|};
        """),
        InMethod($$"""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                {{decision}}
                listener.Start();
        """),
        key);

    [Theory]
    [InlineData(Reuse, "udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(Exclusive, "udp.Client.ExclusiveAddressUse = true;")]
    public Task Fixes_UnboundUdpClientBoundThroughClient(string key, string decision) => Verify.VerifyCodeFixAsync(
        InMethod("""
                var udp = new UdpClient(AddressFamily.InterNetwork);
                {|PR0001:udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000))|};
        """),
        InMethod($$"""
                var udp = new UdpClient(AddressFamily.InterNetwork);
                {{decision}}
                udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000));
        """),
        key);

    [Theory]
    [InlineData(Reuse, "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData(Exclusive, "socket.ExclusiveAddressUse = true;")]
    public Task Fixes_AtHelperCallSite(string key, string decision) => Verify.VerifyCodeFixAsync(
        $$"""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:Open(8080, socket)|};
            }

            private static void Open(int port, Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        """,
        $$"""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {{decision}}
                Open(8080, socket);
            }

            private static void Open(int port, Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        """,
        key);

    // ---- binding UdpClient constructors are split into unbound constructor + decision + Client.Bind ----

    public static TheoryData<string, string, string, string> UdpClientForms => new()
    {
        { Reuse, "new UdpClient(5000)", "new UdpClient()", "udp.Client.Bind(new IPEndPoint(IPAddress.Any, 5000));" },
        { Exclusive, "new UdpClient(port)", "new UdpClient()", "udp.Client.Bind(new IPEndPoint(IPAddress.Any, port));" },
        { Reuse, "new UdpClient(5000, AddressFamily.InterNetworkV6)", "new UdpClient(AddressFamily.InterNetworkV6)", "udp.Client.Bind(new IPEndPoint(IPAddress.IPv6Any, 5000));" },
        { Exclusive, "new UdpClient(5000, AddressFamily.InterNetwork)", "new UdpClient(AddressFamily.InterNetwork)", "udp.Client.Bind(new IPEndPoint(IPAddress.Any, 5000));" },
        { Reuse, "new UdpClient(family: AddressFamily.InterNetworkV6, port: 5000)", "new UdpClient(AddressFamily.InterNetworkV6)", "udp.Client.Bind(new IPEndPoint(IPAddress.IPv6Any, 5000));" },
        { Reuse, "new UdpClient(local)", "new UdpClient(local.AddressFamily)", "udp.Client.Bind(local);" },
        { Exclusive, "new UdpClient(new IPEndPoint(IPAddress.Loopback, port))", "new UdpClient(AddressFamily.InterNetwork)", "udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, port));" },
        { Reuse, "new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, port))", "new UdpClient(AddressFamily.InterNetworkV6)", "udp.Client.Bind(new IPEndPoint(IPAddress.IPv6Loopback, port));" },
    };

    [Theory]
    [MemberData(nameof(UdpClientForms))]
    public Task Fixes_BindingUdpClientConstructor(string key, string binding, string unbound, string bind)
    {
        var decision = key == Reuse
            ? "udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);"
            : "udp.ExclusiveAddressUse = true;";
        return Verify.VerifyCodeFixAsync(
            InMethod($$"""
                    var local = new IPEndPoint(IPAddress.Loopback, port);
                    using var udp = {|PR0001:{{binding}}|};
                    udp.Send(new byte[1], 1, local);
            """),
            InMethod($$"""
                    var local = new IPEndPoint(IPAddress.Loopback, port);
                    using var udp = {{unbound}};
                    {{decision}}
                    {{bind}}
                    udp.Send(new byte[1], 1, local);
            """),
            key);
    }

    [Fact]
    public Task NoFix_BindingUdpClientOutsideLocalDeclaration() => VerifyNoFix("""
        using System.Net.Sockets;

        class Server
        {
            private UdpClient _udp;

            void Run() => _udp = {|PR0001:new UdpClient(5000)|};
        }
        """);

    [Fact]
    public Task Fixes_TopLevelStatements() => new Verify.Test
    {
        TestCode = """
            using System.Net;
            using System.Net.Sockets;

            var listener = new TcpListener(IPAddress.Loopback, 8080);
            {|PR0001:listener.Start()|};
            listener.Stop();
            """,
        FixedCode = """
            using System.Net;
            using System.Net.Sockets;

            var listener = new TcpListener(IPAddress.Loopback, 8080);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            listener.Stop();
            """,
        CodeActionEquivalenceKey = Reuse,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        FixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task Fixes_TopLevelBindingUdpClient() => new Verify.Test
    {
        TestCode = """
            using System.Net.Sockets;

            var udp = {|PR0001:new UdpClient(5000)|};
            udp.Close();
            """,
        FixedCode = """
            using System.Net;
            using System.Net.Sockets;

            var udp = new UdpClient();
            udp.ExclusiveAddressUse = true;
            udp.Client.Bind(new IPEndPoint(IPAddress.Any, 5000));
            udp.Close();
            """,
        CodeActionEquivalenceKey = Exclusive,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        FixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task Fixes_AddUsingForSocketOptionTypes() => Verify.VerifyCodeFixAsync("""
        using System.Net;

        class Server
        {
            void Run()
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8080))|};
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8080));
            }
        }
        """, Reuse);

    [Fact]
    public Task Fixes_FileWithoutAnyUsings() => Verify.VerifyCodeFixAsync("""
        class Server
        {
            void Run()
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 8080);
                {|PR0001:listener.Start()|};
            }
        }
        """, """
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 8080);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
            }
        }
        """, Reuse);

    [Theory]
    [InlineData(Reuse)]
    [InlineData(Exclusive)]
    public Task FixAll_SeveralBindsInOneDocument(string key)
    {
        var tcp = key == Reuse
            ? "tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);"
            : "tcp.ExclusiveAddressUse = true;";
        var listener = key == Reuse
            ? "listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);"
            : "listener.ExclusiveAddressUse = true;";
        var udp = key == Reuse
            ? "udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);"
            : "udp.ExclusiveAddressUse = true;";
        return Verify.VerifyCodeFixAsync(
            InMethod("""
                    var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {|PR0001:tcp.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                    var listener = new TcpListener(IPAddress.Loopback, 8081);
                    {|PR0001:listener.Start()|};
                    var udp = {|PR0001:new UdpClient(5000)|};
                    if (flag)
                    {
                        var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {|PR0001:other.Bind(new IPEndPoint(IPAddress.Loopback, port))|};
                    }
            """),
            InMethod($$"""
                    var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {{tcp}}
                    tcp.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                    var listener = new TcpListener(IPAddress.Loopback, 8081);
                    {{listener}}
                    listener.Start();
                    var udp = new UdpClient();
                    {{udp}}
                    udp.Client.Bind(new IPEndPoint(IPAddress.Any, 5000));
                    if (flag)
                    {
                        var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {{tcp.Replace("tcp.", "other.")}}
                        other.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    }
            """),
            key);
    }

    [Fact]
    public Task Fixes_SecondBindOfAnUndecidedSocketOnly() => Verify.VerifyCodeFixAsync(
        InMethod("""
                var decided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                decided.ExclusiveAddressUse = true;
                decided.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var undecided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:undecided.Bind(new IPEndPoint(IPAddress.Loopback, 8081))|};
        """),
        InMethod("""
                var decided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                decided.ExclusiveAddressUse = true;
                decided.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var undecided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                undecided.ExclusiveAddressUse = true;
                undecided.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
        """),
        Exclusive);

    // ---- no fix where the result would not compile or would not mean the same ----

    [Fact]
    public Task NoFix_BindInEmbeddedStatement() => VerifyNoFix(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (flag)
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task NoFix_ChainedStartOnNewListener() => VerifyNoFix(InMethod("""
                {|PR0001:new TcpListener(IPAddress.Loopback, 8080).Start()|};
        """));

    [Fact]
    public Task NoFix_ExpressionBodiedLambda() => VerifyNoFix(InMethod("""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                Action start = () => {|PR0001:listener.Start()|};
                start();
        """));

    [Fact]
    public Task NoFix_ExpressionBodiedMethodOnField() => VerifyNoFix("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 8080);

            public void Start() => {|PR0001:_listener.Start()|};
        }
        """);

    [Fact]
    public Task NoFix_ConditionalAccessStart() => VerifyNoFix(InMethod("""
                var listener = flag ? new TcpListener(IPAddress.Loopback, 8080) : null;
                listener?{|PR0001:.Start()|};
        """));

    /// <summary>The verifier's "no fix offered" form: the fixed state is the test state, diagnostics included.</summary>
    private static Task VerifyNoFix(string source)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        return test.RunAsync();
    }
}
