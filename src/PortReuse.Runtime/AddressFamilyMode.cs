namespace PortReuse.Runtime;

/// <summary>How a socket is created: IPv4, IPv6 only (IPV6_V6ONLY set), or dual-mode IPv6 that also serves IPv4.</summary>
public enum AddressFamilyMode
{
    IPv4,
    IPv6,
    DualMode,
}
