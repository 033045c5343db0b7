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
        messageFormat: "'{0}' binds {1} with no address-reuse decision: the bind throws AddressAlreadyInUse while another socket holds the port on an overlapping address (a wildcard bind, or a previous run on some OSes); set ReuseAddress to share the port, or ExclusiveAddressUse to own it, before the bind",
        category: "Reliability",
        DiagnosticSeverity.Warning,
        description: "A socket bound to a fixed port should say whether it shares the port (ReuseAddress) or owns it (ExclusiveAddressUse). Without a decision, the bind's outcome depends on the OS and on whatever else holds the port.");

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
