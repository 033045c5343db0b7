using System;
using System.Collections.Generic;

namespace PortReuse.Runtime;

/// <summary>One of the article's C demos, expressed as a <see cref="BindScenario"/>.</summary>
/// <param name="ArticleSays">What the article reports for its C program.</param>
public sealed record SeedScenario(string Id, string Title, string ArticleSays, BindScenario Scenario)
{
    /// <summary>Why the measured outcome is what it is, where the options read back explain it; otherwise null.</summary>
    public static string? Explain(BindOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool dotnetReuse = outcome.Scenario.Sockets[0].Reuse == ReuseMode.ReuseAddress;
        if (dotnetReuse && outcome.OptionsBeforeBind.Count > 0 && outcome.OptionsBeforeBind[0].RawReusePort == true)
        {
            return "Note: .NET's ReuseAddress also set SO_REUSEPORT (read back from the socket), which lets both listeners share the port"
                + (outcome.Succeeded ? "; raw SO_REUSEADDR alone does not." : ".");
        }

        return outcome.FailedStep == BindStep.Listen
            ? "The kernel accepted the bind but refused to listen: the conflict is checked again at listen()."
            : null;
    }
}

/// <summary>The article's three demos (two servers on one port), demo 3 both as C does it and as .NET does it.</summary>
public static class SeedScenarios
{
    /// <param name="port">0 to let the OS choose (recommended); otherwise the port every socket binds.</param>
    public static IReadOnlyList<SeedScenario> All(int port = 0) => new[]
    {
        Seed("1", "127.0.0.1 then 127.0.0.2, no options", "both servers start",
            LocalAddress.Loopback, LocalAddress.SecondLoopback, ReuseMode.None, port),
        Seed("2", "INADDR_ANY then 127.0.0.1, no options", "second fails: Address already in use",
            LocalAddress.Wildcard, LocalAddress.Loopback, ReuseMode.None, port),
        Seed("3", "INADDR_ANY then 127.0.0.1, raw SO_REUSEADDR on both (the article's C code)", "both servers start",
            LocalAddress.Wildcard, LocalAddress.Loopback, ReuseMode.RawReuseAddress, port),
        Seed("3 (.NET)", "INADDR_ANY then 127.0.0.1, .NET ReuseAddress on both", "(the article has no .NET version)",
            LocalAddress.Wildcard, LocalAddress.Loopback, ReuseMode.ReuseAddress, port),
    };

    private static SeedScenario Seed(string id, string title, string articleSays, LocalAddress first, LocalAddress second, ReuseMode reuse, int port) =>
        new(id, title, articleSays, new BindScenario(
            $"seed {id}",
            TransportProtocol.Tcp,
            new[]
            {
                new SocketSetup(AddressFamilyMode.IPv4, first, reuse, Listen: true),
                new SocketSetup(AddressFamilyMode.IPv4, second, reuse, Listen: true),
            },
            port));
}
