namespace PortReuse.Analyzers.Tests.Precision;

/// <summary>
/// Programs written the way people new to sockets write them (tutorial echo servers, a chat server class, UDP discovery,
/// a game server, config binding), with the findings a reviewer would expect marked as <c>// expect: PR000N</c> on the
/// line where the finding starts. Written from the rules' descriptions, not from the implementation.
/// </summary>
internal static class RealisticCode
{
    public static readonly string[] Files =
    {
        // 1. Tutorial echo server.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public static class EchoServer
        {
            public static void Main()
            {
                var listener = new TcpListener(IPAddress.Any, 13000); // expect: PR0002
                listener.Start();
                while (true)
                {
                    using var client = listener.AcceptTcpClient();
                    var stream = client.GetStream();
                    var buffer = new byte[256];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) != 0)
                    {
                        stream.Write(buffer, 0, read);
                    }
                }
            }
        }
        """,

        // 2. Raw socket server that sets reuse after the bind, then a second one done right.
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class RawServer
        {
            public Socket Open(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, port)); // expect: PR0002
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003, PR0005
                socket.Listen(100);
                return socket;
            }

            public Socket OpenLocal(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0005
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                socket.Listen(100);
                return socket;
            }
        }
        """,

        // 3. UDP discovery: classic bind-then-option mistake on UdpClient.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public static class Discovery
        {
            private const int DiscoveryPort = 47777;

            public static void Listen()
            {
                var udp = new UdpClient(DiscoveryPort); // expect: PR0002
                udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003, PR0005
                var from = new IPEndPoint(IPAddress.Any, 0);
                var data = udp.Receive(ref from);
                Console.WriteLine(Encoding.UTF8.GetString(data));
            }

            public static void Announce()
            {
                using var sender = new UdpClient();
                sender.EnableBroadcast = true;
                var bytes = Encoding.UTF8.GetBytes("hello");
                sender.Send(bytes, bytes.Length, new IPEndPoint(IPAddress.Broadcast, DiscoveryPort));
            }
        }
        """,

        // 4. Chat server class with a field listener and configurable address.
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class ChatServer
        {
            private static readonly IPAddress ListenAddress = IPAddress.Parse("0.0.0.0");
            private readonly TcpListener _listener;

            public ChatServer(int port)
            {
                _listener = new TcpListener(ListenAddress, port); // expect: PR0002
                _listener.ExclusiveAddressUse = true;
            }

            public async Task RunAsync()
            {
                _listener.Start();
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    _ = Task.Run(() => client.Dispose());
                }
            }
        }
        """,

        // 5. Config binding and a user Bind method: nothing to report.
        """
        using System.Net;

        public interface IConfigurationSection { void Bind(object instance); }

        public sealed class ServerOptions
        {
            public string Host { get; set; } = "0.0.0.0";
            public int Port { get; set; } = 8080;
        }

        public sealed class ModelBinder
        {
            public void Bind(IPEndPoint endPoint) { }
            public void Start() { }
        }

        public static class Startup
        {
            public static void Configure(IConfigurationSection section, ModelBinder binder)
            {
                var options = new ServerOptions();
                section.Bind(options);
                binder.Bind(new IPEndPoint(IPAddress.Any, options.Port));
                binder.Start();
            }
        }
        """,

        // 6. Contradicting options, written by someone "making sure".
        """
        using System.Net;
        using System.Net.Sockets;

        public static class StrictServer
        {
            public static TcpListener Create(int port)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.ExclusiveAddressUse = true;
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0004
                listener.Start();
                return listener;
            }

            public static Socket CreateSocket(int port)
            {
                var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true); // expect: PR0004
                socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, port));
                return socket;
            }
        }
        """,

        // 7. Dual-mode worker with TcpListener.Create and a client that connects.
        """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class Worker
        {
            public async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var listener = TcpListener.Create(5000); // expect: PR0002
                listener.Start();
                using var client = await listener.AcceptTcpClientAsync(stoppingToken);
            }

            public async Task CallAsync()
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, 5000);
            }
        }
        """,

        // 8. Test helper: ephemeral ports on loopback and an OS-chosen client bind.
        """
        using System.Net;
        using System.Net.Sockets;

        public static class PortHelper
        {
            public static int FreePort()
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                return port;
            }

            public static Socket ClientFrom()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, 0));
                socket.Connect(new IPEndPoint(IPAddress.Loopback, 80));
                return socket;
            }

            public static Socket AnyPortServer()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, 0)); // expect: PR0002
                socket.Listen(1);
                return socket;
            }
        }
        """,

        // 9. Game server: IPv6 any with dual mode, options in the right order, unix socket.
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class GameServer
        {
            private Socket? _socket;

            public void Start(int port)
            {
                _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                _socket.DualMode = true;
                _socket.ExclusiveAddressUse = true;
                _socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port)); // expect: PR0002
            }

            public void StartControl(string path)
            {
                var control = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                control.Bind(new UnixDomainSocketEndPoint(path));
                control.Listen(5);
            }
        }
        """,

        // 10. Helper that configures, and an option set after Start on a listener.
        """
        using System.Net;
        using System.Net.Sockets;

        public static class Listeners
        {
            public static TcpListener Open(int port)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                Configure(listener.Server);
                listener.Start();
                return listener;
            }

            public static TcpListener OpenLate(int port)
            {
                var listener = new TcpListener(new IPEndPoint(IPAddress.Loopback, port));
                listener.Start();
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true); // expect: PR0003
                return listener;
            }

            private static void Configure(Socket socket)
            {
                socket.ExclusiveAddressUse = true;
            }
        }
        """,

        // 11. Address from configuration and from a const.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Gateway
        {
            private const string AllInterfaces = "0.0.0.0";
            private readonly string _host;

            public Gateway(string host) => _host = host;

            public TcpListener Configured(int port) => new TcpListener(IPAddress.Parse(_host), port);

            public TcpListener Everywhere(int port)
            {
                var address = IPAddress.Parse(AllInterfaces);
                return new TcpListener(address, port); // expect: PR0002
            }

            public TcpListener FromEnvironment()
            {
                var text = Environment.GetEnvironmentVariable("LISTEN") ?? "127.0.0.1";
                return new TcpListener(IPAddress.Parse(text), 9000);
            }
        }
        """,

        // 12. UDP receiver that wants sharing on a loopback multicast-style port, done right.
        """
        using System.Net;
        using System.Net.Sockets;

        public static class MetricsReceiver
        {
            public static UdpClient Open(int port)
            {
                var udp = new UdpClient(AddressFamily.InterNetwork);
                udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0005
                udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return udp;
            }

            public static UdpClient OpenV6(int port)
            {
                var udp = new UdpClient(port, AddressFamily.InterNetworkV6); // expect: PR0002
                return udp;
            }
        }
        """,

        // 13. Endpoint in a static field, a property-held socket, and a retry loop.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public sealed class Relay
        {
            private static readonly IPEndPoint PublicEndPoint = new IPEndPoint(IPAddress.Any, 7000);

            public Socket Listener { get; } = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Start()
            {
                Listener.ExclusiveAddressUse = true;
                Listener.Bind(PublicEndPoint); // expect: PR0002
                Listener.Listen(50);
            }

            public static Socket BindWithRetry(int port)
            {
                for (var attempt = 0; ; attempt++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        if (attempt > 0)
                        {
                            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0005
                        }

                        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                        return socket;
                    }
                    catch (SocketException) when (attempt < 3)
                    {
                        socket.Dispose();
                        Thread.Sleep(100);
                    }
                }
            }
        }
        """,

        // 14. Console app with top-level style Main, IPv6 any listener set up properly but after Start.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var port = args.Length > 0 ? int.Parse(args[0]) : 8080;
                var server = new TcpListener(IPAddress.IPv6Any, port); // expect: PR0002
                server.Server.DualMode = true;
                server.Start();
                server.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003, PR0005
                Console.WriteLine($"Listening on {server.LocalEndpoint}");
                server.Stop();
            }
        }
        """,
    };
}
