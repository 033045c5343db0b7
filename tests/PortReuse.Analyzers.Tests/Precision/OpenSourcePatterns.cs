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
    };
}
