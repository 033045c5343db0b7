using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers.Model;

/// <summary>The two options that decide whether a bound port is shared or owned.</summary>
internal enum ReuseOption : byte
{
    ReuseAddress,
    ExclusiveAddressUse,
}

/// <summary>
/// One place where code decides on address reuse: <c>SetSocketOption(Socket, ReuseAddress|ExclusiveAddressUse, v)</c>
/// or an <c>ExclusiveAddressUse = v</c> property set.
/// </summary>
internal readonly struct ReuseDecision
{
    public ReuseDecision(ReuseOption option, bool? enabled, IOperation operation)
    {
        Option = option;
        Enabled = enabled;
        Operation = operation;
    }

    public ReuseOption Option { get; }

    /// <summary>True or false when the value is a constant; null otherwise.</summary>
    public bool? Enabled { get; }

    public IOperation Operation { get; }
}
