using System.Net.Sockets;
using PortReuse.Runtime;

namespace PortReuse.Cli;

/// <summary>Short, human words for measured outcomes, shared by every command's output.</summary>
internal static class OutcomeText
{
    /// <summary>Fits a matrix cell: "ok", "bind #2", "listen #2 (AccessDenied)", "n/a".</summary>
    public static string Cell(BindOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Succeeded => "ok",
        OutcomeKind.Failed => $"{Step(outcome)} #{outcome.FailedSocket + 1}"
            + (outcome.Error == SocketError.AddressAlreadyInUse ? string.Empty : $" ({outcome.Error})"),
        _ => "n/a",
    };

    /// <summary>A sentence: "all bound and listening", "socket #2: bind failed with AddressAlreadyInUse".</summary>
    public static string Sentence(BindOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Succeeded => outcome.Scenario.Protocol == TransportProtocol.Tcp && outcome.Scenario.Sockets[^1].Listen
            ? "all bound and listening"
            : "all bound",
        OutcomeKind.Failed => $"socket #{outcome.FailedSocket + 1}: {Step(outcome)} failed with {outcome.Error}",
        _ => $"unsupported here: {outcome.UnsupportedReason}",
    };

    private static string Step(BindOutcome outcome) => outcome.FailedStep switch
    {
        BindStep.Listen => "listen",
        BindStep.Configure => "option",
        _ => "bind",
    };
}
