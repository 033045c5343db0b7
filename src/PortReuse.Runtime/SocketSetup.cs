namespace PortReuse.Runtime;

/// <summary>One socket of a <see cref="BindScenario"/>: how it is created, configured and bound.</summary>
public sealed record SocketSetup(AddressFamilyMode Family, LocalAddress Address, ReuseMode Reuse, bool Listen)
{
    public override string ToString() =>
        $"{Family} {LoopbackAddresses.Describe(Family, Address)} reuse={Reuse}{(Listen ? " listening" : string.Empty)}";
}
