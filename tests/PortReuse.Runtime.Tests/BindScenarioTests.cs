using System.Net.Sockets;
using static PortReuse.Runtime.Tests.Scenarios;

namespace PortReuse.Runtime.Tests;

// The Linux facts of DESIGN.md, measured. Expected elsewhere (not asserted here):
// - macOS/BSD: SO_REUSEADDR on both lets 127.0.0.1 bind beside a listening 0.0.0.0 (raw/raw succeeds).
// - Windows: ReuseAddress on the second socket alone lets it bind even the same address:port unless the first
//   used ExclusiveAddressUse; a bound-not-listening TCP socket still blocks an overlapping bind without options.
public sealed class BindScenarioTests
{
    [LinuxTheory]
    [InlineData(ReuseMode.None)]
    [InlineData(ReuseMode.RawReuseAddress)]
    [InlineData(ReuseMode.ExclusiveAddressUse)]
    public void Tcp_loopback_beside_a_listening_wildcard_is_in_use_without_dotnet_ReuseAddress_on_both(ReuseMode reuse) =>
        AssertSecondBindInUse(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Wildcard, LocalAddress.Loopback, reuse));

    [LinuxFact]
    public void Tcp_loopback_beside_a_listening_wildcard_binds_when_both_set_dotnet_ReuseAddress() =>
        Assert.True(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Wildcard, LocalAddress.Loopback, ReuseMode.ReuseAddress).Succeeded);

    [LinuxFact]
    public void Only_one_side_setting_ReuseAddress_is_not_enough()
    {
        var first = (AddressFamilyMode.IPv4, LocalAddress.Wildcard);
        var second = (AddressFamilyMode.IPv4, LocalAddress.Loopback);
        AssertSecondBindInUse(RunPair(TransportProtocol.Tcp, first, second, ReuseMode.ReuseAddress, ReuseMode.None));
        AssertSecondBindInUse(RunPair(TransportProtocol.Tcp, first, second, ReuseMode.None, ReuseMode.ReuseAddress));
    }

    [LinuxTheory]
    [InlineData(ReuseMode.None)]
    [InlineData(ReuseMode.ExclusiveAddressUse)]
    public void Tcp_loopback_beside_a_bound_but_not_listening_wildcard_binds(ReuseMode reuse) =>
        // .NET set SO_REUSEADDR on the first TCP socket at its bind, and Linux only refuses once it listens.
        Assert.True(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Wildcard, LocalAddress.Loopback, reuse, firstListens: false).Succeeded);

    [LinuxFact]
    public void Two_tcp_listeners_on_the_same_loopback_port_only_with_dotnet_ReuseAddress_on_both()
    {
        AssertSecondBindInUse(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Loopback, LocalAddress.Loopback, ReuseMode.None));
        AssertSecondBindInUse(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Loopback, LocalAddress.Loopback, ReuseMode.RawReuseAddress));
        Assert.True(RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Loopback, LocalAddress.Loopback, ReuseMode.ReuseAddress).Succeeded);
    }

    [LinuxTheory]
    [InlineData(LocalAddress.Wildcard, LocalAddress.Loopback)]
    [InlineData(LocalAddress.Loopback, LocalAddress.Wildcard)]
    [InlineData(LocalAddress.Loopback, LocalAddress.Loopback)]
    public void Udp_pairs_fail_unless_both_reuse(LocalAddress first, LocalAddress second)
    {
        AssertSecondBindInUse(RunIPv4Pair(TransportProtocol.Udp, first, second, ReuseMode.None));
        Assert.True(RunIPv4Pair(TransportProtocol.Udp, first, second, ReuseMode.ReuseAddress).Succeeded);
        // Unlike TCP listeners, UDP sockets share with SO_REUSEADDR alone on both.
        Assert.True(RunIPv4Pair(TransportProtocol.Udp, first, second, ReuseMode.RawReuseAddress).Succeeded);
    }

    [LinuxFact]
    public void Dual_mode_wildcard_listener_blocks_an_ipv4_loopback_listener()
    {
        var outcome = RunPair(
            TransportProtocol.Tcp,
            (AddressFamilyMode.DualMode, LocalAddress.Wildcard),
            (AddressFamilyMode.IPv4, LocalAddress.Loopback),
            ReuseMode.None,
            ReuseMode.None);

        AssertSecondBindInUse(outcome);
    }

    [LinuxFact]
    public void Ipv6_only_wildcard_does_not_block_ipv4_loopback()
    {
        var outcome = RunPair(
            TransportProtocol.Tcp,
            (AddressFamilyMode.IPv6, LocalAddress.Wildcard),
            (AddressFamilyMode.IPv4, LocalAddress.Loopback),
            ReuseMode.None,
            ReuseMode.None);

        Assert.True(outcome.Succeeded, outcome.ToString());
    }

    [Fact]
    public void Second_loopback_with_ipv6_is_reported_unsupported_not_faked()
    {
        var outcome = RunPair(
            TransportProtocol.Tcp,
            (AddressFamilyMode.IPv6, LocalAddress.Loopback),
            (AddressFamilyMode.IPv6, LocalAddress.SecondLoopback),
            ReuseMode.None,
            ReuseMode.None);

        Assert.Equal(OutcomeKind.Unsupported, outcome.Kind);
        Assert.Empty(outcome.OptionsBeforeBind);
    }

    [Fact]
    public void Matrix_never_generates_cells_without_a_real_address()
    {
        Assert.All(BindMatrix.Rows(MatrixFilter.All), row =>
        {
            Assert.True(LoopbackAddresses.Exists(row.Family, row.First));
            Assert.True(LoopbackAddresses.Exists(row.SecondFamily, row.Second));
        });
    }

    [Fact]
    public void Port_chosen_by_the_OS_is_shared_by_both_sockets_and_reported()
    {
        var outcome = RunIPv4Pair(TransportProtocol.Tcp, LocalAddress.Loopback, LocalAddress.SecondLoopback, ReuseMode.None);

        Assert.InRange(outcome.Port, 1, 65535);
        Assert.Equal(2, outcome.OptionsBeforeBind.Count);
    }
}
