using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers.Model;

internal enum BindSiteKind : byte
{
    /// <summary><c>Socket.Bind(EndPoint)</c>.</summary>
    SocketBind,

    /// <summary><c>TcpListener.Start()</c> / <c>Start(int)</c>: binds the listener's <c>Server</c> socket.</summary>
    ListenerStart,

    /// <summary><c>new UdpClient(port)</c>, <c>(port, family)</c>, <c>(IPEndPoint)</c>: binds inside the constructor.</summary>
    BindingConstructor,
}

/// <summary>
/// Where the origin of a socket says what it is; carried from the creation to the bind. A class, so the socket state
/// that carries it stays small: the flow tables copy and store that state at every write and join.
/// </summary>
internal sealed class SocketOrigin
{
    public SocketOrigin(SocketKind kind, SocketProtocol protocol, bool isUnixDomain, bool isDualMode, TrackedValue endPoint)
    {
        Kind = kind;
        Protocol = protocol;
        IsUnixDomain = isUnixDomain;
        IsDualMode = isDualMode;
        EndPoint = endPoint;
    }

    public SocketKind Kind { get; }

    public SocketProtocol Protocol { get; }

    public bool IsUnixDomain { get; }

    public bool IsDualMode { get; }

    /// <summary>The local endpoint given at creation (TcpListener, UdpClient), if any.</summary>
    public TrackedValue EndPoint { get; }

    public SocketOrigin Join(SocketOrigin other)
        => ReferenceEquals(this, other) ? this : new(
            Kind,
            Protocol == other.Protocol ? Protocol : SocketProtocol.Unknown,
            IsUnixDomain && other.IsUnixDomain,
            IsDualMode && other.IsDualMode,
            EndPoint.Equals(other.EndPoint) ? EndPoint : TrackedValue.Unknown);
}

/// <summary>An operation that binds a socket to a local endpoint.</summary>
internal readonly struct BindSite
{
    public BindSite(BindSiteKind kind, IOperation operation, TrackedValue endPoint)
    {
        Kind = kind;
        Operation = operation;
        EndPoint = endPoint;
    }

    public BindSiteKind Kind { get; }

    /// <summary>The invocation or object creation that binds.</summary>
    public IOperation Operation { get; }

    public TrackedValue EndPoint { get; }

    /// <summary>Port 0 asks the OS for an ephemeral port, which never collides.</summary>
    public bool IsEphemeralPort => EndPoint.IsEphemeralPort;
}
