using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace PortReuse.Runtime;

/// <summary>Runs a <see cref="BindScenario"/> on real sockets and reports what the OS did.</summary>
public static class ScenarioRunner
{
    public static BindOutcome Run(BindScenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        cancellationToken.ThrowIfCancellationRequested();

        if (scenario.Sockets.Count == 0)
        {
            throw new ArgumentException("A scenario needs at least one socket.", nameof(scenario));
        }

        if (UnsupportedReason(scenario) is { } reason)
        {
            return new BindOutcome(scenario, OutcomeKind.Unsupported, scenario.Port, null, null, null, Array.Empty<SocketOptionsSnapshot>(), reason);
        }

        var sockets = new List<Socket>(scenario.Sockets.Count);
        var snapshots = new List<SocketOptionsSnapshot>(scenario.Sockets.Count);
        int port = scenario.Port;
        try
        {
            for (int i = 0; i < scenario.Sockets.Count; i++)
            {
                SocketSetup setup = scenario.Sockets[i];
                Socket socket = ScenarioSockets.Create(scenario.Protocol, setup.Family);
                sockets.Add(socket);
                BindStep step = BindStep.Configure;
                try
                {
                    ScenarioSockets.ApplyReuse(socket, setup.Reuse);
                    snapshots.Add(SocketOptionsSnapshot.Capture(socket));
                    step = BindStep.Bind;
                    socket.Bind(ScenarioSockets.Endpoint(setup, port));
                    port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                    if (setup.Listen && scenario.Protocol == TransportProtocol.Tcp)
                    {
                        step = BindStep.Listen;
                        socket.Listen();
                    }
                }
                catch (SocketException e)
                {
                    return new BindOutcome(scenario, OutcomeKind.Failed, port, i, step, e.SocketErrorCode, snapshots);
                }
            }

            return new BindOutcome(scenario, OutcomeKind.Succeeded, port, null, null, null, snapshots);
        }
        finally
        {
            foreach (Socket socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>Null when the scenario can run on this machine; otherwise why not (nothing is faked).</summary>
    public static string? UnsupportedReason(BindScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Sockets.Any(s => s.Reuse == ReuseMode.RawReuseAddress) && !RawSocketOptions.IsSupported)
        {
            return "raw SO_REUSEADDR is not available on this OS";
        }

        if (scenario.Sockets.FirstOrDefault(s => !LoopbackAddresses.Exists(s.Family, s.Address)) is { } missing)
        {
            return $"{missing.Family} has no {missing.Address} address";
        }

        if (scenario.Sockets.Any(s => s.Family != AddressFamilyMode.IPv4))
        {
            return LoopbackAddresses.IPv6Unavailable;
        }

        return null;
    }
}
