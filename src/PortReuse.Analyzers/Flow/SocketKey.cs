using System;
using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Names one socket in the walk: a local, field, parameter or property symbol, or — for a socket not yet stored
/// anywhere — the operation that created it. <c>listener.Server</c> and <c>udp.Client</c> share their owner's key.
/// </summary>
internal readonly struct SocketKey : IEquatable<SocketKey>
{
    private readonly object _value;

    private SocketKey(object value) => _value = value;

    public static SocketKey For(ISymbol symbol) => new(symbol);

    public static SocketKey ForCreation(IOperation creation) => new(creation);

    public ISymbol? Symbol => _value as ISymbol;

    public bool IsDefault => _value is null;

    public bool Equals(SocketKey other)
        => _value is ISymbol symbol
            ? SymbolEqualityComparer.Default.Equals(symbol, other._value as ISymbol)
            : ReferenceEquals(_value, other._value);

    public override bool Equals(object? obj) => obj is SocketKey other && Equals(other);

    public override int GetHashCode()
        => _value is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : _value?.GetHashCode() ?? 0;
}
