// The article's three demos in plain C#, with the PortReuse analyzers attached. Build it to see PR0001 on the
// binds of scenarios 1 and 2 (no reuse decision before Bind); scenario 3 decides first, so it is not flagged.
// Every socket binds a loopback address or the wildcard, on a port the OS has just handed out.
using System;
using System.Net;
using System.Net.Sockets;

internal static class Program
{
    private static readonly IPAddress SecondHostAddress = IPAddress.Parse("127.0.0.2"); // stands in for a second IP

    private static int Main()
    {
        Console.WriteLine("Scenario 1: 127.0.0.1 then 127.0.0.2 on one port, no options");
        RunPair(IPAddress.Loopback, SecondHostAddress, StartServer);

        Console.WriteLine("Scenario 2: 0.0.0.0 then 127.0.0.1 on one port, no options");
        RunPair(IPAddress.Any, IPAddress.Loopback, StartServer);

        Console.WriteLine("Scenario 3: 0.0.0.0 then 127.0.0.1 on one port, ReuseAddress on both before Bind");
        RunPair(IPAddress.Any, IPAddress.Loopback, StartReusingServer);
        if (OperatingSystem.IsLinux())
        {
            Console.WriteLine("  Note: on Linux .NET's ReuseAddress also sets SO_REUSEPORT; C's SO_REUSEADDR alone fails here (run `portreuse seed`).");
        }

        return 0;
    }

    /// <summary>Starts two servers on one fresh port, prints what the OS did with each, then closes both.</summary>
    private static void RunPair(IPAddress first, IPAddress second, Func<IPAddress, int, Socket> start)
    {
        int port = FreePort();
        using Socket firstServer = start(first, port);
        using Socket secondServer = start(second, port);
    }

    // Scenarios 1 and 2: like the article's first start_server, no reuse decision before the bind. PR0001 flags the
    // call below: BindAndListen binds the socket this method created, and nothing decided on it first.
    private static Socket StartServer(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        BindAndListen(socket, address, port);
        return socket;
    }

    // Scenario 3: the article's setsockopt(SO_REUSEADDR) before bind, so the analyzer stays quiet.
    private static Socket StartReusingServer(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        BindAndListen(socket, address, port);
        return socket;
    }

    // Receives its socket, so it is judged at its callers (where the socket is created), not here.
    private static void BindAndListen(Socket socket, IPAddress address, int port)
    {
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen();
            Report(address, port, null);
        }
        catch (SocketException e)
        {
            Report(address, port, e);
        }
    }

    private static void Report(IPAddress address, int port, SocketException? failure) =>
        Console.WriteLine(failure is null
            ? $"  {address}:{port} -> bound and listening"
            : $"  {address}:{port} -> {failure.SocketErrorCode} ({failure.Message})");

    /// <summary>A port that was free a moment ago: the OS picks it for a throwaway socket, which then closes.</summary>
    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
