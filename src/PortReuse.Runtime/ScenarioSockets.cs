using System;
using System.Net;
using System.Net.Sockets;

namespace PortReuse.Runtime;

/// <summary>Creates scenario sockets with their reuse decision made before the bind.</summary>
public static class ScenarioSockets
{
    public static Socket Create(TransportProtocol protocol, AddressFamilyMode family)
    {
        var socket = new Socket(
            family == AddressFamilyMode.IPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6,
            protocol == TransportProtocol.Tcp ? SocketType.Stream : SocketType.Dgram,
            protocol == TransportProtocol.Tcp ? ProtocolType.Tcp : ProtocolType.Udp);
        if (family != AddressFamilyMode.IPv4)
        {
            // Explicit either way: the OS default for IPV6_V6ONLY differs between systems.
            socket.DualMode = family == AddressFamilyMode.DualMode;
        }

        return socket;
    }

    public static void ApplyReuse(Socket socket, ReuseMode reuse)
    {
        switch (reuse)
        {
            case ReuseMode.None:
                break;
            case ReuseMode.ReuseAddress:
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                break;
            case ReuseMode.RawReuseAddress:
                RawSocketOptions.SetReuseAddress(socket, enabled: true);
                break;
            case ReuseMode.ExclusiveAddressUse:
                socket.ExclusiveAddressUse = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reuse), reuse, null);
        }
    }

    public static IPEndPoint Endpoint(SocketSetup setup, int port) =>
        new(LoopbackAddresses.Resolve(setup.Family, setup.Address), port);
}
