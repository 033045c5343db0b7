using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.Tests.Verifiers.NoFix>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0002Tests
{
    private static string InMethod(string body, string members = "") => ServerSource.InRun(body, members);

    [Theory]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp); EndPoint ep = port > 1 ? new IPEndPoint(IPAddress.IPv6Any, 5353) : new IPEndPoint(IPAddress.Any, 5353); {|PR0002:s.Bind(ep)|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var any = new IPAddress(new byte[] { 0, 0, 0, 0 }); {|PR0002:s.Bind(new IPEndPoint(any, 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(new IPAddress(new byte[16]), 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.IPv6Any, 8080))|};")]
    [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.DualMode = true; {|PR0002:s.Bind(new IPEndPoint(IPAddress.IPv6Any, 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(\"0.0.0.0\"), 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(\"::\"), 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(0L, 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(0, 8080))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(new IPAddress(0), 8080))|};")]
    [InlineData("var host = \"0.0.0.0\"; var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(host), 8080))|};")]
    [InlineData("IPAddress.TryParse(\"0.0.0.0\", out var a); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(a, 8080))|};")]
    [InlineData("var ep = new IPEndPoint(IPAddress.Any, port); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(ep)|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, port))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 5353))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 0))|}; s.Listen(10);")]
    [InlineData("var l = {|PR0002:new TcpListener(IPAddress.Any, 8080)|}; l.Start();")]
    [InlineData("var l = {|PR0002:new TcpListener(IPAddress.IPv6Any, 8080)|}; l.Start();")]
    [InlineData("var l = {|PR0002:new TcpListener(IPAddress.Any, 0)|}; l.Start();")]
    [InlineData("var l = {|PR0002:new TcpListener(new IPEndPoint(IPAddress.Any, 8080))|}; l.Start();")]
    [InlineData("#pragma warning disable CS0618\nvar l = {|PR0002:new TcpListener(8080)|}; l.Start();")]
    [InlineData("var l = {|PR0002:TcpListener.Create(8080)|}; l.Start();")]
    [InlineData("using var u = {|PR0002:new UdpClient(5000)|};")]
    [InlineData("using var u = {|PR0002:new UdpClient(5000, AddressFamily.InterNetworkV6)|};")]
    [InlineData("using var u = {|PR0002:new UdpClient(new IPEndPoint(IPAddress.Any, 5000))|};")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 8080))|};")]
    [InlineData("var p = 0; p += 5353; var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, p))|};")]
    public Task Triggers_On_Wildcard(string body) => Verify.VerifyAsync("PR0002", InMethod(body));

    [Theory]
    [InlineData("const string Host = \"0.0.0.0\";", "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(Host), 8080))|};")]
    [InlineData("static readonly IPAddress ListenOn = IPAddress.Any;", "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(ListenOn, 8080))|};")]
    [InlineData("static readonly IPAddress ListenOn = IPAddress.Parse(\"::\");", "var l = {|PR0002:new TcpListener(ListenOn, 8080)|}; l.Start();")]
    [InlineData("private readonly TcpListener _listener = {|PR0002:new TcpListener(IPAddress.Any, 9000)|};", "_listener.Start();")]
    public Task Triggers_Through_Fields(string members, string body) => Verify.VerifyAsync("PR0002", InMethod(body, members));

    [Theory]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8080));")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Parse(\"127.0.0.2\"), 8080));")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Parse(\"127.0.0.1\"), 8080));")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Any, 0)); s.Connect(IPAddress.Loopback, 80);")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Bind(new IPEndPoint(IPAddress.Any, 0));")]
    [InlineData("using var u = new UdpClient(0);")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(new IPAddress(new byte[] { 127, 0, 0, 1 }), 8080));")]
    [InlineData("using var u = new UdpClient();")]
    [InlineData("using var u = new UdpClient(\"localhost\", 5000);")]
    [InlineData("using var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5000));")]
    [InlineData("var l = new TcpListener(IPAddress.Loopback, 8080); l.Start();")]
    [InlineData("var l = new TcpListener(IPAddress.IPv6Loopback, 0); l.Start();")]
    [InlineData("var l = new TcpListener(new IPEndPoint(IPAddress.Loopback, port)); l.Start();")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Connect(new IPEndPoint(IPAddress.Any, 8080));")]
    [InlineData("var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified); s.Bind(new UnixDomainSocketEndPoint(\"/tmp/x.sock\"));")]
    [InlineData("var address = IPAddress.Parse(Console.ReadLine()!); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(address, 8080));")]
    [InlineData("var any = IPAddress.Any; var ep = new IPEndPoint(IPAddress.Loopback, 8080); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(ep);")]
    [InlineData("var bytes = IPAddress.Any.GetAddressBytes(); Console.WriteLine(IPAddress.Any);")]
    [InlineData("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(new IPAddress(0x0100007F), 8080));")]
    [InlineData("var ep = new IPEndPoint(IPAddress.Any, 8080); Console.WriteLine(ep);")]
    [InlineData("var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp); EndPoint ep = port > 1 ? new IPEndPoint(IPAddress.IPv6Any, 5353) : new IPEndPoint(IPAddress.Loopback, 5353); s.Bind(ep);")]
    [InlineData("var a = IPAddress.Any; Narrow(ref a); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(a, 8080)); static void Narrow(ref IPAddress address) => address = IPAddress.Loopback;")]
    public Task DoesNotTrigger_On_Specific_Or_Ephemeral(string body) => Verify.VerifyAsync("PR0002", InMethod(body));

    [Fact]
    public Task DoesNotTrigger_On_User_Bind_Methods() => Verify.VerifyAsync("PR0002", """
        using System.Net;
        interface IConfigurationSection { void Bind(object instance); }
        sealed class Options { public IPAddress Address { get; set; } = IPAddress.Any; }
        sealed class Binder
        {
            public void Bind(IPEndPoint endPoint) { }
            public void Start() { }
        }
        class C
        {
            void M(IConfigurationSection section, Binder binder)
            {
                section.Bind(new Options());
                binder.Bind(new IPEndPoint(IPAddress.Any, 8080));
                binder.Start();
            }
        }
        """);

    [Fact]
    public Task DoesNotTrigger_On_Socket_Parameter_Bound_To_Loopback_Or_Unknown_Address() => Verify.VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M(Socket socket, IPEndPoint endPoint) => socket.Bind(endPoint);
        }
        """);

    [Fact]
    public Task Triggers_On_Socket_Parameter_Bound_To_Wildcard() => Verify.VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M(Socket socket) => {|PR0002:socket.Bind(new IPEndPoint(IPAddress.Any, 8080))|};
        }
        """);

    [Fact]
    public Task Triggers_Once_In_Helper_That_Binds() => Verify.VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void Run()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                BindAll(s);
                s.Listen(10);
            }

            static void BindAll(Socket s) => {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 8080))|};
        }
        """);

    [Fact]
    public Task Triggers_In_Async_Lambda() => Verify.VerifyAsync("PR0002", """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        class C
        {
            Func<Task> Serve => async () =>
            {
                var listener = {|PR0002:new TcpListener(IPAddress.Any, 5000)|};
                listener.Start();
                using var client = await listener.AcceptTcpClientAsync();
            };
        }
        """);

    // Options

    private const string WildcardListener = """
        using System.Net;
        using System.Net.Sockets;
        class C
        {
            void M()
            {
                var l = {|PR0002:new TcpListener(IPAddress.Any, 8080)|};
                l.Start();
                var v6 = {|PR0002:new TcpListener(IPAddress.IPv6Any, 8081)|};
                v6.Start();
            }
        }
        """;

    private static string Unmarked(string source) => source.Replace("{|PR0002:", string.Empty).Replace("|}", string.Empty);

    [Fact]
    public Task Option_TestProject_Is_Ignored_By_Default()
        => Verify.VerifyAsync("PR0002", Unmarked(WildcardListener), globalConfig: "build_property.IsTestProject = true\n");

    [Fact]
    public Task Option_TestProject_Reported_When_Ignore_Is_Off()
        => Verify.VerifyAsync("PR0002", WildcardListener, editorConfig: "portreuse.PR0002.ignore_test_projects = false\n", globalConfig: "build_property.IsTestProject = true\n");

    [Fact]
    public Task Option_NonTestProject_Reported()
        => Verify.VerifyAsync("PR0002", WildcardListener, globalConfig: "build_property.IsTestProject = false\n");

    [Fact]
    public Task Option_Ignore_In_Global_Config() => Verify.VerifyAsync(
        "PR0002",
        Unmarked(WildcardListener),
        globalConfig: "build_property.IsTestProject = true\nportreuse.PR0002.ignore_test_projects = true\n");

    [Fact]
    public Task Option_Allowed_Addresses_Exempts_Only_Listed_Family() => Verify.VerifyAsync(
        "PR0002",
        WildcardListener.Replace("{|PR0002:new TcpListener(IPAddress.IPv6Any, 8081)|}", "new TcpListener(IPAddress.IPv6Any, 8081)"),
        editorConfig: "portreuse.PR0002.allowed_addresses = ::\n");

    [Fact]
    public Task Option_Allowed_Addresses_List() => Verify.VerifyAsync(
        "PR0002",
        Unmarked(WildcardListener),
        editorConfig: "portreuse.PR0002.allowed_addresses = 0.0.0.0, ::\n");

    [Fact]
    public Task Option_Allowed_Addresses_Ignores_Garbage()
        => Verify.VerifyAsync("PR0002", WildcardListener, editorConfig: "portreuse.PR0002.allowed_addresses = everything, 127.0.0.1\n");

    [Fact]
    public Task Severity_None_Silences() => Verify.VerifyAsync(
        "PR0002", Unmarked(WildcardListener), editorConfig: "dotnet_diagnostic.PR0002.severity = none\n");

    [Fact]
    public Task Severity_None_In_Global_Config_Silences() => Verify.VerifyAsync(
        "PR0002", Unmarked(WildcardListener), globalConfig: "dotnet_diagnostic.PR0002.severity = none\n");

    [Fact]
    public Task Severity_None_For_One_Folder_Leaves_Others()
    {
        var test = Verify.Create("PR0002", WildcardListener);
        test.TestState.Sources.Add(("/Generated/Other.cs", Unmarked(WildcardListener).Replace("class C", "class D")));
        test.TestState.AnalyzerConfigFiles.Add(("/Generated/.editorconfig", "[*.cs]\ndotnet_diagnostic.PR0002.severity = none\n"));
        return test.RunAsync(CancellationToken.None);
    }
}
