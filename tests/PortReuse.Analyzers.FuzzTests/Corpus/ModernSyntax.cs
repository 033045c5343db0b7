#nullable enable
using System.Net;
using System.Net.Sockets;

namespace Corpus.ModernSyntax;

public record Endpoint(string Host, int Port);

public sealed class Service(int port, bool share)
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public void Open()
    {
        if (share)
        {
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }
        else
        {
            _socket.ExclusiveAddressUse = true;
        }

        _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    public static Socket Open(Endpoint endpoint) => endpoint switch
    {
        { Port: 0 } => new Socket(SocketType.Stream, ProtocolType.Tcp),
        { Host: "any" } => BindAny(endpoint.Port),
        _ => BindLoopback(endpoint.Port),
    };

    private static Socket BindAny(int port)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(0, 2000));
        return socket;
    }

    private static Socket BindLoopback(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (socket is { AddressFamily: AddressFamily.InterNetwork } and not null)
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 2001));
        }

        return socket;
    }

    public static void Tuples()
    {
        (Socket first, int port) = (new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), 2002);
        first.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Socket? maybe = null;
        maybe?.Bind(new IPEndPoint(IPAddress.Loopback, 2003));
        maybe ??= new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        maybe.Bind(new IPEndPoint(IPAddress.Loopback, 2004));
    }
}
