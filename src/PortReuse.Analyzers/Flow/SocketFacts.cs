using System;

namespace PortReuse.Analyzers.Flow;

/// <summary>What has happened to one socket on a path. Tracked twice: on every path (must) and on some path (may).</summary>
[Flags]
internal enum SocketFacts : byte
{
    None = 0,

    /// <summary>Created here: its provenance is known, so a missing decision is ours to report.</summary>
    Created = 1 << 0,

    /// <summary>ReuseAddress or ExclusiveAddressUse was set, whatever the value.</summary>
    Decided = 1 << 1,

    /// <summary>ReuseAddress was set to true.</summary>
    ReuseEnabled = 1 << 2,

    /// <summary>ExclusiveAddressUse was set to true.</summary>
    ExclusiveEnabled = 1 << 3,

    /// <summary>Bound or started.</summary>
    Bound = 1 << 4,

    /// <summary>Handed to code we cannot see, which may have decided: treat as decided, stay quiet.</summary>
    Escaped = 1 << 5,

    /// <summary>Listen() was called on it.</summary>
    Listening = 1 << 6,
}
