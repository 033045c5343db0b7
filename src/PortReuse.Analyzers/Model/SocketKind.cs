namespace PortReuse.Analyzers.Model;

/// <summary>The BCL types that own a bindable socket.</summary>
internal enum SocketKind : byte
{
    Socket,
    TcpListener,
    UdpClient,
}

/// <summary>Transport of a socket, when the creation says so.</summary>
internal enum SocketProtocol : byte
{
    Unknown,
    Tcp,
    Udp,
}
