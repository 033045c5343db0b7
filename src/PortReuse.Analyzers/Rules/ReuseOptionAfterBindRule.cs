using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Rules;

/// <summary>PR0003: ReuseAddress or ExclusiveAddressUse is set on a socket that is already bound on every path reaching it.</summary>
internal static class ReuseOptionAfterBindRule
{
    private static bool IsInCatch(Microsoft.CodeAnalysis.SyntaxNode node)
        => node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax>() is not null;

    public static void Report(RuleContext context)
    {
        foreach (var decision in context.Walker.Decisions)
        {
            // In a catch handler the bind may be the thing that threw: setting the option there and binding again is a retry.
            if ((decision.Before.Must & SocketFacts.Bound) == 0 || IsInCatch(decision.ReportAt.Syntax))
            {
                continue;
            }

            context.Report(
                Descriptors.ReuseOptionAfterBind,
                decision.ReportAt,
                properties: null,
                ReuseDecisionText.OptionName(decision.Decision.Option),
                ReuseDecisionText.BindName(decision.Before));
        }
    }
}

/// <summary>How the reuse-option rules name what they saw.</summary>
internal static class ReuseDecisionText
{
    public static string OptionName(ReuseOption option) => option == ReuseOption.ReuseAddress ? "ReuseAddress" : "ExclusiveAddressUse";

    public static string BindName(SocketState state) => state.Origin?.Kind switch
    {
        SocketKind.TcpListener => "Start",
        SocketKind.UdpClient => "the binding UdpClient constructor",
        _ => "Bind",
    };

    /// <summary>The receiver as written (<c>socket</c>, <c>listener.Server</c>), for messages.</summary>
    public static string Receiver(Microsoft.CodeAnalysis.IOperation decision) => decision switch
    {
        IInvocationOperation { Instance: { } instance } => instance.Syntax.ToString(),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } } => instance.Syntax.ToString(),
        _ => "socket",
    };
}
