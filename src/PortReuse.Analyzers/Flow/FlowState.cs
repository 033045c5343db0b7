using System.Buffers;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Everything the walker knows at one program point; copied at branches and joined where they meet. Copies share
/// their tables until one side writes (most branches touch no socket), and a join of two tables still shared is the
/// table itself: in long methods the copies and joins cost more than the rest of the walk.
/// </summary>
internal sealed class FlowState
{
    private Dictionary<SocketKey, SocketState>? _sockets;
    private Dictionary<ISymbol, TrackedValue>? _values;
    private Dictionary<ISymbol, SocketKey>? _aliases;

    // Whether this state alone holds the table, so it may write it in place.
    private bool _ownsSockets;
    private bool _ownsValues;
    private bool _ownsAliases;

    /// <summary>After return/throw/break: no path reaches here, and a join ignores this state.</summary>
    public bool IsUnreachable { get; private set; }

    public void MarkUnreachable() => IsUnreachable = true;

    public SocketState? GetSocket(SocketKey key)
        => _sockets is not null && _sockets.TryGetValue(key, out var state) ? state : null;

    public void SetSocket(SocketKey key, SocketState state) => WritableSockets()[key] = state;

    public void AddFacts(SocketKey key, SocketFacts facts)
        => SetSocket(key, (GetSocket(key) ?? default).With(facts));

    public void RemoveSocket(SocketKey key)
    {
        if (_sockets is not null && _sockets.ContainsKey(key))
        {
            WritableSockets().Remove(key);
        }
    }

    /// <summary>Whether a socket stored in a field or property of this instance is being tracked.</summary>
    public bool TracksMemberSocket()
    {
        if (_sockets is not null)
        {
            foreach (var key in _sockets.Keys)
            {
                if (key.Symbol is IFieldSymbol or IPropertySymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public TrackedValue GetValue(ISymbol symbol)
        => _values is not null && _values.TryGetValue(symbol, out var value) ? value : TrackedValue.Unknown;

    public void SetValue(ISymbol symbol, TrackedValue value)
    {
        if (value.Equals(TrackedValue.Unknown))
        {
            if (_values is not null && _values.ContainsKey(symbol))
            {
                Writable(ref _values, ref _ownsValues).Remove(symbol);
            }
        }
        else
        {
            Writable(ref _values, ref _ownsValues)[symbol] = value;
        }
    }

    public SocketKey? GetAlias(ISymbol symbol)
        => _aliases is not null && _aliases.TryGetValue(symbol, out var key) ? key : null;

    public void SetAlias(ISymbol symbol, SocketKey? target)
    {
        if (target is { } key)
        {
            Writable(ref _aliases, ref _ownsAliases)[symbol] = key;
        }
        else if (_aliases is not null && _aliases.ContainsKey(symbol))
        {
            Writable(ref _aliases, ref _ownsAliases).Remove(symbol);
        }
    }

    public FlowState Clone()
    {
        // Both sides now share every table: whichever writes first copies it.
        _ownsSockets = _ownsValues = _ownsAliases = false;
        return new FlowState { IsUnreachable = IsUnreachable, _sockets = _sockets, _values = _values, _aliases = _aliases };
    }

    private Dictionary<SocketKey, SocketState> WritableSockets()
    {
        if (!_ownsSockets || _sockets is null)
        {
            _sockets = _sockets is null ? new() : new(_sockets);
            _ownsSockets = true;
        }

        return _sockets!;
    }

    private static Dictionary<ISymbol, T> Writable<T>(ref Dictionary<ISymbol, T>? table, ref bool owned)
    {
        if (!owned || table is null)
        {
            table = table is null ? new(SymbolEqualityComparer.Default) : new(table, SymbolEqualityComparer.Default);
            owned = true;
        }

        return table!;
    }

    /// <summary>Makes this state the meet of itself and <paramref name="other"/>: must-facts intersect, may-facts unite.</summary>
    public void JoinWith(FlowState other)
    {
        if (other.IsUnreachable)
        {
            return;
        }

        if (IsUnreachable)
        {
            CopyFrom(other);
            return;
        }

        // A table both sides still share is its own join; a table this state alone holds is joined in place.
        if (!ReferenceEquals(_sockets, other._sockets))
        {
            if (_ownsSockets && _sockets is not null)
            {
                JoinSocketsInPlace(_sockets, other._sockets);
            }
            else
            {
                _sockets = JoinSockets(_sockets, other._sockets);
                _ownsSockets = true;
            }
        }

        if (!ReferenceEquals(_values, other._values))
        {
            _values = _ownsValues ? KeepEqualInPlace(_values, other._values) : KeepEqual(_values, other._values);
            _ownsValues = true;
        }

        if (!ReferenceEquals(_aliases, other._aliases))
        {
            _aliases = _ownsAliases ? KeepEqualInPlace(_aliases, other._aliases) : KeepEqual(_aliases, other._aliases);
            _ownsAliases = true;
        }
    }

    private void CopyFrom(FlowState other)
    {
        var copy = other.Clone();
        IsUnreachable = copy.IsUnreachable;
        _sockets = copy._sockets;
        _values = copy._values;
        _aliases = copy._aliases;
        _ownsSockets = _ownsValues = _ownsAliases = false;
    }

    private static Dictionary<SocketKey, SocketState>? JoinSockets(
        Dictionary<SocketKey, SocketState>? mine,
        Dictionary<SocketKey, SocketState>? theirs)
    {
        if (mine is null && theirs is null)
        {
            return null;
        }

        var joined = mine is null ? new Dictionary<SocketKey, SocketState>() : new Dictionary<SocketKey, SocketState>(mine);
        JoinSocketsInPlace(joined, theirs);
        return joined;
    }

    /// <summary>
    /// Joins <paramref name="theirs"/> into a table no other state holds: must-facts intersect, may-facts unite, and a
    /// socket only one side tracks is joined with an untouched path. The joined entries are gathered before any is
    /// written: writing a table while enumerating it throws on .NET Framework, where Visual Studio runs analyzers.
    /// </summary>
    private static void JoinSocketsInPlace(Dictionary<SocketKey, SocketState> mine, Dictionary<SocketKey, SocketState>? theirs)
    {
        var updates = ArrayPool<KeyValuePair<SocketKey, SocketState>>.Shared.Rent(mine.Count + (theirs?.Count ?? 0));
        try
        {
            var count = 0;
            foreach (var pair in mine)
            {
                var joined = theirs is not null && theirs.TryGetValue(pair.Key, out var other) ? pair.Value.Join(other) : pair.Value.JoinUntouched();
                updates[count++] = new(pair.Key, joined);
            }

            if (theirs is not null)
            {
                foreach (var pair in theirs)
                {
                    if (!mine.ContainsKey(pair.Key))
                    {
                        updates[count++] = new(pair.Key, pair.Value.JoinUntouched());
                    }
                }
            }

            for (var i = 0; i < count; i++)
            {
                mine[updates[i].Key] = updates[i].Value;
            }
        }
        finally
        {
            ArrayPool<KeyValuePair<SocketKey, SocketState>>.Shared.Return(updates, clearArray: true);
        }
    }

    /// <summary>Keeps, in a table no other state holds, the values both sides agree on; removals are gathered first (see above).</summary>
    private static Dictionary<ISymbol, T>? KeepEqualInPlace<T>(Dictionary<ISymbol, T>? mine, Dictionary<ISymbol, T>? theirs)
    {
        if (mine is null || theirs is null)
        {
            return null;
        }

        var removed = ArrayPool<ISymbol>.Shared.Rent(mine.Count);
        try
        {
            var count = 0;
            foreach (var pair in mine)
            {
                if (!theirs.TryGetValue(pair.Key, out var other) || !EqualityComparer<T>.Default.Equals(pair.Value, other))
                {
                    removed[count++] = pair.Key;
                }
            }

            for (var i = 0; i < count; i++)
            {
                mine.Remove(removed[i]);
            }
        }
        finally
        {
            ArrayPool<ISymbol>.Shared.Return(removed, clearArray: true);
        }

        return mine.Count == 0 ? null : mine;
    }

    private static Dictionary<ISymbol, T>? KeepEqual<T>(Dictionary<ISymbol, T>? mine, Dictionary<ISymbol, T>? theirs)
        => mine is null || theirs is null ? null : KeepEqualInPlace(new Dictionary<ISymbol, T>(mine, SymbolEqualityComparer.Default), theirs);
}
