using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>Everything the walker knows at one program point; copied at branches and joined where they meet.</summary>
internal sealed class FlowState
{
    private Dictionary<SocketKey, SocketState>? _sockets;
    private Dictionary<ISymbol, TrackedValue>? _values;
    private Dictionary<ISymbol, SocketKey>? _aliases;

    /// <summary>After return/throw/break: no path reaches here, and a join ignores this state.</summary>
    public bool IsUnreachable { get; private set; }

    public void MarkUnreachable() => IsUnreachable = true;

    public SocketState? GetSocket(SocketKey key)
        => _sockets is not null && _sockets.TryGetValue(key, out var state) ? state : null;

    public void SetSocket(SocketKey key, SocketState state) => (_sockets ??= new())[key] = state;

    public void AddFacts(SocketKey key, SocketFacts facts)
        => SetSocket(key, (GetSocket(key) ?? default).With(facts));

    public void RemoveSocket(SocketKey key) => _sockets?.Remove(key);

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
            _values?.Remove(symbol);
        }
        else
        {
            (_values ??= new(SymbolEqualityComparer.Default))[symbol] = value;
        }
    }

    public SocketKey? GetAlias(ISymbol symbol)
        => _aliases is not null && _aliases.TryGetValue(symbol, out var key) ? key : null;

    public void SetAlias(ISymbol symbol, SocketKey? target)
    {
        if (target is { } key)
        {
            (_aliases ??= new(SymbolEqualityComparer.Default))[symbol] = key;
        }
        else
        {
            _aliases?.Remove(symbol);
        }
    }

    public FlowState Clone()
    {
        var copy = new FlowState { IsUnreachable = IsUnreachable };
        if (_sockets is { Count: > 0 })
        {
            copy._sockets = new(_sockets);
        }

        if (_values is { Count: > 0 })
        {
            copy._values = new(_values, SymbolEqualityComparer.Default);
        }

        if (_aliases is { Count: > 0 })
        {
            copy._aliases = new(_aliases, SymbolEqualityComparer.Default);
        }

        return copy;
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

        _sockets = JoinSockets(_sockets, other._sockets);
        _values = KeepEqual(_values, other._values);
        _aliases = KeepEqual(_aliases, other._aliases);
    }

    private void CopyFrom(FlowState other)
    {
        var copy = other.Clone();
        IsUnreachable = copy.IsUnreachable;
        _sockets = copy._sockets;
        _values = copy._values;
        _aliases = copy._aliases;
    }

    private static Dictionary<SocketKey, SocketState>? JoinSockets(
        Dictionary<SocketKey, SocketState>? mine,
        Dictionary<SocketKey, SocketState>? theirs)
    {
        if (mine is null && theirs is null)
        {
            return null;
        }

        var joined = new Dictionary<SocketKey, SocketState>();
        if (mine is not null)
        {
            foreach (var pair in mine)
            {
                joined[pair.Key] = theirs is not null && theirs.TryGetValue(pair.Key, out var other)
                    ? pair.Value.Join(other)
                    : pair.Value.JoinUntouched();
            }
        }

        if (theirs is not null)
        {
            foreach (var pair in theirs)
            {
                if (!joined.ContainsKey(pair.Key))
                {
                    joined[pair.Key] = pair.Value.JoinUntouched();
                }
            }
        }

        return joined;
    }

    private static Dictionary<ISymbol, T>? KeepEqual<T>(Dictionary<ISymbol, T>? mine, Dictionary<ISymbol, T>? theirs)
    {
        if (mine is null || theirs is null)
        {
            return null;
        }

        var kept = new Dictionary<ISymbol, T>(SymbolEqualityComparer.Default);
        foreach (var pair in mine)
        {
            if (theirs.TryGetValue(pair.Key, out var other) && EqualityComparer<T>.Default.Equals(pair.Value, other))
            {
                kept[pair.Key] = pair.Value;
            }
        }

        return kept.Count == 0 ? null : kept;
    }
}
