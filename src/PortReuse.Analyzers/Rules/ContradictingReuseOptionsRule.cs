using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Rules;

/// <summary>PR0004: ReuseAddress and ExclusiveAddressUse are both enabled on one socket, on every path reaching the second.</summary>
internal static class ContradictingReuseOptionsRule
{
    /// <summary>
    /// When both settings are statements of the analysed block, the diagnostic's additional locations are the
    /// ReuseAddress setting (index 0) and the ExclusiveAddressUse setting (index 1), so each fix removes one.
    /// </summary>
    public const int ReuseAddressLocation = 0;
    public const int ExclusiveAddressUseLocation = 1;

    public static void Report(RuleContext context)
    {
        var decisions = context.Walker.Decisions;
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var option = decision.Decision.Option;
            var opposite = option == ReuseOption.ReuseAddress ? SocketFacts.ExclusiveEnabled : SocketFacts.ReuseEnabled;
            if (decision.Decision.Enabled != true || (decision.Before.Must & opposite) == 0)
            {
                continue;
            }

            context.Report(
                Descriptors.ContradictingReuseOptions,
                decision.ReportAt,
                BothSettings(context.Walker, i),
                properties: null,
                ReuseDecisionText.Receiver(decision.Decision.Operation),
                ReuseDecisionText.OptionName(option),
                ReuseDecisionText.OptionName(option == ReuseOption.ReuseAddress ? ReuseOption.ExclusiveAddressUse : ReuseOption.ReuseAddress));
        }
    }

    /// <summary>The latest earlier enabling of the opposite option on the same socket, when both are in this block.</summary>
    private static IEnumerable<Location>? BothSettings(BindFlowWalker walker, int index)
    {
        var decisions = walker.Decisions;
        var later = decisions[index];
        if (!later.IsLocal)
        {
            return null;
        }

        for (var i = index - 1; i >= 0; i--)
        {
            var earlier = decisions[i];
            if (earlier.Decision.Option != later.Decision.Option && earlier.Decision.Enabled == true
                && walker.SameSocket(earlier.Socket, later.Socket))
            {
                if (!earlier.IsLocal)
                {
                    return null;
                }

                var (reuse, exclusive) = later.Decision.Option == ReuseOption.ReuseAddress ? (later, earlier) : (earlier, later);
                return new[] { reuse.Decision.Operation.Syntax.GetLocation(), exclusive.Decision.Operation.Syntax.GetLocation() };
            }
        }

        return null;
    }
}
