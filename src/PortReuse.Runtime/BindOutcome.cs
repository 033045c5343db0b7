using System.Collections.Generic;
using System.Net.Sockets;

namespace PortReuse.Runtime;

public enum OutcomeKind
{
    /// <summary>Every socket bound (and listened, where asked).</summary>
    Succeeded,

    /// <summary>One socket's bind or listen failed; <see cref="BindOutcome.FailedSocket"/> says which.</summary>
    Failed,

    /// <summary>The machine cannot run the scenario (e.g. no ::1); nothing was measured.</summary>
    Unsupported,
}

/// <summary>What the OS did with a <see cref="BindScenario"/>.</summary>
/// <param name="FailedSocket">Zero-based index of the socket whose bind or listen failed.</param>
/// <param name="OptionsBeforeBind">What each socket really had set just before its bind (sockets not reached are absent).</param>
public sealed record BindOutcome(
    BindScenario Scenario,
    OutcomeKind Kind,
    int Port,
    int? FailedSocket,
    BindStep? FailedStep,
    SocketError? Error,
    IReadOnlyList<SocketOptionsSnapshot> OptionsBeforeBind,
    string? UnsupportedReason = null)
{
    public bool Succeeded => Kind == OutcomeKind.Succeeded;

    public override string ToString() => Kind switch
    {
        OutcomeKind.Succeeded => "all bound",
        OutcomeKind.Failed => $"socket #{FailedSocket + 1} {FailedStep?.ToString().ToLowerInvariant()} failed: {Error}",
        _ => $"unsupported: {UnsupportedReason}",
    };
}
