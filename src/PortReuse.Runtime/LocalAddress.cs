namespace PortReuse.Runtime;

/// <summary>
/// The local address a socket binds to. Only loopback addresses and the wildcard are ever used:
/// <see cref="SecondLoopback"/> (127.0.0.2) stands in for "a second IP of this host".
/// </summary>
public enum LocalAddress
{
    /// <summary>0.0.0.0 or :: — overlaps every specific address of its family.</summary>
    Wildcard,

    /// <summary>127.0.0.1, ::1, or ::ffff:127.0.0.1 on a dual-mode socket.</summary>
    Loopback,

    /// <summary>127.0.0.2 (::ffff:127.0.0.2 on a dual-mode socket); IPv6 has no second loopback address.</summary>
    SecondLoopback,
}
