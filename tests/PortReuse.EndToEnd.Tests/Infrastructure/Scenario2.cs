namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The article's scenario 2 as a user would first write it: a wildcard listener, then a 127.0.0.1 listener on the
/// same port (chosen by the OS), with no reuse decision on either socket.
/// </summary>
internal static class Scenario2
{
    public const string WildcardSocket = "wildcard";
    public const string LoopbackSocket = "loopback";
    public const string SuccessLine = "both listening on port";
    public const string FailureLine = "bind failed:";

    public const string Source = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        int port = FreeLoopbackPort();
        try
        {
            using var wildcard = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            wildcard.Bind(new IPEndPoint(IPAddress.Any, port));
            wildcard.Listen();
            using var loopback = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            loopback.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.1"), port));
            loopback.Listen();
            Console.WriteLine($"both listening on port {port}");
            return 0;
        }
        catch (SocketException e)
        {
            Console.WriteLine($"bind failed: {e.SocketErrorCode} on port {port}");
            return 1;
        }

        // Port 0 lets the OS pick a free port; the analyzer rightly ignores ephemeral binds.
        static int FreeLoopbackPort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        """;

    /// <summary>1-based line of <c>{socket}.Bind(</c> in <see cref="Source"/>, where PR0001 must point.</summary>
    public static int BindLine(string socket) => LineContaining(socket + ".Bind(");

    public static int LineContaining(string text)
    {
        string[] lines = Source.Split('\n');
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }
}
