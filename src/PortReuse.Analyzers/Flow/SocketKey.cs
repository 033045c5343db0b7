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

    // Computed once: a key is hashed at every lookup and every write of the flow tables, and a symbol's hash goes
    // through the public-model wrapper to the object's identity hash each time.
    private readonly int _hash;

    private SocketKey(object value, int hash)
    {
        _value = value;
        _hash = hash;
    }

    public static SocketKey For(ISymbol symbol) => new(symbol, SymbolEqualityComparer.Default.GetHashCode(symbol));

    /// <summary>
    /// Hashed by where the creation is written, not by identity: each creation is a fresh operation object, and an
    /// object's first identity hash is the runtime's slow path (it writes the object header). Equality stays by reference.
    /// </summary>
    public static SocketKey ForCreation(IOperation creation) => new(creation, creation.Syntax.SpanStart);

    public ISymbol? Symbol => _value as ISymbol;

    public bool IsDefault => _value is null;

    public bool Equals(SocketKey other)
        => _hash == other._hash
            && (_value is ISymbol symbol
                ? SymbolEqualityComparer.Default.Equals(symbol, other._value as ISymbol)
                : ReferenceEquals(_value, other._value));

    public override bool Equals(object? obj) => obj is SocketKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
