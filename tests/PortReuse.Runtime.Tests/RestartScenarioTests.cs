namespace PortReuse.Runtime.Tests;

// Linux, measured: the old connection really sits in TIME_WAIT, yet every restart binds, because .NET's Bind sets
// SO_REUSEADDR on TCP sockets itself (even after ExclusiveAddressUse = true). A C server without SO_REUSEADDR would
// fail here. Windows: restart binds without options. macOS: .NET's Bind sets SO_REUSEADDR there too, so it binds.
public sealed class RestartScenarioTests
{
    [LinuxTheory]
    [InlineData(ReuseMode.None)]
    [InlineData(ReuseMode.ReuseAddress)]
    [InlineData(ReuseMode.RawReuseAddress)]
    [InlineData(ReuseMode.ExclusiveAddressUse)]
    public void Server_restarts_on_its_port_while_the_old_connection_is_in_TIME_WAIT(ReuseMode reuse)
    {
        var outcome = RestartScenario.Run(reuse);

        Assert.True(outcome.TimeWaitObserved);
        Assert.True(outcome.Restart.Succeeded, outcome.Restart.ToString());
        Assert.Equal(outcome.Port, outcome.Restart.Port);
    }
}
