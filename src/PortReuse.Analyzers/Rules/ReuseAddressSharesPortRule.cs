using System.Collections.Generic;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Rules;

/// <summary>
/// PR0005 (opt-in): ReuseAddress is enabled, which .NET on Unix turns into SO_REUSEADDR and SO_REUSEPORT, so a second
/// process can listen on the same port. Silent when the code later takes the port back (PR0004 covers a contradiction).
/// </summary>
internal static class ReuseAddressSharesPortRule
{
    public static void Report(RuleContext context)
    {
        var decisions = context.Walker.Decisions;
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (decision.Decision is not { Option: ReuseOption.ReuseAddress, Enabled: true }
                || decision.Before.Origin is { IsUnixDomain: true }
                || (decision.Before.May & SocketFacts.ExclusiveEnabled) != 0
                || IsTakenBackLater(context.Walker, i))
            {
                continue;
            }

            context.Report(
                Descriptors.ReuseAddressSharesPort,
                decision.ReportAt,
                properties: null,
                ReuseDecisionText.Receiver(decision.Decision.Operation));
        }
    }

    /// <summary>A later ExclusiveAddressUse = true or ReuseAddress = false on the same socket undoes the sharing.</summary>
    private static bool IsTakenBackLater(BindFlowWalker walker, int index)
    {
        var decisions = walker.Decisions;
        var socket = decisions[index].Socket;
        for (var i = index + 1; i < decisions.Count; i++)
        {
            var later = decisions[i];
            if (walker.SameSocket(later.Socket, socket)
                && later.Decision is { Option: ReuseOption.ExclusiveAddressUse, Enabled: true } or { Option: ReuseOption.ReuseAddress, Enabled: false })
            {
                return true;
            }
        }

        return false;
    }
}
