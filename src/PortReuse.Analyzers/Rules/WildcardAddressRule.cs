using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Rules;

/// <summary>How the PR0002 fix turns the wildcard into loopback; the edited node is the diagnostic's additional location.</summary>
internal static class WildcardAddressEdit
{
    /// <summary>Diagnostic property: one of the edit names below.</summary>
    public const string Property = "WildcardEdit";

    /// <summary>Diagnostic property: "IPv4" or "IPv6", the family of the loopback that replaces the wildcard.</summary>
    public const string FamilyProperty = "LoopbackFamily";

    public const string IPv4 = "IPv4";
    public const string IPv6 = "IPv6";

    /// <summary>The node is an address expression (IPAddress or the long form): replace it.</summary>
    public const string ReplaceAddress = "ReplaceAddress";

    /// <summary>The node is <c>new UdpClient(port[, family])</c>'s argument list: bind an endpoint instead.</summary>
    public const string PortToEndPoint = "PortToEndPoint";

    /// <summary>The node is <c>new TcpListener(port)</c>'s argument list: pass the address too.</summary>
    public const string PortToAddressAndPort = "PortToAddressAndPort";

    /// <summary>The node is <c>TcpListener.Create(port)</c>: construct a listener on an address instead.</summary>
    public const string CreateToConstructor = "CreateToConstructor";
}

/// <summary>
/// PR0002: a socket binds a wildcard local address. Socket binds and binding UdpClient constructors are judged where
/// they bind; a TcpListener where it is created, since its address is fixed there and it exists to listen.
/// </summary>
internal static class WildcardAddressRule
{
    public static void Report(RuleContext context)
    {
        foreach (var bind in context.Walker.Binds)
        {
            // A listener is judged at its creation; a helper's bind where the helper writes it.
            if (bind.IsHelperCall || bind.Site.Kind == BindSiteKind.ListenerStart || !bind.Site.EndPoint.Address.IsWildcard())
            {
                continue;
            }

            // Port 0 is an ephemeral client-side bind, unless the socket then listens (a server on an OS-chosen port).
            if (bind.Site.IsEphemeralPort && !context.Walker.Listens(bind.Socket))
            {
                continue;
            }

            ReportWildcard(context, bind.Site.Operation, bind.Site.EndPoint);
        }

        foreach (var listener in context.Walker.Listeners)
        {
            if (listener.EndPoint.Address.IsWildcard())
            {
                ReportWildcard(context, listener.Operation, listener.EndPoint);
            }
        }

        // The wildcard chosen here and bound in a helper: reported at the call, with no fix (the helper may serve other callers).
        foreach (var handOff in context.Walker.WildcardHandOffs)
        {
            if (handOff.IsListener || !handOff.EndPoint.IsEphemeralPort || context.Walker.Listens(handOff.Socket))
            {
                ReportWildcard(context, handOff.Call, handOff.EndPoint, offerFix: false);
            }
        }
    }

    private static void ReportWildcard(RuleContext context, IOperation site, TrackedValue endPoint, bool offerFix = true)
    {
        var address = endPoint.Address;
        var settings = context.Settings;
        if (settings.SkipsWildcardRule || settings.AllowsAddress(address))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        // Same family as the wildcard: an IPv4 address on a dual-mode socket binds the IPv4-mapped loopback, which works.
        properties[WildcardAddressEdit.FamilyProperty] = address == AddressKind.WildcardIPv6 ? WildcardAddressEdit.IPv6 : WildcardAddressEdit.IPv4;
        IEnumerable<Location>? additional = null;
        if (offerFix && EditFor(site, context.SemanticModel, context.Walker.Symbols) is { } edit)
        {
            properties[WildcardAddressEdit.Property] = edit.Kind;
            additional = new[] { edit.Node.GetLocation() };
        }

        var port = endPoint.Port is { } p ? "port " + p.ToString(CultureInfo.InvariantCulture) : "its port";
        context.Report(
            Descriptors.WildcardAddress,
            site,
            additional,
            properties.ToImmutable(),
            SiteName(site),
            port,
            address == AddressKind.WildcardIPv6 ? "::" : "0.0.0.0");
    }

    private static string SiteName(IOperation site) => site switch
    {
        IInvocationOperation { Instance: { } instance } => instance.Syntax + "." + ((IInvocationOperation)site).TargetMethod.Name,
        IInvocationOperation call => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name,
        _ => "new " + (site.Type?.Name ?? "socket"),
    };

    /// <summary>Which node the fix rewrites, when the wildcard is spelled at the site or in a local it reads.</summary>
    private static (string Kind, SyntaxNode Node)? EditFor(IOperation site, SemanticModel model, SocketSymbols symbols)
    {
        switch (site)
        {
            case IInvocationOperation { TargetMethod.Name: "Bind", Arguments.Length: 1 } bind:
                return AddressOf(bind.Arguments[0].Value, model, symbols);
            case IInvocationOperation { TargetMethod: { Name: "Create", IsStatic: true }, Arguments.Length: 1 } create:
                return (WildcardAddressEdit.CreateToConstructor, create.Syntax);
            case IObjectCreationOperation { Constructor.Parameters: var parameters, Syntax: BaseObjectCreationExpressionSyntax { ArgumentList: { } list } } creation
                when creation.Arguments.Length == parameters.Length && parameters.Length > 0:
                var first = parameters[0].Type;
                if (first.SpecialType == SpecialType.System_Int32)
                {
                    return parameters.Length == 1 && symbols.Is(creation.Type, symbols.TcpListener)
                        ? (WildcardAddressEdit.PortToAddressAndPort, list)
                        : (WildcardAddressEdit.PortToEndPoint, list);
                }

                // (IPAddress, port) or (IPEndPoint).
                return parameters.Length == 2
                    ? (WildcardAddressEdit.ReplaceAddress, Argument(creation, 0).Syntax)
                    : AddressOf(Argument(creation, 0), model, symbols);
            default:
                return null;
        }
    }

    private static IOperation Argument(IObjectCreationOperation creation, int ordinal)
        => creation.Arguments.First(a => a.Parameter?.Ordinal == ordinal).Value;

    /// <summary>The address inside an endpoint expression: <c>new IPEndPoint(addr, port)</c>, directly or through a local set once.</summary>
    private static (string Kind, SyntaxNode Node)? AddressOf(IOperation endPoint, SemanticModel model, SocketSymbols symbols)
    {
        endPoint = endPoint.WithoutConversions()!;
        if (endPoint is ILocalReferenceOperation local && InitializerOf(local.Local, model) is { } initializer)
        {
            endPoint = initializer;
        }

        return endPoint is IObjectCreationOperation { Arguments.Length: 2 } creation && symbols.Is(creation.Type, symbols.IPEndPoint)
            ? (WildcardAddressEdit.ReplaceAddress, Argument(creation, 0).Syntax)
            : null;
    }

    /// <summary>The initializer of a local that is never assigned again, so the fix edits what the bind reads.</summary>
    private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel model)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode)declarator.SyntaxTree.GetRoot();
        var reassigned = scope.DescendantNodes().Any(node => node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } => name.Identifier.ValueText == local.Name,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax name } => name.Identifier.ValueText == local.Name,
            _ => false,
        });
        return reassigned ? null : model.GetOperation(value)?.WithoutConversions();
    }
}
