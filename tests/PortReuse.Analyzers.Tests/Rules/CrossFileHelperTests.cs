using Microsoft.CodeAnalysis.Testing;
using PortReuse.Analyzers.Tests.Verifiers;

namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>
/// Helpers declared in another file of the compilation (a partial class split over files, a static setup class) are
/// followed when the analysed code hands them a socket or an address, as same-file helpers are.
/// </summary>
public class CrossFileHelperTests
{
    private static Task VerifyAsync(string ruleId, params string[] files)
    {
        var test = SingleRule<NoFix>.Create(ruleId, files[0]);
        for (var i = 1; i < files.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Other{i}.cs", files[i]));
        }

        return test.RunAsync(CancellationToken.None);
    }

    private const string PartialPeerStart = """
        using System.Net;
        using System.Net.Sockets;

        public partial class Peer
        {
            private Socket _udp;

            public bool Start(IPAddress address, int port)
            {
                _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                return Open(_udp, new IPEndPoint(address, port));
            }

            private static bool Open(Socket socket, IPEndPoint endPoint)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(endPoint);
                return true;
            }
        }
        """;

    [Fact]
    public Task PR0002_Triggers_AtCallThatHandsAPartialInAnotherFileTheWildcard() => VerifyAsync("PR0002", """
        using System.Net;

        public partial class Peer
        {
            public bool Start(int port) => {|PR0002:Start(IPAddress.Any, port)|};
        }
        """, PartialPeerStart);

    [Fact]
    public Task PR0002_DoesNotTrigger_WhenThePartialInAnotherFileIsHandedLoopback() => VerifyAsync("PR0002", """
        using System.Net;

        public partial class Peer
        {
            public bool StartLocal(int port) => Start(IPAddress.Loopback, port);
        }
        """, PartialPeerStart);

    [Fact]
    public Task PR0002_Triggers_AtCallThatHandsAStaticHelperInAnotherFileAnAnyEndPoint() => VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0002:SocketSetup.BindAndListen(socket, new IPEndPoint(IPAddress.IPv6Any, 8080))|};
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class SocketSetup
        {
            public static void BindAndListen(Socket socket, EndPoint endPoint)
            {
                socket.ExclusiveAddressUse = true;
                socket.Bind(endPoint);
                socket.Listen(100);
            }
        }
        """);

    [Fact]
    public Task PR0002_Triggers_AtCallThatHandsAListenerFactoryInAnotherFileTheWildcard() => VerifyAsync("PR0002", """
        using System.Net;

        class Host
        {
            void Run() => {|PR0002:Listeners.Open(IPAddress.Any, 9000)|}.Start();
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class Listeners
        {
            public static TcpListener Open(IPAddress address, int port) => new TcpListener(address, port);
        }
        """);

    [Fact]
    public Task PR0002_DoesNotTrigger_WhenAUdpHelperIsHandedTheWildcardOnAnEphemeralPort() => VerifyAsync("PR0002", """
        using System.Net;

        public partial class Peer
        {
            public bool StartClient() => Start(IPAddress.Any, 0);
        }
        """, PartialPeerStart);

    [Fact]
    public Task PR0002_Triggers_InHelperFileWhereTheHelperSpellsTheWildcard_NotAtTheCall() => VerifyAsync("PR0002", """
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = true;
                SocketSetup.BindEverywhere(socket, 8080);
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class SocketSetup
        {
            public static void BindEverywhere(Socket socket, int port) => {|PR0002:socket.Bind(new IPEndPoint(IPAddress.Any, port))|};
        }
        """);

    [Fact]
    public Task PR0002_Triggers_WhenTheHelperInTheSameFileGetsTheWildcard() => VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run(int port) => {|PR0002:Open(IPAddress.Any, port)|};

            static void Open(IPAddress address, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.ExclusiveAddressUse = true;
                socket.Bind(new IPEndPoint(address, port));
                socket.Listen(10);
            }
        }
        """);

    [Fact]
    public Task PR0001_Triggers_AtCallOfHelperInAnotherFileThatBindsTheCallersSocket() => VerifyAsync("PR0001", """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:SocketSetup.BindAndListen(socket, new IPEndPoint(IPAddress.Loopback, 8080))|};
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class SocketSetup
        {
            public static void BindAndListen(Socket socket, EndPoint endPoint)
            {
                socket.Bind(endPoint);
                socket.Listen(100);
            }
        }
        """);

    [Fact]
    public Task PR0001_DoesNotTrigger_WhenAPartialInAnotherFileDecidesOnTheField() => VerifyAsync("PR0001", """
        using System.Net;
        using System.Net.Sockets;

        partial class Server
        {
            private Socket _listener;

            void Run()
            {
                _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                ConfigureListener();
                _listener.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }
        }
        """, """
        using System.Net.Sockets;

        partial class Server
        {
            private void ConfigureListener() => _listener.ExclusiveAddressUse = true;
        }
        """);

    [Fact]
    public Task PR0001_Triggers_WhenAPartialInAnotherFileConfiguresSomethingElse() => VerifyAsync("PR0001", """
        using System.Net;
        using System.Net.Sockets;

        partial class Server
        {
            private Socket _listener;

            void Run()
            {
                _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                ConfigureListener();
                {|PR0001:_listener.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
            }
        }
        """, """
        using System.Net.Sockets;

        partial class Server
        {
            private void ConfigureListener() => _listener.NoDelay = true;
        }
        """);

    [Fact]
    public Task PR0003_Triggers_AtCallOfHelperInAnotherFileThatSetsReuseOnTheBoundSocket() => VerifyAsync("PR0003", """
        using System.Net;
        using System.Net.Sockets;

        class Server
        {
            void Run()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 5353));
                {|PR0003:SocketSetup.Share(socket)|};
            }
        }
        """, """
        using System.Net.Sockets;

        static class SocketSetup
        {
            public static void Share(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }
        """);

    [Fact]
    public Task Recursion_AcrossFiles_Terminates() => VerifyAsync("PR0002", """
        using System.Net;
        using System.Net.Sockets;

        static class Ping
        {
            public static void Run(Socket socket, IPAddress address, int depth)
            {
                if (depth > 0)
                {
                    Pong.Run(socket, address, depth - 1);
                }
            }

            static void Main() => {|PR0002:Run(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), IPAddress.Any, 4)|};
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class Pong
        {
            public static void Run(Socket socket, IPAddress address, int depth)
            {
                socket.Bind(new IPEndPoint(address, 7000));
                Ping.Run(socket, address, depth);
            }
        }
        """);

    [Fact]
    public Task HelperInAFileWithCompileErrors_IsStillFollowed() => VerifyAsync("PR0002", """
        using System.Net;

        class Host
        {
            void Run() => {|PR0002:Broken.Open(IPAddress.Any, 9000)|};
        }
        """, """
        using System.Net;
        using System.Net.Sockets;

        static class Broken
        {
            public static void Open(IPAddress address, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.ExclusiveAddressUse = true;
                socket.Bind(new IPEndPoint(address, port));
                {|CS0103:NotDeclared|}(socket);
            }
        }
        """);
}
