using System;
using System.Net;
using System.Net.Sockets;

namespace PortReuse.Runtime;

/// <summary>Maps a <see cref="LocalAddress"/> to a concrete address; the only addresses this library binds.</summary>
public static class LoopbackAddresses
{
    /// <summary>Stands in for "a second IP of this host": on Linux every 127.0.0.0/8 address is loopback.</summary>
    public static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    private static readonly Lazy<string?> Ipv6Problem = new(ProbeIpv6);

    /// <summary>Null when ::1 can be bound here; otherwise why IPv6 scenarios are reported as unsupported.</summary>
    public static string? IPv6Unavailable => Ipv6Problem.Value;

    /// <summary>Whether the combination names a real address (IPv6 has no 127.0.0.2).</summary>
    public static bool Exists(AddressFamilyMode family, LocalAddress address) =>
        !(family == AddressFamilyMode.IPv6 && address == LocalAddress.SecondLoopback);

    public static IPAddress Resolve(AddressFamilyMode family, LocalAddress address)
    {
        if (!Exists(family, address))
        {
            throw new ArgumentException($"{family} has no {address} address.", nameof(address));
        }

        IPAddress v4 = address switch
        {
            LocalAddress.Wildcard => IPAddress.Any,
            LocalAddress.Loopback => IPAddress.Loopback,
            _ => SecondLoopback,
        };
        return family switch
        {
            AddressFamilyMode.IPv4 => v4,
            AddressFamilyMode.IPv6 => address == LocalAddress.Wildcard ? IPAddress.IPv6Any : IPAddress.IPv6Loopback,
            // A dual-mode socket reaches IPv4 through mapped addresses; its wildcard :: covers both stacks.
            _ => address == LocalAddress.Wildcard ? IPAddress.IPv6Any : v4.MapToIPv6(),
        };
    }

    public static string Describe(AddressFamilyMode family, LocalAddress address) =>
        Exists(family, address) ? Resolve(family, address).ToString() : "n/a";

    private static string? ProbeIpv6()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return "the OS does not support IPv6";
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return null;
        }
        catch (SocketException e)
        {
            return $"::1 cannot be bound ({e.SocketErrorCode})";
        }
    }
}
