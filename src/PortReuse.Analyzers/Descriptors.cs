using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers;

/// <summary>Every diagnostic this package reports, built through one helper so IDs, categories and help links stay consistent.</summary>
public static class Descriptors
{
    /// <summary>Where each rule's page lives; the help link of every diagnostic points here.</summary>
    public const string HelpLinkBase = "https://github.com/portreuse/PortReuse.Analyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor MissingReuseDecision = Create(
        RuleIds.MissingReuseDecision,
        title: "Make an address-reuse decision before binding",
        messageFormat: "'{0}' binds {1} with no address-reuse decision: the bind throws SocketException (AddressAlreadyInUse) while another socket holds that port on an overlapping address, such as a wildcard listener. Set ReuseAddress before the bind to share the port, or ExclusiveAddressUse to own it.",
        category: "Reliability",
        DiagnosticSeverity.Warning,
        description: "A socket bound to a fixed port should say whether it shares the port (ReuseAddress) or owns it (ExclusiveAddressUse). Without a decision, whether the bind succeeds depends on the OS and on whatever else holds the port at run time.");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLinkBase + id + ".md");
}
