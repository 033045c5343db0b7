using System;

namespace PortReuse.Analyzers.Model;

/// <summary>The abstract value of an expression the flow walker follows: a constant, an address, or an endpoint.</summary>
internal readonly struct TrackedValue : IEquatable<TrackedValue>
{
    private TrackedValue(object? constant, AddressKind address, int? port, bool isEndPoint, bool isHandedIn = false)
    {
        Constant = constant;
        Address = address;
        Port = port;
        IsEndPoint = isEndPoint;
        IsHandedIn = isHandedIn;
    }

    public static TrackedValue Unknown => default;

    /// <summary>An int, long or string the compiler or the walker knows.</summary>
    public object? Constant { get; }

    public AddressKind Address { get; }

    /// <summary>The endpoint's port, when it is a known constant.</summary>
    public int? Port { get; }

    public bool IsEndPoint { get; }

    /// <summary>
    /// The analysed block handed this value to a helper it calls: a helper's own walk cannot see it, so a wildcard
    /// carrying it is reported at the call.
    /// </summary>
    public bool IsHandedIn { get; }

    public static TrackedValue FromConstant(object? constant) => new(constant, AddressKind.Unknown, null, isEndPoint: false);

    public static TrackedValue FromAddress(AddressKind address) => new(null, address, null, isEndPoint: false);

    public static TrackedValue FromEndPoint(AddressKind address, int? port, bool isHandedIn = false) => new(null, address, port, isEndPoint: true, isHandedIn);

    /// <summary>Port 0 asks the OS for an ephemeral port.</summary>
    public bool IsEphemeralPort => Port == 0;

    public TrackedValue HandedIn() => new(Constant, Address, Port, IsEndPoint, isHandedIn: true);

    public int? AsPort() => Constant switch
    {
        int i => i,
        long l when l is >= 0 and <= 65535 => (int)l,
        ushort u => u,
        _ => null,
    };

    public bool Equals(TrackedValue other)
        => Equals(Constant, other.Constant) && Address == other.Address && Port == other.Port && IsEndPoint == other.IsEndPoint && IsHandedIn == other.IsHandedIn;

    public override bool Equals(object? obj) => obj is TrackedValue other && Equals(other);

    public override int GetHashCode() => ((Constant?.GetHashCode() ?? 0) * 397) ^ ((int)Address << 20) ^ (Port ?? -1);
}
