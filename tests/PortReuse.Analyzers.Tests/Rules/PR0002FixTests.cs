using PortReuse.Analyzers.CodeFixes;
using Verify = PortReuse.Analyzers.Tests.Rules.SingleRule<PortReuse.Analyzers.CodeFixes.WildcardAddressCodeFixProvider>;

namespace PortReuse.Analyzers.Tests.Rules;

public class PR0002FixTests
{
    private static string InMethod(string body, string usings = "using System.Net;\nusing System.Net.Sockets;") => $$"""
        {{usings}}
        class Server
        {
            void Run(int port)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData(
        "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, port))|};",
        "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Loopback, port));")]
    [InlineData(
        "var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.IPv6Any, port))|};",
        "var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.IPv6Loopback, port));")]
    [InlineData(
        "var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.DualMode = true; {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(\"::\"), 8080))|};",
        "var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.DualMode = true; s.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 8080));")]
    [InlineData(
        "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(0L, 8080))|};",
        "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData(
        "var ep = new IPEndPoint(IPAddress.Any, port); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(ep)|};",
        "var ep = new IPEndPoint(IPAddress.Loopback, port); var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(ep);")]
    [InlineData(
        "var l = {|PR0002:new TcpListener(IPAddress.Any, port)|}; l.Start();",
        "var l = new TcpListener(IPAddress.Loopback, port); l.Start();")]
    [InlineData(
        "var l = {|PR0002:new TcpListener(IPAddress.IPv6Any, 0)|}; l.Start();",
        "var l = new TcpListener(IPAddress.IPv6Loopback, 0); l.Start();")]
    [InlineData(
        "#pragma warning disable CS0618\nvar l = {|PR0002:new TcpListener(port)|}; l.Start();",
        "#pragma warning disable CS0618\nvar l = new TcpListener(IPAddress.Loopback, port); l.Start();")]
    [InlineData(
        "var l = {|PR0002:TcpListener.Create(port)|}; l.Start();",
        "var l = new TcpListener(IPAddress.IPv6Loopback, port); l.Start();")]
    [InlineData(
        "using var u = {|PR0002:new UdpClient(5000)|};",
        "using var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5000));")]
    [InlineData(
        "using var u = {|PR0002:new UdpClient(5000, AddressFamily.InterNetworkV6)|};",
        "using var u = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 5000));")]
    public Task Fix_Binds_To_Loopback_Of_The_Family(string body, string fixedBody)
        => Verify.VerifyFixAsync("PR0002", InMethod(body), InMethod(fixedBody), WildcardAddressCodeFixProvider.BindToLoopbackKey);

    [Fact]
    public Task Fix_Adds_The_Using_It_Needs() => Verify.VerifyFixAsync(
        "PR0002",
        InMethod("var u = {|PR0002:new UdpClient(5000)|}; u.Close();", "using System.Net.Sockets;"),
        InMethod("var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5000)); u.Close();", "using System.Net;\nusing System.Net.Sockets;"),
        WildcardAddressCodeFixProvider.BindToLoopbackKey);

    [Fact]
    public Task Fix_All_In_Document() => Verify.VerifyFixAsync(
        "PR0002",
        InMethod("""
            var l = {|PR0002:new TcpListener(IPAddress.Any, port)|};
                    l.Start();
                    var v6 = {|PR0002:new TcpListener(IPAddress.IPv6Any, port + 1)|};
                    v6.Start();
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    {|PR0002:s.Bind(new IPEndPoint(IPAddress.Any, 5353))|};
            """),
        InMethod("""
            var l = new TcpListener(IPAddress.Loopback, port);
                    l.Start();
                    var v6 = new TcpListener(IPAddress.IPv6Loopback, port + 1);
                    v6.Start();
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    s.Bind(new IPEndPoint(IPAddress.Loopback, 5353));
            """),
        WildcardAddressCodeFixProvider.BindToLoopbackKey);

    [Fact]
    public Task Fixed_Code_Is_Silent_Idempotence() => Verify.VerifyAsync(
        "PR0002",
        InMethod("var l = new TcpListener(IPAddress.Loopback, port); l.Start(); using var u = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 5000)); var c = new TcpListener(IPAddress.IPv6Loopback, port); c.Start();"));

    [Theory]
    [InlineData("const string Host = \"0.0.0.0\";", "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); {|PR0002:s.Bind(new IPEndPoint(IPAddress.Parse(Host), 8080))|};", "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));")]
    [InlineData("static readonly IPAddress ListenOn = IPAddress.Any;", "var l = {|PR0002:new TcpListener(ListenOn, 8080)|}; l.Start();", "var l = new TcpListener(IPAddress.Loopback, 8080); l.Start();")]
    public Task Fix_Replaces_Named_Wildcard_At_The_Site(string members, string body, string fixedBody)
    {
        static string Source(string members, string body) => $$"""
            using System.Net;
            using System.Net.Sockets;
            class Server
            {
                {{members}}
                void Run() { {{body}} }
            }
            """;
        return Verify.VerifyFixAsync("PR0002", Source(members, body), Source(members, fixedBody), WildcardAddressCodeFixProvider.BindToLoopbackKey);
    }

    [Fact]
    public Task No_Fix_When_The_Endpoint_Comes_From_Elsewhere()
    {
        var source = """
            using System.Net;
            using System.Net.Sockets;
            class Server
            {
                void Run()
                {
                    var ep = new IPEndPoint(IPAddress.Loopback, 8080);
                    ep = new IPEndPoint(IPAddress.Any, 8080);
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {|PR0002:s.Bind(ep)|};
                }
            }
            """;
        var test = Verify.Create("PR0002", source);
        test.FixedCode = source;
        return test.RunAsync(CancellationToken.None);
    }
}
