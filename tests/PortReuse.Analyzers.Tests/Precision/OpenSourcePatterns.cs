namespace PortReuse.Analyzers.Tests.Precision;

/// <summary>
/// The shapes the analyzer met in open-source networking libraries (docs/precision.md lists the repositories and the
/// labelled findings), each rewritten here with our own names and no third-party code, with the findings a reviewer
/// labelled true marked as <c>// expect: PR000N</c>. Unmarked bind and option lines are the labelled-silent sites.
/// </summary>
internal static class OpenSourcePatterns
{
    public static readonly string[] Files =
    {
        // 1. A peer class split over two files: the port-only Start hands the wildcards to the full Start in the other
        //    file, which creates the UDP sockets and binds them through a setup helper (the LiteNetLib shape).
        """
        using System.Net;

        public partial class GamePeer
        {
            public bool Start() => Start(0);

            public bool Start(int port) => Start(IPAddress.Any, IPAddress.IPv6Any, port); // expect: PR0002

            public bool StartLocal(int port) => Start(IPAddress.Loopback, IPAddress.IPv6Loopback, port);
        }
        """,
        """
        using System.Net;
        using System.Net.Sockets;

        public partial class GamePeer
        {
            public bool ShareAddress;
            private Socket _v4;
            private Socket _v6;

            public bool Start(IPAddress v4, IPAddress v6, int port)
            {
                _v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                if (!TryBind(_v4, new IPEndPoint(v4, port)))
                {
                    return false;
                }

                _v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                return TryBind(_v6, new IPEndPoint(v6, port));
            }

            private bool TryBind(Socket socket, IPEndPoint endPoint)
            {
                socket.ReceiveTimeout = 500;
                try
                {
                    socket.ExclusiveAddressUse = !ShareAddress;
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, ShareAddress);
                }
                catch (SocketException)
                {
                }

                try
                {
                    socket.Bind(endPoint);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }
        """,

        // 2. A server-socket factory that enables both options on Unix "in case the old listener is not gone yet"
        //    (the Neuralia shape): the second one wins and contradicts the first.
        """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public static class ListenerFactory
        {
            public static Socket CreateServerSocket(bool ipv6, Action<Socket> configure)
            {
                var listener = ipv6
                    ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)
                    : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                configure(listener);
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true); // expect: PR0004
                }

                return listener;
            }

            public static void Tune(this Socket socket)
            {
                socket.NoDelay = true;
                socket.ExclusiveAddressUse = true;
            }
        }
        """,

        // 3. mDNS / SSDP receivers: share the port, then bind the wildcard to hear the multicast group (net-mdns, Zeroconf, RSSDP).
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class ServiceBrowser
        {
            private const int MulticastPort = 5353;

            public UdpClient OpenReceiver()
            {
                var receiver = new UdpClient(AddressFamily.InterNetwork);
                receiver.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                receiver.Client.Bind(new IPEndPoint(IPAddress.Any, MulticastPort)); // expect: PR0002
                receiver.JoinMulticastGroup(IPAddress.Parse("224.0.0.251"));
                return receiver;
            }

            public void Scan(int interfaceIndex)
            {
                using var client = new UdpClient();
                var socket = client.Client;
                if (socket.IsBound)
                {
                    return;
                }

                client.ExclusiveAddressUse = false;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                client.ExclusiveAddressUse = false;
                var local = new IPEndPoint(IPAddress.Any, MulticastPort);
                socket.Bind(local); // expect: PR0002
            }
        }
        """,

        // 4. Options copied from configuration properties: nothing is known about their values (NetCoreServer, socket.core).
        """
        using System.Net;
        using System.Net.Sockets;

        public class ConfigurableServer
        {
            public bool OptionReuseAddress { get; set; }
            public bool OptionExclusiveAddressUse { get; set; }
            public IPEndPoint EndPoint { get; set; } = new IPEndPoint(IPAddress.Loopback, 8000);

            public Socket Start()
            {
                var acceptor = new Socket(EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                acceptor.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, OptionReuseAddress);
                acceptor.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, OptionExclusiveAddressUse);
                acceptor.Bind(EndPoint);
                acceptor.Listen(1024);
                return acceptor;
            }
        }
        """,

        // 5. A port probe for a WSL quirk, a reuse option set at the wrong level, and a client socket that never binds
        //    (SIPSorcery, SimpleUdp, an NTP query).
        """
        using System.Net;
        using System.Net.Sockets;

        public static class PortChecks
        {
            public static void ProbeWildcard(int port)
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(IPAddress.Any, port)); // expect: PR0001, PR0002
            }

            public static Socket OpenAtTheWrongLevel(IPAddress address, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                // SocketOptionLevel.IP with option 4 is IP_TTL, not SO_REUSEADDR: no reuse decision is made.
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(address, port)); // expect: PR0001
                return socket;
            }

            public static void QueryTime(IPAddress server)
            {
                using var udp = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                udp.ExclusiveAddressUse = true;
                udp.Connect(new IPEndPoint(server, 123));
            }
        }
        """,

        // 6. A mock UPnP device in a test project answering on the SSDP port with the port-only constructor (Open.NAT).
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class DeviceMock
        {
            public void Answer()
            {
                using var udp = new UdpClient(1900); // expect: PR0001, PR0002
                var remote = new IPEndPoint(IPAddress.Any, 0);
                udp.Receive(ref remote);
            }
        }
        """,

        // 7. A pub/sub transport that binds the wildcard of the configured family for multicast (OPC UA).
        """
        using System.Net;
        using System.Net.Sockets;

        public sealed class DatagramTransport
        {
            public IPEndPoint Group { get; set; } = new IPEndPoint(IPAddress.Parse("239.0.0.1"), 4840);

            public void BindForMulticast(Socket socket)
            {
                EndPoint local = Group.AddressFamily == AddressFamily.InterNetworkV6
                    ? new IPEndPoint(IPAddress.IPv6Any, 4840)
                    : new IPEndPoint(IPAddress.Any, 4840);
                socket.Bind(local); // expect: PR0002
            }
        }
        """,

        // 8. PR0003, the common real-world form: a receiver made with the port-only constructor (which binds the
        //    wildcard at once) and told to share the port afterwards — in a lock, in a try, with the int overload of
        //    the option, in a helper returning the client, with `using var`, and twice in one class (constructor and
        //    reconnect). Found in 14 files of unrelated projects (docs/precision.md, "Real PR0003 instances").
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class TelemetryFeed
        {
            private readonly object _gate = new object();
            private UdpClient _feed;
            private bool _running;

            public void Start(int port)
            {
                lock (_gate)
                {
                    if (_running)
                    {
                        return;
                    }

                    _feed = new UdpClient(port); // expect: PR0001, PR0002
                    _feed.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                    _running = true;
                }
            }

            public void StartLegacy(int port)
            {
                try
                {
                    _feed = new UdpClient(port); // expect: PR0001, PR0002
                    _feed.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, 1); // expect: PR0003
                    _feed.BeginReceive(_ => { }, null);
                }
                catch (SocketException)
                {
                    _feed = null;
                }
            }

            public static UdpClient TryOpen(int port)
            {
                try
                {
                    var feed = new UdpClient(port); // expect: PR0001, PR0002
                    feed.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                    return feed;
                }
                catch (SocketException)
                {
                    return null;
                }
            }

            public static void Answer(int port)
            {
                using var responder = new UdpClient(port); // expect: PR0001, PR0002
                responder.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                var remote = new IPEndPoint(IPAddress.Loopback, 0);
                responder.Receive(ref remote);
            }
        }

        public sealed class TickReceiver
        {
            private const int FeedPort = 20777;
            private readonly string _group;
            private UdpClient _receiver;

            public TickReceiver(string group)
            {
                _group = group;
                _receiver = new UdpClient(FeedPort); // expect: PR0001, PR0002
                _receiver.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                _receiver.Client.ReceiveTimeout = 1000;
                _receiver.JoinMulticastGroup(IPAddress.Parse(_group), 20);
            }

            public void Reconnect()
            {
                _receiver.Close();
                _receiver = new UdpClient(FeedPort); // expect: PR0001, PR0002
                _receiver.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                _receiver.JoinMulticastGroup(IPAddress.Parse(_group), 20);
            }
        }
        """,

        // 9. PR0003 on the other binding forms met: the endpoint constructor of UdpClient (KNX tunnelling), a listener
        //    handed in by dependency injection and started by a hosted service (three files of one family), a listener
        //    started in an iterator coroutine, and Socket.Bind followed by the option before Listen (four files).
        """
        using System;
        using System.Collections;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public abstract class HostedWorker
        {
            protected abstract Task RunAsync(CancellationToken stoppingToken);
        }

        public sealed class TunnelConnection
        {
            private readonly UdpClient _tunnel;

            public TunnelConnection(IPAddress local, int port)
            {
                _tunnel = new UdpClient(new IPEndPoint(local, port)); // expect: PR0001
                _tunnel.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
            }
        }

        public sealed class OrderDesk : HostedWorker
        {
            private readonly TcpListener _desk;

            public OrderDesk(TcpListener desk) => _desk = desk;

            protected override async Task RunAsync(CancellationToken stoppingToken)
            {
                _desk.Start();
                _desk.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        using var caller = await _desk.AcceptTcpClientAsync(stoppingToken);
                    }
                }
                finally
                {
                    _desk.Stop();
                }
            }
        }

        public sealed class FrameServer
        {
            public int FramePort = 3000;
            private TcpListener _frames;
            private bool _created;

            public IEnumerator ServeFrames()
            {
                if (!_created)
                {
                    _created = true;
                    _frames = new TcpListener(IPAddress.Any, FramePort); // expect: PR0002
                    _frames.Start(); // expect: PR0001
                    _frames.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                    yield return null;
                }
            }
        }

        public static class QuizServer
        {
            public static void Run(string configuredAddress, int port)
            {
                var address = IPAddress.Parse(configuredAddress);
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port)); // expect: PR0001
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // expect: PR0003
                socket.Listen(16);
            }
        }
        """,

        // 10. The silent neighbours of those instances: options that are not reuse options after the binding
        //     constructor or after Bind (broadcast, buffer, multicast membership), a listener subclass that turns exclusive
        //     use off in the catch of a failed Start and retries, options set after Connect (not a bind site), a free-port
        //     probe that is exclusive and explicitly not reusing (no contradiction), and the usual share-then-bind receivers.
        """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class GuardedListener : TcpListener
        {
            public GuardedListener(IPAddress address, int port) : base(address, port)
            {
            }

            public void Start(bool exclusive)
            {
                var tryExclusive = exclusive && !Active;
                if (tryExclusive)
                {
                    Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, 1);
                }

                try
                {
                    Start();
                }
                catch (SocketException)
                {
                    if (!tryExclusive)
                    {
                        throw;
                    }

                    Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, 0);
                    Start();
                }
            }
        }

        public static class QuietNeighbours
        {
            public static UdpClient Beacon(int port)
            {
                var beacon = new UdpClient(port); // expect: PR0001, PR0002
                beacon.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                return beacon;
            }

            public static TcpListener Stalled()
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 512);
                return listener;
            }

            public static Socket Discovery(IPAddress group, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.Any, port)); // expect: PR0002
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group, IPAddress.Any));
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 2);
                return socket;
            }

            public static UdpClient FollowServer(IPAddress server, IPAddress group, int port)
            {
                var follower = new UdpClient { ExclusiveAddressUse = false };
                follower.Connect(server, port);
                follower.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                follower.JoinMulticastGroup(group);
                return follower;
            }

            public static bool IsFree(int port)
            {
                try
                {
                    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    probe.ExclusiveAddressUse = true;
                    probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }

            public static UdpClient LobbyListener(int port)
            {
                var lobby = new UdpClient();
                lobby.EnableBroadcast = true;
                lobby.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                lobby.ExclusiveAddressUse = false;
                lobby.Client.Bind(new IPEndPoint(IPAddress.Any, port)); // expect: PR0002
                return lobby;
            }

            public static TcpListener Control(int port)
            {
                var control = new TcpListener(new IPEndPoint(IPAddress.Any, port)); // expect: PR0002
                control.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                control.Start();
                return control;
            }
        }
        """,
    };
}
