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

    public static readonly DiagnosticDescriptor WildcardAddress = Create(
        RuleIds.WildcardAddress,
        title: "Bind to a specific address, not the wildcard",
        messageFormat: "'{0}' binds {1} on every network interface ({2}): other hosts can reach it, and the wildcard collides with any other socket on that port; bind to loopback unless the service must be exposed",
        category: "Security",
        DiagnosticSeverity.Warning,
        description: "A wildcard local address (0.0.0.0 or ::) accepts traffic on every interface and overlaps every specific address on the same port. Bind to the loopback address for local services, or list the wildcard in portreuse.PR0002.allowed_addresses when exposure is intended.");

    public static readonly DiagnosticDescriptor ReuseOptionAfterBind = Create(
        RuleIds.ReuseOptionAfterBind,
        title: "Set address-reuse options before binding",
        messageFormat: "{0} is set after the socket was bound: it has no effect on that bind (TcpListener throws); set it before '{1}'",
        category: "Reliability",
        DiagnosticSeverity.Warning,
        description: "ReuseAddress and ExclusiveAddressUse are read by the OS at bind time. Setting them after Bind, TcpListener.Start or a binding UdpClient constructor changes nothing for the port already bound.");

    public static readonly DiagnosticDescriptor ContradictingReuseOptions = Create(
        RuleIds.ContradictingReuseOptions,
        title: "Do not enable both ReuseAddress and ExclusiveAddressUse",
        messageFormat: "'{0}' enables {1} after {2} was enabled: they contradict, Windows rejects the second and Unix keeps only the last; remove one",
        category: "Reliability",
        DiagnosticSeverity.Warning,
        description: "ReuseAddress shares a port and ExclusiveAddressUse owns it. Enabling both on one socket throws on Windows and silently keeps the last one on Linux and macOS.");

    public static readonly DiagnosticDescriptor ReuseAddressSharesPort = Create(
        RuleIds.ReuseAddressSharesPort,
        title: "ReuseAddress also enables SO_REUSEPORT on Unix",
        messageFormat: "'{0}' enables ReuseAddress, which on Linux and macOS also sets SO_REUSEPORT: another process can bind the same port and silently take a share of its traffic; set ExclusiveAddressUse instead if this socket must own the port",
        category: "Security",
        DiagnosticSeverity.Info,
        description: ".NET maps SocketOptionName.ReuseAddress to both SO_REUSEADDR and SO_REUSEPORT on Unix. Two processes that both set it can listen on one port and the kernel load-balances between them, so a stale or rogue instance goes unnoticed.",
        isEnabledByDefault: false);

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
