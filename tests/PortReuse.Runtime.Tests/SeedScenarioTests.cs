using System.Net.Sockets;

namespace PortReuse.Runtime.Tests;

// The article's demos. On macOS/BSD demo 3 (raw SO_REUSEADDR, both listening) succeeds, as the article reports;
// on Linux it fails at the second bind. On Windows demo 2 fails too and demo 3 succeeds (SO_REUSEADDR lets it bind).
public sealed class SeedScenarioTests
{
    private static BindOutcome Run(string id) =>
        ScenarioRunner.Run(SeedScenarios.All().Single(s => s.Id == id).Scenario);

    [LinuxFact]
    public void Demo1_two_specific_addresses_share_a_port() => Assert.True(Run("1").Succeeded);

    [LinuxFact]
    public void Demo2_wildcard_then_loopback_is_in_use() => Scenarios.AssertSecondBindInUse(Run("2"));

    [LinuxFact]
    public void Demo3_as_the_C_code_does_it_fails_on_linux_when_both_listen() => Scenarios.AssertSecondBindInUse(Run("3"));

    [LinuxFact]
    public void Demo3_with_dotnet_ReuseAddress_succeeds_and_explains_SO_REUSEPORT()
    {
        var outcome = Run("3 (.NET)");

        Assert.True(outcome.Succeeded);
        Assert.Contains("SO_REUSEPORT", SeedScenario.Explain(outcome));
    }

    [Fact]
    public void Demos_use_only_loopback_and_wildcard_on_ipv4()
    {
        Assert.All(SeedScenarios.All().SelectMany(s => s.Scenario.Sockets), socket =>
        {
            var address = LoopbackAddresses.Resolve(socket.Family, socket.Address);
            Assert.True(System.Net.IPAddress.IsLoopback(address) || address.Equals(System.Net.IPAddress.Any), address.ToString());
        });
    }

    [LinuxFact]
    public void A_port_taken_by_another_socket_is_reported_as_the_first_bind_failing()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        holder.Listen();
        int port = ((System.Net.IPEndPoint)holder.LocalEndPoint!).Port;

        var outcome = ScenarioRunner.Run(SeedScenarios.All(port)[0].Scenario);

        Assert.Equal(0, outcome.FailedSocket);
        Assert.Equal(SocketError.AddressAlreadyInUse, outcome.Error);
    }
}
