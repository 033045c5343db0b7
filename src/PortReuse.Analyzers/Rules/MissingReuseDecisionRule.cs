using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Rules;

/// <summary>PR0001: a socket we saw created binds a fixed port with no reuse decision on every path before the bind.</summary>
internal static class MissingReuseDecisionRule
{
    public static void Report(RuleContext context)
    {
        foreach (var bind in context.Walker.Binds)
        {
            if (IsMissingDecision(bind) && !(IsUdp(bind) && context.Settings.IgnoreUdp))
            {
                context.Report(
                    Descriptors.MissingReuseDecision,
                    bind.ReportAt,
                    PropertiesOf(bind),
                    SocketName(bind),
                    PortText(bind.Site));
            }
        }
    }

    private static bool IsMissingDecision(BindObservation bind)
        => bind.ProvenanceKnown
            && !bind.Site.IsEphemeralPort
            && bind.Origin is not { IsUnixDomain: true }
            && (bind.Before.Must & SocketFacts.Decided) == 0
            && (bind.Before.May & SocketFacts.Escaped) == 0;

    /// <summary><c>portreuse.PR0001.ignore_udp</c>: UDP binds (UdpClient, datagram sockets) need no decision.</summary>
    private static bool IsUdp(BindObservation bind) => bind.Origin is { Protocol: SocketProtocol.Udp } or { Kind: SocketKind.UdpClient };

    // One per bind kind, built once: most reports carry only the kind, and a long method reports many.
    private static readonly ImmutableDictionary<string, string?> SocketBindProperties = KindOnly(BindSiteKind.SocketBind);
    private static readonly ImmutableDictionary<string, string?> ListenerStartProperties = KindOnly(BindSiteKind.ListenerStart);
    private static readonly ImmutableDictionary<string, string?> BindingConstructorProperties = KindOnly(BindSiteKind.BindingConstructor);

    private static ImmutableDictionary<string, string?> PropertiesOf(BindObservation bind)
    {
        if (bind.IsHelperCall)
        {
            return ImmutableDictionary<string, string?>.Empty
                .Add(SocketBindAnalyzer.BindKindProperty, SocketBindAnalyzer.HelperCallKind)
                .Add(SocketBindAnalyzer.SocketArgumentProperty, bind.SocketArgument.ToString(CultureInfo.InvariantCulture));
        }

        return bind.Site.Kind switch
        {
            BindSiteKind.SocketBind => SocketBindProperties,
            BindSiteKind.ListenerStart => ListenerStartProperties,
            BindSiteKind.BindingConstructor => BindingConstructorProperties,
            var other => KindOnly(other),
        };
    }

    private static ImmutableDictionary<string, string?> KindOnly(BindSiteKind kind)
        => ImmutableDictionary<string, string?>.Empty.Add(SocketBindAnalyzer.BindKindProperty, kind.ToString());

    private static string SocketName(BindObservation bind) => bind.ReportAt switch
    {
        IInvocationOperation call when bind.IsHelperCall => call.Arguments[bind.SocketArgument].Value.Syntax.ToString(),
        IInvocationOperation { Instance: { } instance } => instance.Syntax.ToString(),
        IObjectCreationOperation creation => creation.Type?.Name ?? "socket",
        _ => "socket",
    };

    private static string PortText(BindSite site)
        => site.EndPoint.Port is { } port ? "port " + port.ToString(CultureInfo.InvariantCulture) : "a fixed port";
}
