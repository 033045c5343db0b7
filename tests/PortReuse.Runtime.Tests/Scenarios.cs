using System.Net.Sockets;

namespace PortReuse.Runtime.Tests;

/// <summary>Short builders for two-socket scenarios in tests.</summary>
internal static class Scenarios
{
    public static BindOutcome RunPair(
        TransportProtocol protocol,
        (AddressFamilyMode Family, LocalAddress Address) first,
        (AddressFamilyMode Family, LocalAddress Address) second,
        ReuseMode reuseFirst,
        ReuseMode reuseSecond,
        bool firstListens = true) =>
        ScenarioRunner.Run(new BindScenario(
            "test",
            protocol,
            new[]
            {
                new SocketSetup(first.Family, first.Address, reuseFirst, firstListens),
                new SocketSetup(second.Family, second.Address, reuseSecond, Listen: true),
            }));

    public static BindOutcome RunIPv4Pair(TransportProtocol protocol, LocalAddress first, LocalAddress second, ReuseMode reuse, bool firstListens = true) =>
        RunPair(protocol, (AddressFamilyMode.IPv4, first), (AddressFamilyMode.IPv4, second), reuse, reuse, firstListens);

    public static void AssertSecondBindInUse(BindOutcome outcome)
    {
        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal(1, outcome.FailedSocket);
        Assert.Equal(BindStep.Bind, outcome.FailedStep);
        Assert.Equal(SocketError.AddressAlreadyInUse, outcome.Error);
    }
}
