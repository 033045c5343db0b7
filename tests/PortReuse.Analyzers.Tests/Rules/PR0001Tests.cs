using Verify = PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<PortReuse.Analyzers.SocketBindAnalyzer, PortReuse.Analyzers.CodeFixes.ReuseDecisionCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>PR0001: a socket bound to a fixed port needs a ReuseAddress or ExclusiveAddressUse decision before the bind on every path.</summary>
public sealed class PR0001Tests
{
    /// <summary>A server method with a port and a flag in scope; <paramref name="body"/> is its statements.</summary>
    private static string InMethod(string body, string modifiers = "") => $$"""
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            {{modifiers}} void Run(int port, bool flag)
            {
        {{body}}
            }
        }
        """;

    // ---- every bind site ----

    [Theory]
    [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)", "new IPEndPoint(IPAddress.Loopback, 8080)")]
    [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)", "new IPEndPoint(IPAddress.Any, 8080)")]
    [InlineData("new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)", "new IPEndPoint(IPAddress.IPv6Loopback, 8080)")]
    [InlineData("new Socket(SocketType.Stream, ProtocolType.Tcp)", "new IPEndPoint(IPAddress.IPv6Any, 8080)")]
    [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)", "new IPEndPoint(IPAddress.Parse(\"127.0.0.2\"), 8080)")]
    public Task Triggers_SocketBind_OnEveryFamily(string creation, string endPoint) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var socket = {{creation}};
                {|PR0001:socket.Bind({{endPoint}})|};
        """));

    [Theory]
    [InlineData("Start()")]
    [InlineData("Start(10)")]
    public Task Triggers_TcpListenerStart(string start) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                {|PR0001:listener.{{start}}|};
        """));

    [Theory]
    [InlineData("new UdpClient(5000)")]
    [InlineData("new UdpClient(5000, AddressFamily.InterNetwork)")]
    [InlineData("new UdpClient(5000, AddressFamily.InterNetworkV6)")]
    [InlineData("new UdpClient(new IPEndPoint(IPAddress.Loopback, 5000))")]
    public Task Triggers_BindingUdpClientConstructor(string creation) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var udp = {|PR0001:{{creation}}|};
                udp.Close();
        """));

    [Fact]
    public Task Triggers_TcpListenerCreate_ThenStart() => Verify.VerifyAnalyzerAsync(InMethod("""
                var listener = TcpListener.Create(8080);
                {|PR0001:listener.Start()|};
        """));

    [Fact]
    public Task Triggers_TcpListenerOnPortOnly() => Verify.VerifyAnalyzerAsync(InMethod("""
        #pragma warning disable CS0618 // TcpListener(int) is obsolete but still binds
                var listener = new TcpListener(8080);
                {|PR0001:listener.Start()|};
        """));

    [Fact]
    public Task Triggers_TopLevelStatements() => new Verify.Test
    {
        TestCode = """
            using System.Net;
            using System.Net.Sockets;

            var listener = new TcpListener(IPAddress.Loopback, 8080);
            {|PR0001:listener.Start()|};
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    // ---- values: port 0 is ephemeral, anything else is fixed ----

    [Theory]
    [InlineData("", "0")]
    [InlineData("const int Ephemeral = 0;", "Ephemeral")]
    [InlineData("var ephemeral = 0;", "ephemeral")]
    public Task DoesNotTrigger_PortZero(string declaration, string port) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                {{declaration}}
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, {{port}}));
                var listener = new TcpListener(IPAddress.Loopback, {{port}});
                listener.Start();
                var udp = new UdpClient({{port}});
        """));

    // Every kind of write the walk does not evaluate leaves the port unknown, so it is no longer taken for port 0.
    [Theory]
    [InlineData("ephemeral += 8080;")]
    [InlineData("ephemeral++;")]
    [InlineData("--ephemeral;")]
    [InlineData("(ephemeral, _) = (8080, 1);")]
    [InlineData("int.TryParse(\"8080\", out ephemeral);")]
    [InlineData("System.Threading.Interlocked.Exchange(ref ephemeral, 8080);")]
    [InlineData("Choose(ref ephemeral); static void Choose(ref int value) => value = 8080;")]
    [InlineData("ref var alias = ref ephemeral; alias = 8080;")]
    [InlineData("Action choose = () => ephemeral = 8080; choose();")]
    [InlineData("Action choose = () => { ephemeral++; }; choose();")]
    [InlineData("Action choose = Choose; choose(); void Choose() => ephemeral = 8080;")]
    [InlineData("var choose = new Func<int>(Choose); choose(); int Choose() => ephemeral++;")]
    public Task Triggers_WhenAPortZeroLocalIsWrittenBeforeTheBind(string write) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var ephemeral = 0;
                {{write}}
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, ephemeral))|};
        """));

    // A loop's second run sees what its first run wrote: the bind inside it is judged with the value unknown.
    [Theory]
    [InlineData("for (var next = 0; next < 3; next++)", "next", "")]
    [InlineData("while (flag)", "ephemeral", "ephemeral = port;")]
    [InlineData("do", "ephemeral", "ephemeral += 1;")]
    [InlineData("foreach (var name in new[] { \"a\", \"b\" })", "ephemeral", "int.TryParse(name, out ephemeral);")]
    public Task Triggers_WhenALaterIterationBindsThePortTheLoopWrote(string loop, string port, string write) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var ephemeral = 0;
                {{loop}}
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, {{port}}))|};
                    {{write}}
                }{{(loop == "do" ? " while (flag);" : "")}}
        """));

    // Reads, `in` arguments, writes to other locals and writes after the bind leave port 0 as it was.
    [Theory]
    [InlineData("Read(in ephemeral); static int Read(in int value) => value;", "")]
    [InlineData("Func<int> read = () => ephemeral; _ = read();", "")]
    [InlineData("Func<int> read = Read; _ = read(); int Read() => ephemeral;", "")]
    [InlineData("var other = 0; other += 8080; for (var i = 0; i < 3; i++) { other++; }", "")]
    [InlineData("for (var i = 0; i < 3; i++) { Console.WriteLine(ephemeral); }", "")]
    [InlineData("", "ephemeral += 8080;")]
    public Task DoesNotTrigger_WhenNothingWritesThePortZeroLocalBeforeTheBind(string before, string after) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var ephemeral = 0;
                {{before}}
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, ephemeral));
                {{after}}
        """));

    [Fact]
    public Task DoesNotTrigger_PortZeroEndPointHeldInLocal() => Verify.VerifyAnalyzerAsync(InMethod("""
                var local = new IPEndPoint(IPAddress.Loopback, 0);
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(local);
        """));

    [Fact]
    public Task Triggers_PortHeldInVariable() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, port))|};
        """));

    // ---- what counts as a decision ----

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, flag);")]
    [InlineData("socket.ExclusiveAddressUse = true;")]
    [InlineData("socket.ExclusiveAddressUse = false;")]
    [InlineData("socket.ExclusiveAddressUse = flag;")]
    public Task DoesNotTrigger_DecisionBeforeBind(string decision) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {{decision}}
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Theory]
    [InlineData("SocketOptionName.KeepAlive")]
    [InlineData("SocketOptionName.ReuseUnicastPort")]
    public Task Triggers_OtherSocketOptionIsNoDecision(string option) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, {{option}}, true);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionThroughListenerServer() => Verify.VerifyAnalyzerAsync(InMethod("""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
                var exclusive = new TcpListener(IPAddress.Loopback, 8081);
                exclusive.ExclusiveAddressUse = true;
                exclusive.Start();
                var server = new TcpListener(IPAddress.Loopback, 8082);
                server.Server.ExclusiveAddressUse = true;
                server.Start();
        """));

    [Fact]
    public Task DoesNotTrigger_UnboundUdpClientDecidedThenBoundThroughClient() => Verify.VerifyAnalyzerAsync(InMethod("""
                var udp = new UdpClient();
                udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000));
        """));

    [Fact]
    public Task Triggers_UnboundUdpClientBoundThroughClientUndecided() => Verify.VerifyAnalyzerAsync(InMethod("""
                var udp = new UdpClient(AddressFamily.InterNetwork);
                {|PR0001:udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000))|};
        """));

    [Theory]
    [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true }", "socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))")]
    [InlineData("new TcpListener(IPAddress.Loopback, 8080) { ExclusiveAddressUse = true }", "socket.Start()")]
    [InlineData("new UdpClient() { ExclusiveAddressUse = true }", "socket.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000))")]
    public Task DoesNotTrigger_ObjectInitializerDecides(string creation, string bind) => Verify.VerifyAnalyzerAsync(InMethod($$"""
                var socket = {{creation}};
                {{bind}};
        """));

    [Fact]
    public Task Triggers_BindingUdpClientInitializerRunsAfterTheBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                var udp = {|PR0001:new UdpClient(5000) { ExclusiveAddressUse = true }|};
        """));

    // ---- flow: every path, that socket, before the bind ----

    [Fact]
    public Task Triggers_DecisionInOneBranchOnly() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (flag)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionInBothBranches() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (flag)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
                else
                {
                    socket.ExclusiveAddressUse = true;
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionInBothArmsOfConditionalExpression() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = flag ? true : false;
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_DecisionAfterBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        """));

    [Fact]
    public Task Triggers_DecisionOnAnotherSocket() => Verify.VerifyAnalyzerAsync(InMethod("""
                var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                first.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                first.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                {|PR0001:second.Bind(new IPEndPoint(IPAddress.Loopback, 8081))|};
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionThroughAlias() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var alias = socket;
                alias.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_DecisionOnlyInsideLoopThatMayNotRun() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                for (var i = 0; i < port; i++)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task Triggers_EachSocketCreatedAndBoundInLoop() => Verify.VerifyAnalyzerAsync(InMethod("""
                foreach (var p in new[] { 8080, 8081 })
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, p))|};
                }
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionInsideLoopBeforeBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                while (flag)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                    if (port > 2) break;
                }
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionWrappedInTryCatch() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
                catch (SocketException)
                {
                    Console.WriteLine("this platform refuses the option");
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_DecisionOnlyInCatch() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    Console.WriteLine("configuring");
                }
                catch (InvalidOperationException)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionInTryAndInCatch() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
                catch (SocketException)
                {
                    socket.ExclusiveAddressUse = true;
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task DoesNotTrigger_DecisionInFinally() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    Console.WriteLine("configuring");
                }
                finally
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_BindInTryWithDecisionInFinally() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                }
                finally
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
        """));

    [Fact]
    public Task DoesNotTrigger_EarlyReturnLeavesOnlyDecidedPath() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (flag)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
                else
                {
                    return;
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_BindBeforeEarlyReturnPath() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (!flag)
                {
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                    return;
                }

                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
        """));

    [Fact]
    public Task DoesNotTrigger_SwitchDecidesInEverySectionWithDefault() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                switch (port)
                {
                    case 1:
                        socket.ExclusiveAddressUse = true;
                        break;
                    case 2:
                        return;
                    default:
                        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                        break;
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_SwitchWithoutDefault() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                switch (port)
                {
                    case 1:
                        socket.ExclusiveAddressUse = true;
                        break;
                    case 2:
                        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                        break;
                }

                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task Triggers_ConditionalAccessBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                var listener = flag ? new TcpListener(IPAddress.Loopback, 8080) : null;
                listener?{|PR0001:.Start()|};
        """));

    [Fact]
    public Task DoesNotTrigger_ConditionalAccessDecisionOnCreatedSocket() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket?.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_UsingDeclaration() => Verify.VerifyAnalyzerAsync(InMethod("""
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task DoesNotTrigger_UsingDeclarationDecided() => Verify.VerifyAnalyzerAsync(InMethod("""
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = true;
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_UsingStatement() => Verify.VerifyAnalyzerAsync(InMethod("""
                using (var udp = {|PR0001:new UdpClient(5000)|})
                {
                    udp.Close();
                }

                using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
                {
                    {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 5001))|};
                }
        """));

    [Fact]
    public Task DoesNotTrigger_LocalFunctionDecidesBeforeBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Configure(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));

                static void Configure(Socket s) => s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        """));

    [Fact]
    public Task DoesNotTrigger_LocalFunctionCapturingTheSocketDecides() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Configure();
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));

                void Configure() => socket.ExclusiveAddressUse = true;
        """));

    [Fact]
    public Task Triggers_LocalFunctionCalledAfterBind() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                Configure(socket);

                static void Configure(Socket s) => s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        """));

    [Fact]
    public Task Triggers_InsideLambda() => Verify.VerifyAnalyzerAsync(InMethod("""
                Action start = () =>
                {
                    var listener = new TcpListener(IPAddress.Loopback, 8080);
                    {|PR0001:listener.Start()|};
                };
                start();
        """));

    [Fact]
    public Task DoesNotTrigger_LambdaDecidesBeforeBindInside() => Verify.VerifyAnalyzerAsync(InMethod("""
                Func<Socket> open = () =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                    return socket;
                };
                open();
        """));

    [Fact]
    public Task Triggers_DecisionInLambdaThatMayNeverRun() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Action configure = () => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task Triggers_AsyncMethodAcrossAwaits() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            async Task RunAsync()
            {
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                await Task.Delay(10);
                {|PR0001:listener.Start()|};
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_AsyncMethodDecidedBeforeAwait() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            async Task RunAsync()
            {
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                listener.ExclusiveAddressUse = true;
                await Task.Yield();
                listener.Start();
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        """);

    // ---- helpers in the same compilation ----

    [Fact]
    public Task DoesNotTrigger_HelperDecidesOnTheSocketItReceives() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                ShareAddress(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }

            private static void ShareAddress(Socket socket)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }
        }
        """);

    [Fact]
    public Task Triggers_AtCallOfHelperThatBindsTheCallersSocket() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:Open(socket, 8080)|};
            }

            private static void Open(Socket socket, int port)
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                socket.Listen(10);
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_HelperBindsSocketTheCallerDecidedOn() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = true;
                Open(socket, 8080);
            }

            private static void Open(Socket socket, int port) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        """);

    [Fact]
    public Task DoesNotTrigger_HelperBindsPortZeroFromTheCaller() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Open(socket, 0);
            }

            private static void Open(Socket socket, int port) => socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        """);

    [Fact]
    public Task DoesNotTrigger_SocketOfUnknownProvenance() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        public class Server
        {
            public void Open(Socket socket, TcpListener listener)
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                listener.Start();
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_SocketHandedToCodeWhoseBodyIsUnknown() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Sockets;

        public interface ISocketPolicy
        {
            void Apply(Socket socket);
        }

        public class Server
        {
            public void Run(ISocketPolicy policy, Action<Socket> configure)
            {
                var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                policy.Apply(first);
                first.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                configure(second);
                second.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_HelperInAnotherFileDecides() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Server.cs", """
                    using System.Net;
                    using System.Net.Sockets;

                    class Server
                    {
                        void Run()
                        {
                            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                            SocketPolicy.Share(socket);
                            socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                        }
                    }
                    """),
                ("SocketPolicy.cs", """
                    using System.Net.Sockets;

                    static class SocketPolicy
                    {
                        public static void Share(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    }
                    """),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Triggers_OnceInFactoryThatBindsItsOwnSocket() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                using var first = Open(8080);
                using var second = Open(8081);
            }

            private static Socket Open(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, port))|};
                return socket;
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_InstanceHelperDecidesOnField() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private Socket _socket;

            void Run()
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Configure();
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }

            private void Configure() => _socket.ExclusiveAddressUse = true;
        }
        """);

    [Fact]
    public Task Triggers_ReassignedToAnUndecidedSocket() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = true;
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task Triggers_TargetTypedNew() => Verify.VerifyAnalyzerAsync(InMethod("""
                Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                TcpListener listener = new(IPAddress.Loopback, 8081);
                {|PR0001:listener.Start()|};
        """));

    [Fact]
    public Task Triggers_ChainedCreateAndStart() => Verify.VerifyAnalyzerAsync(InMethod("""
                {|PR0001:TcpListener.Create(8080).Start()|};
                TcpListener.Create(0).Start();
        """));

    [Fact]
    public Task DoesNotTrigger_OptionNameHeldInLocal() => Verify.VerifyAnalyzerAsync(InMethod("""
                var option = SocketOptionName.ReuseAddress;
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, option, new byte[] { 1, 0, 0, 0 });
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_ReuseAddressAtAnotherLevelIsNoDecision() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.ReuseAddress, true);
                {|PR0001:socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task DoesNotTrigger_NamedArgumentsInAnyOrder() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(optionValue: true, optionName: SocketOptionName.ReuseAddress, optionLevel: SocketOptionLevel.Socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                var ephemeral = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                ephemeral.Bind(new IPEndPoint(port: 0, address: IPAddress.Loopback));
                var udp = new UdpClient(family: AddressFamily.InterNetwork, port: 0);
                var unix = new Socket(protocolType: ProtocolType.Unspecified, socketType: SocketType.Stream, addressFamily: AddressFamily.Unix);
                unix.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_ConstPortField() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private const int Port = 8080;
            private static readonly IPEndPoint Local = new IPEndPoint(IPAddress.Loopback, Port);

            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:socket.Bind(Local)|};
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_GeneratedFileName() => new Verify.Test
    {
        TestState =
        {
            Sources =
            {
                ("Server.g.cs", """
                    using System.Net;
                    using System.Net.Sockets;

                    class Server
                    {
                        void Run() => new TcpListener(IPAddress.Loopback, 8080).Start();
                    }
                    """),
            },
        },
    }.RunAsync();

    // Local functions are found where the walk meets them or where they are called, with no pass over the block first.

    [Fact]
    public Task Triggers_LocalFunctionAfterReturnUsedOnlyAsDelegate() => Verify.VerifyAnalyzerAsync(InMethod("""
                Action serve = Serve;
                serve();
                return;

                static void Serve() => {|PR0001:new UdpClient(5000)|}.Close();
        """));

    [Fact]
    public Task Triggers_OnceForALocalFunctionBothCalledAndUsedAsDelegate() => Verify.VerifyAnalyzerAsync(InMethod("""
                Serve();
                Action serve = Serve;
                serve();

                static void Serve() => {|PR0001:new UdpClient(5000)|}.Close();
        """));

    [Fact]
    public Task DoesNotTrigger_LocalFunctionUsedAsDelegateBindsACapturedSocketThatDecided() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                Action bind = Bind;
                bind();

                void Bind() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        """));

    [Fact]
    public Task Triggers_LocalFunctionDeclaredInLambdaAndNeverCalled() => Verify.VerifyAnalyzerAsync(InMethod("""
                Action start = () =>
                {
                    Func<UdpClient> open = Open;
                    UdpClient Open() => {|PR0001:new UdpClient(5000)|};
                };
        """));

    [Fact]
    public Task Triggers_LocalFunctionNestedInOneNeverCalled() => Verify.VerifyAnalyzerAsync(InMethod("""
                return;

                void Outer()
                {
                    Inner();
                    void Inner() => {|PR0001:new TcpListener(IPAddress.Loopback, 8080).Start()|};
                }
        """));

    [Fact]
    public Task DoesNotTrigger_LocalFunctionCalledInLambdaAboveItsDeclarationDecides() => Verify.VerifyAnalyzerAsync(InMethod("""
                Action start = () =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    Configure(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                };

                static void Configure(Socket s) => s.ExclusiveAddressUse = true;
        """));

    [Fact]
    public Task Triggers_InsideLocalFunctionBindingTheOuterSocket() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Open(socket);
                Open(socket);

                static void Open(Socket s) => {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        """));

    [Fact]
    public Task Triggers_AsyncLambda() => Verify.VerifyAnalyzerAsync(InMethod("""
                Func<Task> serve = async () =>
                {
                    await Task.Yield();
                    var udp = {|PR0001:new UdpClient(5000)|};
                    await udp.ReceiveAsync();
                };
        """));

    // ---- fields ----

    [Fact]
    public Task Triggers_FieldCreatedInConstructorStartedElsewhere() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener;

            public Server() => _listener = new TcpListener(IPAddress.Loopback, 8080);

            public void Start() => {|PR0001:_listener.Start()|};
        }
        """);

    [Fact]
    public Task DoesNotTrigger_FieldDecidedInConstructor() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener;

            public Server()
            {
                _listener = new TcpListener(IPAddress.Loopback, 8080);
                _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            public void Start() => _listener.Start();
        }
        """);

    [Fact]
    public Task DoesNotTrigger_FieldInitializerDecides() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };

            public void Start() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        }
        """);

    [Fact]
    public Task DoesNotTrigger_FieldCreatedOnPortZero() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

            public void Start() => _listener.Start();
        }
        """);

    [Fact]
    public Task DoesNotTrigger_FieldAssignedFromOutside() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener;

            public Server(TcpListener listener) => _listener = listener;

            public void Start() => _listener.Start();
        }
        """);

    [Fact]
    public Task Triggers_PropertyInitializedWithListenerStartedElsewhere() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            public TcpListener Listener { get; } = new(IPAddress.Loopback, 8080);

            public void Start()
            {
                {|PR0001:Listener.Start()|};
            }
        }
        """);

    [Fact]
    public Task Triggers_StaticFieldStartedInStaticMethod() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Sockets;

        static class Beacon
        {
            private static UdpClient s_client;

            public static void Open() => s_client = new UdpClient(AddressFamily.InterNetwork);

            public static void Listen() => {|PR0001:s_client.Client.Bind(new IPEndPoint(IPAddress.Loopback, 5000))|};
        }
        """);

    [Fact]
    public Task Triggers_InFieldAndPropertyInitializers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            private readonly Action _start = () =>
            {
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                {|PR0001:listener.Start()|};
            }, _quiet = () => new TcpListener(IPAddress.Loopback, 0).Start();

            private UdpClient Client { get; } = {|PR0001:new UdpClient(5000)|};
        }
        """);

    // ---- not a bind of ours ----

    [Fact]
    public Task DoesNotTrigger_ConnectOnlyClients() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint(IPAddress.Loopback, 8080));
                var tcp = new TcpClient();
                tcp.Connect(IPAddress.Loopback, 8080);
                var udp = new UdpClient();
                udp.Connect(IPAddress.Loopback, 5000);
                var sender = new UdpClient("localhost", 5000);
        """));

    [Fact]
    public Task DoesNotTrigger_UserTypeWithBindAndStart() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class ResponseSocket
        {
            public void Bind(string address) { }
            public void Bind(IPEndPoint endPoint) { }
            public void Start() { }
        }

        class Server
        {
            void Run()
            {
                var socket = new ResponseSocket();
                socket.Bind("tcp://127.0.0.1:5555");
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
                socket.Start();
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_ConfigurationBindExtension() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Sockets;

        interface IConfiguration
        {
            string this[string key] { get; }
        }

        static class ConfigurationBinder
        {
            public static void Bind(this IConfiguration configuration, object instance) { }
        }

        class ListenerOptions
        {
            public int Port { get; set; }
            public SocketType Type { get; set; }
        }

        class Startup
        {
            void Configure(IConfiguration configuration)
            {
                var options = new ListenerOptions();
                configuration.Bind(options);
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_UnixDomainSocket() => Verify.VerifyAnalyzerAsync(InMethod("""
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint("/tmp/server.sock"));
                var endPoint = new UnixDomainSocketEndPoint("/tmp/other.sock");
                var other = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                other.Bind(endPoint);
        """));

    [Fact]
    public Task DoesNotTrigger_GeneratedCode() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                listener.Start();
            }
        }
        """);

    [Fact]
    public Task Triggers_MessageNamesSocketAndPort() => Verify.VerifyAnalyzerAsync(
        InMethod("""
                var listener = new TcpListener(IPAddress.Loopback, 8080);
                {|#0:listener.Start()|};
        """),
        Verify.Diagnostic("PR0001").WithLocation(0).WithArguments("listener", "port 8080"));
}
