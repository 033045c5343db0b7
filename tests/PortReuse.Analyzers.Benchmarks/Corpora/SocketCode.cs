using System.Text;

namespace PortReuse.Analyzers.Benchmarks.Corpora;

/// <summary>
/// Code that binds sockets, covering every bind-site kind the analyzers know (Socket.Bind, TcpListener.Start,
/// binding UdpClient constructors, TcpListener.Create), with and without a reuse decision, on wildcard and loopback.
/// </summary>
internal static class SocketCode
{
    private const string Usings = """
        using System.Net;
        using System.Net.Sockets;

        """;

    /// <summary>Ordinary code plus one endpoint class; the variant rotates which options and addresses it uses.</summary>
    public static string File(int index)
    {
        var decided = index % 2 == 0;
        var address = index % 3 == 0 ? "IPAddress.Any" : "IPAddress.Loopback";
        var reuse = decided ? "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);" : "socket.NoDelay = true;";
        var listenerReuse = decided ? "listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);" : "listener.Server.NoDelay = true;";
        var exclusive = decided ? "listener.ExclusiveAddressUse = true;" : "";
        return Usings + PlainCode.File(index) + $$"""

            public sealed class Endpoint{{index}}
            {
                private readonly TcpListener _listener = new({{address}}, {{5000 + index}});

                public Socket BindRaw(int port)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    {{reuse}}
                    socket.Bind(new IPEndPoint({{address}}, port));
                    socket.Listen(16);
                    return socket;
                }

                public TcpListener Listen(int port)
                {
                    var listener = new TcpListener({{address}}, port);
                    {{listenerReuse}}
                    listener.Start();
                    return listener;
                }

                public void StartField() => _listener.Start();

                public UdpClient Receive(int port) => {{(decided ? "new UdpClient(new IPEndPoint(IPAddress.Loopback, port))" : "new UdpClient(port)")}};

                public TcpListener Create(int port)
                {
                    var listener = TcpListener.Create(port);
                    {{exclusive}}
                    listener.Start();
                    return listener;
                }

                public Socket Ephemeral()
                {
                    using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                    probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
                    return probe;
                }
            }

            """;
    }

    /// <summary>
    /// One class of long methods, each binding many sockets through branches, loops and try/finally: the flow walker's
    /// worst case, since its state grows with every socket a method tracks.
    /// </summary>
    public static string LongFile(int targetLines)
    {
        var text = new StringBuilder(Usings).Append(PlainCode.Usings).AppendLine("""
            namespace Corpus.Farm;

            public sealed class PortFarm
            {
                private Socket? _last;
            """);
        var lines = 8;
        for (var method = 0; lines < targetLines; method++)
        {
            text.AppendLine($$"""
                    public int Open{{method}}(int basePort, bool loopbackOnly, string[] names)
                    {
                        var opened = 0;
                """);
            lines += 4;
            for (var site = 0; site < 10 && lines < targetLines; site++)
            {
                var n = $"{method}_{site}";
                var address = site % 3 == 0 ? "IPAddress.Any" : "loopbackOnly ? IPAddress.Loopback : IPAddress.IPv6Any";
                var exclusiveWhen = site % 2 == 0 ? "loopbackOnly" : "!loopbackOnly";
                var datagram = site % 2 == 0 ? $"new UdpClient(basePort + {site})" : "TcpListener.Create(basePort).Server";
                text.AppendLine($$"""
                            var socket{{n}} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                            if (names.Length > {{site}})
                            {
                                socket{{n}}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                            }
                            else if ({{exclusiveWhen}})
                            {
                                socket{{n}}.ExclusiveAddressUse = true;
                            }

                            try
                            {
                                socket{{n}}.Bind(new IPEndPoint({{address}}, basePort + {{site}}));
                                opened++;
                            }
                            finally
                            {
                                _last = socket{{n}};
                            }

                            foreach (var name in names)
                            {
                                if (name.Length == {{site}})
                                {
                                    var listener{{n}} = new TcpListener(IPAddress.Loopback, basePort + name.Length);
                                    listener{{n}}.Start();
                                    listener{{n}}.Stop();
                                }
                            }

                            var udp{{n}} = {{datagram}};
                            opened += udp{{n}} is null ? 0 : 1;

                    """);
                lines += 33;
            }

            text.AppendLine("""
                        return opened + (_last is null ? 0 : 1);
                    }

                """);
            lines += 4;
        }

        return text.AppendLine("}").ToString();
    }
}
