using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace PortReuse.Runtime;

/// <summary>What happened when a server restarted on its port while its old connection sat in TIME_WAIT.</summary>
/// <param name="TimeWaitObserved">Whether /proc/net/tcp showed the old connection in TIME_WAIT (null where it cannot be read).</param>
public sealed record RestartOutcome(ReuseMode Reuse, int Port, bool? TimeWaitObserved, BindOutcome Restart);

/// <summary>
/// The restart problem: a server accepts a connection and closes it first (so the server side ends in
/// TIME_WAIT), stops, and starts again on the same port with the same reuse decision.
/// </summary>
public static class RestartScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static RestartOutcome Run(ReuseMode reuse, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int port;
        using (Socket server = ScenarioSockets.Create(TransportProtocol.Tcp, AddressFamilyMode.IPv4))
        {
            ScenarioSockets.ApplyReuse(server, reuse);
            server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            server.Listen();
            port = ((IPEndPoint)server.LocalEndPoint!).Port;

            using Socket client = ScenarioSockets.Create(TransportProtocol.Tcp, AddressFamilyMode.IPv4);
            client.ReceiveTimeout = (int)Patience.TotalMilliseconds;
            client.Connect(server.LocalEndPoint!);
            using (Socket accepted = server.Accept())
            {
                // The server closes first: the active closer is the side that keeps TIME_WAIT.
                accepted.Shutdown(SocketShutdown.Both);
            }

            if (client.Receive(new byte[1]) != 0)
            {
                throw new InvalidOperationException("The client received data where it expected the server's FIN.");
            }
        }

        bool? timeWait = WaitForTimeWait(port);
        var restart = new BindScenario(
            $"restart on 127.0.0.1:{port} with reuse={reuse}",
            TransportProtocol.Tcp,
            new[] { new SocketSetup(AddressFamilyMode.IPv4, LocalAddress.Loopback, reuse, Listen: true) },
            port);
        return new RestartOutcome(reuse, port, timeWait, ScenarioRunner.Run(restart, cancellationToken));
    }

    private static bool? WaitForTimeWait(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // The client's FIN crosses loopback almost at once; allow a moment before declaring no TIME_WAIT.
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        do
        {
            if (IsInTimeWait(port))
            {
                return true;
            }

            Thread.Sleep(10);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }

    /// <summary>Reads /proc/net/tcp: a line whose local address is 127.0.0.1:port and whose state is 06 (TIME_WAIT).</summary>
    private static bool IsInTimeWait(int port)
    {
        string local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp")
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields.Length > 3 && fields[1] == local && fields[3] == "06");
    }
}
