using System.Net;
using System.Net.Sockets;

namespace PortReuse.Runtime.Tests;

// Windows: there is no SO_REUSEPORT; ReuseAddress maps to SO_REUSEADDR and ExclusiveAddressUse to SO_EXCLUSIVEADDRUSE,
// and raw values are not read (null). macOS: same .NET mapping as Linux, with SOL_SOCKET 0xffff, SO_REUSEADDR 4, SO_REUSEPORT 0x200.
public sealed class SocketOptionsSnapshotTests
{
    [LinuxFact]
    public void DotNetReuseAddress_sets_both_SO_REUSEADDR_and_SO_REUSEPORT()
    {
        using Socket socket = ScenarioSockets.Create(TransportProtocol.Tcp, AddressFamilyMode.IPv4);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);

        var snapshot = SocketOptionsSnapshot.Capture(socket);

        Assert.Equal(new SocketOptionsSnapshot(ReuseAddress: true, ExclusiveAddressUse: false, RawReuseAddress: true, RawReusePort: true), snapshot);
    }

    [LinuxFact]
    public void ExclusiveAddressUse_clears_both_after_ReuseAddress()
    {
        using Socket socket = ScenarioSockets.Create(TransportProtocol.Udp, AddressFamilyMode.IPv4);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.ExclusiveAddressUse = true;

        var snapshot = SocketOptionsSnapshot.Capture(socket);

        Assert.False(snapshot.RawReuseAddress);
        Assert.False(snapshot.RawReusePort);
        Assert.True(snapshot.ExclusiveAddressUse);
    }

    [LinuxFact]
    public void Raw_SO_REUSEADDR_sets_only_SO_REUSEADDR_and_dotnet_does_not_report_it_as_ReuseAddress()
    {
        using Socket socket = ScenarioSockets.Create(TransportProtocol.Tcp, AddressFamilyMode.IPv4);
        RawSocketOptions.SetReuseAddress(socket, enabled: true);

        var snapshot = SocketOptionsSnapshot.Capture(socket);

        // Measured: .NET's getter reports ReuseAddress only when SO_REUSEPORT is set too.
        Assert.Equal(new SocketOptionsSnapshot(ReuseAddress: false, ExclusiveAddressUse: true, RawReuseAddress: true, RawReusePort: false), snapshot);
    }

    [LinuxTheory]
    [InlineData(ReuseMode.None)]
    [InlineData(ReuseMode.ExclusiveAddressUse)]
    public void Bind_of_a_TCP_socket_sets_SO_REUSEADDR_even_without_or_against_a_reuse_decision(ReuseMode mode)
    {
        using Socket socket = ScenarioSockets.Create(TransportProtocol.Tcp, AddressFamilyMode.IPv4);
        ScenarioSockets.ApplyReuse(socket, mode);
        Assert.False(SocketOptionsSnapshot.Capture(socket).RawReuseAddress);

        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var after = SocketOptionsSnapshot.Capture(socket);
        Assert.True(after.RawReuseAddress);
        Assert.False(after.RawReusePort);
    }

    [LinuxFact]
    public void Bind_of_a_UDP_socket_leaves_SO_REUSEADDR_clear()
    {
        using Socket socket = ScenarioSockets.Create(TransportProtocol.Udp, AddressFamilyMode.IPv4);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.False(SocketOptionsSnapshot.Capture(socket).RawReuseAddress);
    }

    [LinuxFact]
    public void Inspector_reports_every_option_for_both_protocols()
    {
        var inspections = OptionInspector.Inspect();

        Assert.Equal(2 * Enum.GetValues<ReuseMode>().Length, inspections.Count);
        var tcpReuse = Assert.Single(inspections, i => i.Protocol == TransportProtocol.Tcp && i.Setting == ReuseMode.ReuseAddress);
        Assert.True(tcpReuse.AfterBind.RawReusePort);
    }
}
