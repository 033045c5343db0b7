namespace PortReuse.Runtime;

/// <summary>The address-reuse decision made on a socket before it binds.</summary>
public enum ReuseMode
{
    /// <summary>No option set: whatever the runtime and the OS do by default.</summary>
    None,

    /// <summary>.NET's <c>SetSocketOption(Socket, ReuseAddress, true)</c> (on Unix this also sets SO_REUSEPORT).</summary>
    ReuseAddress,

    /// <summary>Only the OS's SO_REUSEADDR, set with <c>SetRawSocketOption</c> — what the article's C code does. Unix only.</summary>
    RawReuseAddress,

    /// <summary>.NET's <c>ExclusiveAddressUse = true</c>.</summary>
    ExclusiveAddressUse,
}
