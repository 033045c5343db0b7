using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace PortReuse.Runtime;

/// <summary>What one reuse decision really set on a socket, read back before and after its bind.</summary>
public sealed record OptionInspection(TransportProtocol Protocol, ReuseMode Setting, SocketOptionsSnapshot BeforeBind, SocketOptionsSnapshot AfterBind)
{
    public string SettingText => Describe(Setting);

    public static string Describe(ReuseMode mode) => mode switch
    {
        ReuseMode.None => "(no option)",
        ReuseMode.ReuseAddress => ".NET ReuseAddress = true",
        ReuseMode.RawReuseAddress => "raw SO_REUSEADDR = 1",
        ReuseMode.ExclusiveAddressUse => ".NET ExclusiveAddressUse = true",
        _ => mode.ToString(),
    };
}

/// <summary>Shows what each reuse option sets underneath, on a socket bound to 127.0.0.1 on an OS-chosen port.</summary>
public static class OptionInspector
{
    public static IReadOnlyList<OptionInspection> Inspect()
    {
        var results = new List<OptionInspection>();
        foreach (TransportProtocol protocol in Enum.GetValues<TransportProtocol>())
        {
            foreach (ReuseMode mode in Enum.GetValues<ReuseMode>())
            {
                if (mode == ReuseMode.RawReuseAddress && !RawSocketOptions.IsSupported)
                {
                    continue;
                }

                using Socket socket = ScenarioSockets.Create(protocol, AddressFamilyMode.IPv4);
                ScenarioSockets.ApplyReuse(socket, mode);
                SocketOptionsSnapshot before = SocketOptionsSnapshot.Capture(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                results.Add(new OptionInspection(protocol, mode, before, SocketOptionsSnapshot.Capture(socket)));
            }
        }

        return results;
    }
}
