using System;

namespace PortReuse.Analyzers.Model;

/// <summary>The abstract value of an expression the flow walker follows: a constant, an address, or an endpoint.</summary>
internal readonly struct TrackedValue : IEquatable<TrackedValue>
{
    private TrackedValue(object? constant, AddressKind address, int? port, bool isEndPoint)
    {
        Constant = constant;
        Address = address;
        Port = port;
        IsEndPoint = isEndPoint;
    }

    public static TrackedValue Unknown => default;

    /// <summary>An int, long or string the compiler or the walker knows.</summary>
    public object? Constant { get; }

    public AddressKind Address { get; }

    /// <summary>The endpoint's port, when it is a known constant.</summary>
    public int? Port { get; }

    public bool IsEndPoint { get; }

    public static TrackedValue FromConstant(object? constant) => new(constant, AddressKind.Unknown, null, isEndPoint: false);

    public static TrackedValue FromAddress(AddressKind address) => new(null, address, null, isEndPoint: false);

    public static TrackedValue FromEndPoint(AddressKind address, int? port) => new(null, address, port, isEndPoint: true);

    public int? AsPort() => Constant switch
    {
        int i => i,
        long l when l is >= 0 and <= 65535 => (int)l,
        ushort u => u,
        _ => null,
    };

    public bool Equals(TrackedValue other)
        => Equals(Constant, other.Constant) && Address == other.Address && Port == other.Port && IsEndPoint == other.IsEndPoint;

    public override bool Equals(object? obj) => obj is TrackedValue other && Equals(other);

    public override int GetHashCode() => ((Constant?.GetHashCode() ?? 0) * 397) ^ ((int)Address << 20) ^ (Port ?? -1);
}
