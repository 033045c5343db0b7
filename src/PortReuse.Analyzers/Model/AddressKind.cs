namespace PortReuse.Analyzers.Model;

/// <summary>What a local address means for binding, as far as the compiler can tell.</summary>
internal enum AddressKind : byte
{
    Unknown,

    /// <summary>0.0.0.0 — every IPv4 interface.</summary>
    WildcardIPv4,

    /// <summary>:: — every IPv6 interface (and every IPv4 one on a dual-mode socket).</summary>
    WildcardIPv6,
    LoopbackIPv4,
    LoopbackIPv6,

    /// <summary>A specific, non-loopback address.</summary>
    Specific,
}

internal static class WildcardAddress
{
    public static bool IsWildcard(this AddressKind kind) => kind is AddressKind.WildcardIPv4 or AddressKind.WildcardIPv6;

    /// <summary>Classifies the text an <c>IPAddress.Parse</c> call would read; Unknown when it would not parse.</summary>
    public static AddressKind Classify(string text)
    {
        if (!System.Net.IPAddress.TryParse(text, out var address))
        {
            return AddressKind.Unknown;
        }

        if (address.Equals(System.Net.IPAddress.Any))
        {
            return AddressKind.WildcardIPv4;
        }

        if (address.Equals(System.Net.IPAddress.IPv6Any))
        {
            return AddressKind.WildcardIPv6;
        }

        if (System.Net.IPAddress.IsLoopback(address))
        {
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? AddressKind.LoopbackIPv6
                : AddressKind.LoopbackIPv4;
        }

        return AddressKind.Specific;
    }

    /// <summary>Classifies <c>new IPAddress(long)</c>: only 0 is the wildcard.</summary>
    public static AddressKind ClassifyIPv4(long value)
        => value == 0 ? AddressKind.WildcardIPv4
            : (value & 0xFF) == 127 ? AddressKind.LoopbackIPv4 // network byte order: first octet in the low byte
            : AddressKind.Specific;
}
