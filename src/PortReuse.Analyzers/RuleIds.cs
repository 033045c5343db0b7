namespace PortReuse.Analyzers;

/// <summary>Stable diagnostic IDs. Never reuse or renumber one.</summary>
public static class RuleIds
{
    public const string MissingReuseDecision = "PR0001";
    public const string WildcardAddress = "PR0002";
    public const string ReuseOptionAfterBind = "PR0003";
    public const string ContradictingReuseOptions = "PR0004";
    public const string ReuseAddressSharesPort = "PR0005";
}
