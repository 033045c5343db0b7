using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Everything the walker knows at one program point; copied at branches and joined where they meet. Copies share
/// their tables until one side writes (most branches touch no socket), and a join of two tables still shared is the
/// table itself: in long methods the copies and joins cost more than the rest of the walk. The socket table, which
/// grows with every socket a method creates, is layered (<see cref="SocketTable"/>) so a write after a copy costs
/// what it writes, not the table.
/// </summary>
internal sealed class FlowState
{
    private SocketTable? _sockets;

    // Whether _sockets' top layer is this state's alone to write; a shared layer gets a new layer on top first.
    private bool _ownsSockets;
    private Held<Dictionary<ISymbol, TrackedValue>>? _values;
    private Held<Dictionary<ISymbol, SocketKey>>? _aliases;

    /// <summary>After return/throw/break: no path reaches here, and a join ignores this state.</summary>
    public bool IsUnreachable { get; private set; }

    public void MarkUnreachable() => IsUnreachable = true;

    public SocketState? GetSocket(SocketKey key) => _sockets?.Get(key);

    public void SetSocket(SocketKey key, SocketState state) => WritableSockets().Set(key, state);

    public void AddFacts(SocketKey key, SocketFacts facts)
        => SetSocket(key, (GetSocket(key) ?? default).With(facts));

    public void RemoveSocket(SocketKey key)
    {
        if (GetSocket(key) is not null)
        {
            WritableSockets().Set(key, null);
        }
    }

    /// <summary>Whether a socket stored in a field or property of this instance is being tracked.</summary>
    public bool TracksMemberSocket()
    {
        if (_sockets is not null)
        {
            foreach (var key in _sockets.Keys())
            {
                if (key.Symbol is IFieldSymbol or IPropertySymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether any local or parameter has a known value (most blocks track none).</summary>
    public bool TracksValues => _values is { Table.Count: > 0 };

    public TrackedValue GetValue(ISymbol symbol)
        => _values is not null && _values.Table.TryGetValue(symbol, out var value) ? value : TrackedValue.Unknown;

    public void SetValue(ISymbol symbol, TrackedValue value)
    {
        if (value.Equals(TrackedValue.Unknown))
        {
            if (_values is not null && _values.Table.ContainsKey(symbol))
            {
                Writable(ref _values, ValueTable).Remove(symbol);
            }
        }
        else
        {
            Writable(ref _values, ValueTable)[symbol] = value;
        }
    }

    public SocketKey? GetAlias(ISymbol symbol)
        => _aliases is not null && _aliases.Table.TryGetValue(symbol, out var key) ? key : null;

    public void SetAlias(ISymbol symbol, SocketKey? target)
    {
        if (target is { } key)
        {
            Writable(ref _aliases, AliasTable)[symbol] = key;
        }
        else if (_aliases is not null && _aliases.Table.ContainsKey(symbol))
        {
            Writable(ref _aliases, AliasTable).Remove(symbol);
        }
    }

    public FlowState Clone()
    {
        // Both sides now share every table: whichever writes first copies it, and the other is then its sole holder.
        var copy = new FlowState { IsUnreachable = IsUnreachable };
        copy.Share(this);
        return copy;
    }

    /// <summary>Takes <paramref name="other"/>'s tables as they are, dropping this state's own.</summary>
    private void Share(FlowState other)
    {
        Release(ref _values);
        Release(ref _aliases);
        _sockets = other._sockets;
        _ownsSockets = other._ownsSockets = false;
        _values = Hold(other._values);
        _aliases = Hold(other._aliases);
    }

    private static Held<T>? Hold<T>(Held<T>? table)
        where T : class
    {
        if (table is not null)
        {
            table.Holders++;
        }

        return table;
    }

    private static void Release<T>(ref Held<T>? table)
        where T : class
    {
        if (table is not null)
        {
            table.Holders--;
            table = null;
        }
    }

    /// <summary>The table to write: this state's own, or a copy of the shared one (which this state then stops holding).</summary>
    private static T Writable<T>(ref Held<T>? table, Func<T?, T> copy)
        where T : class
    {
        if (table is null)
        {
            table = new(copy(null));
        }
        else if (table.Holders > 1)
        {
            table.Holders--;
            table = new(copy(table.Table));
        }

        return table.Table;
    }

    private SocketTable WritableSockets()
    {
        if (!_ownsSockets || _sockets is null)
        {
            _sockets = SocketTable.Over(_sockets);
            _ownsSockets = true;
        }

        return _sockets;
    }

    private static readonly Func<Dictionary<ISymbol, TrackedValue>?, Dictionary<ISymbol, TrackedValue>> ValueTable = SymbolTable;

    private static readonly Func<Dictionary<ISymbol, SocketKey>?, Dictionary<ISymbol, SocketKey>> AliasTable = SymbolTable;

    private static Dictionary<ISymbol, T> SymbolTable<T>(Dictionary<ISymbol, T>? source)
        => source is null ? new(SymbolEqualityComparer.Default) : new(source, SymbolEqualityComparer.Default);

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

        // A table both sides still share is its own join. The socket table's join is a new layer over the layer both
        // share (or that layer itself when nothing above it was written); a value or alias table this state alone
        // holds is joined in place.
        if (!ReferenceEquals(_sockets, other._sockets))
        {
            _sockets = SocketTable.Join(_sockets, other._sockets, out _ownsSockets);
        }

        if (!ReferenceEquals(_values, other._values))
        {
            KeepEqual(ref _values, other._values, ValueTable);
        }

        if (!ReferenceEquals(_aliases, other._aliases))
        {
            KeepEqual(ref _aliases, other._aliases, AliasTable);
        }
    }

    private void CopyFrom(FlowState other)
    {
        IsUnreachable = other.IsUnreachable;
        Share(other);
    }

    /// <summary>Keeps the values both sides agree on: a table only one side has agrees on nothing.</summary>
    private static void KeepEqual<T>(ref Held<Dictionary<ISymbol, T>>? mine, Held<Dictionary<ISymbol, T>>? theirs, Func<Dictionary<ISymbol, T>?, Dictionary<ISymbol, T>> copy)
    {
        if (mine is null || theirs is null)
        {
            Release(ref mine);
            return;
        }

        if (!KeepEqualInPlace(Writable(ref mine, copy), theirs.Table))
        {
            Release(ref mine);
        }
    }

    /// <summary>Keeps, in a table no other state holds, the values both sides agree on; false when none is left. Removals are gathered first (see above).</summary>
    private static bool KeepEqualInPlace<T>(Dictionary<ISymbol, T> mine, Dictionary<ISymbol, T> theirs)
    {
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

        return mine.Count > 0;
    }

    /// <summary>A table and how many states hold it: a state writes its table in place only while it is the sole holder.</summary>
    private sealed class Held<T>
        where T : class
    {
        public Held(T table) => Table = table;

        public T Table { get; }

        public int Holders { get; set; } = 1;
    }
}
