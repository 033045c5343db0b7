using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers.Model;

/// <summary>The System.Net symbols the rules look for, resolved once per compilation.</summary>
internal sealed class SocketSymbols
{
    private SocketSymbols(Compilation compilation, INamedTypeSymbol socket)
    {
        Socket = socket;
        TcpListener = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpListener");
        UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        SocketOptionLevel = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionLevel");
        SocketOptionName = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionName");
        AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
        SocketType = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketType");
        ProtocolType = compilation.GetTypeByMetadataName("System.Net.Sockets.ProtocolType");
        IPAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        IPEndPoint = compilation.GetTypeByMetadataName("System.Net.IPEndPoint");
        UnixDomainSocketEndPoint = compilation.GetTypeByMetadataName("System.Net.Sockets.UnixDomainSocketEndPoint");
    }

    public INamedTypeSymbol Socket { get; }
    public INamedTypeSymbol? TcpListener { get; }
    public INamedTypeSymbol? UdpClient { get; }
    public INamedTypeSymbol? SocketOptionLevel { get; }
    public INamedTypeSymbol? SocketOptionName { get; }
    public INamedTypeSymbol? AddressFamily { get; }
    public INamedTypeSymbol? SocketType { get; }
    public INamedTypeSymbol? ProtocolType { get; }
    public INamedTypeSymbol? IPAddress { get; }
    public INamedTypeSymbol? IPEndPoint { get; }
    public INamedTypeSymbol? UnixDomainSocketEndPoint { get; }

    /// <summary>Null when the compilation cannot see System.Net.Sockets.Socket: then there is nothing to analyse.</summary>
    public static SocketSymbols? TryCreate(Compilation compilation)
        => compilation.GetTypeByMetadataName("System.Net.Sockets.Socket") is { } socket
            ? new SocketSymbols(compilation, socket)
            : null;

    /// <summary>
    /// <c>System.Net.Sockets.Socket</c> or <c>TcpListener</c>, told by name. The cheap path asks this before any symbol
    /// is resolved: a compilation's first <c>GetTypeByMetadataName</c> searches every reference, which on a project
    /// without sockets cost more than all the rest of the analyzer.
    /// </summary>
    public static bool IsSocketOrListener(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Socket" or "TcpListener", Arity: 0, ContainingType: null } named
            && named.ContainingNamespace is { Name: "Sockets" } sockets
            && sockets.ContainingNamespace is { Name: "Net" } net
            && net.ContainingNamespace is { Name: "System" } system
            && system.ContainingNamespace is { IsGlobalNamespace: true };

    public SocketKind? KindOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, Socket))
        {
            return SocketKind.Socket;
        }

        if (SymbolEqualityComparer.Default.Equals(type, TcpListener))
        {
            return SocketKind.TcpListener;
        }

        if (SymbolEqualityComparer.Default.Equals(type, UdpClient))
        {
            return SocketKind.UdpClient;
        }

        return null;
    }

    public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => type is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
