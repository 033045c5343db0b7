namespace PortReuse.Runtime;

/// <summary>The transport a scenario's sockets use.</summary>
public enum TransportProtocol
{
    Tcp,
    Udp,
}
