// TcpListener, UdpClient and a dual-mode IPv6 socket done right: the address-reuse decision is made before the
// bind, and only loopback addresses are bound. ExclusiveAddressUse is the decision here because each of these
// servers must own its port; .NET's ReuseAddress would (on Linux) let a second process share it silently.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

internal static class Program
{
    private static int Main()
    {
        TcpListenerOnLoopback();
        UdpClientOnLoopback();
        DualModeSocketOnMappedLoopback();
        return 0;
    }

    private static void TcpListenerOnLoopback()
    {
        var listener = new TcpListener(IPAddress.Loopback, FreePort()) { ExclusiveAddressUse = true };
        listener.Start();
        try
        {
            using var client = new TcpClient();
            client.Connect((IPEndPoint)listener.LocalEndpoint);
            using TcpClient accepted = listener.AcceptTcpClient();
            Console.WriteLine($"TcpListener bound {listener.LocalEndpoint}, accepted {accepted.Client.RemoteEndPoint}");
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void UdpClientOnLoopback()
    {
        // new UdpClient(port) would bind in its constructor, before any decision: bind explicitly instead.
        using var udp = new UdpClient(AddressFamily.InterNetwork) { ExclusiveAddressUse = true };
        udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, FreePort()));
        var self = (IPEndPoint)udp.Client.LocalEndPoint!;
        udp.Send(Encoding.ASCII.GetBytes("ping"), 4, self);
        IPEndPoint? from = null;
        string received = Encoding.ASCII.GetString(udp.Receive(ref from));
        Console.WriteLine($"UdpClient bound {self}, received \"{received}\" from {from}");
    }

    private static void DualModeSocketOnMappedLoopback()
    {
        if (!Socket.OSSupportsIPv6)
        {
            Console.WriteLine("Dual-mode socket: IPv6 is not supported on this machine, skipped");
            return;
        }

        // Dual-mode bound to the IPv4-mapped loopback: IPv4 clients reach an IPv6 socket without the :: wildcard.
        using var server = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true, ExclusiveAddressUse = true };
        server.Bind(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), FreePort()));
        server.Listen();
        int port = ((IPEndPoint)server.LocalEndPoint!).Port;

        using var ipv4Client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        ipv4Client.Connect(new IPEndPoint(IPAddress.Loopback, port));
        using Socket accepted = server.Accept();
        Console.WriteLine($"Dual-mode socket bound {server.LocalEndPoint}, accepted IPv4 client {accepted.RemoteEndPoint}");
    }

    /// <summary>A port the OS just handed out (a throwaway socket binds port 0 and closes).</summary>
    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
