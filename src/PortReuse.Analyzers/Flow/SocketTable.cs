using System.Collections.Generic;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// The sockets tracked at a program point, as layers: each holds what was written since the layer below was shared.
/// A branch of a long method writes one or two sockets of the dozens it tracks, so a write after a copy adds a small
/// layer instead of copying the table, and a join reads only what either side wrote above the layer both share.
/// A layer is written only by the one state that owns it; once shared it never changes.
/// </summary>
internal sealed class SocketTable
{
    // Lookups read every layer down to the key: past this depth a new layer starts from a flattened copy instead.
    private const int MaxDepth = 10;

    // Most layers hold one to three sockets: up to this many, a layer is a short array scanned by hash, which costs
    // less than a dictionary's buckets and entries (allocated per layer, the walk's largest allocation). Past it,
    // as in a flattened layer of a long method, the layer moves to a dictionary.
    private const int MaxScanned = 8;

    // A null state is a socket removed at this layer (it stays visible in the layers below).
    private Slot[]? _slots;
    private int _count;
    private Dictionary<SocketKey, SocketState?>? _map;

    private SocketTable(SocketTable? below)
    {
        Below = below;
        Depth = (below?.Depth ?? 0) + 1;
    }

    public SocketTable? Below { get; }

    public int Depth { get; }

    /// <summary>A new writable layer over <paramref name="below"/> (flattened when the stack grew deep).</summary>
    public static SocketTable Over(SocketTable? below)
        => below is { Depth: >= MaxDepth } ? below.Flatten() : new SocketTable(below);

    public SocketState? Get(SocketKey key)
    {
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            if (layer.TryGetOwn(key, out var state))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>Only for the owning state's top layer.</summary>
    public void Set(SocketKey key, SocketState? state)
    {
        if (state is null && Below is null)
        {
            RemoveOwn(key);
        }
        else
        {
            SetOwn(key, state);
        }
    }

    /// <summary>Every socket tracked, each once (an upper layer hides the same key below).</summary>
    public IEnumerable<SocketKey> Keys()
    {
        var seen = new HashSet<SocketKey>();
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            for (var entries = layer.OwnEntries(); entries.MoveNext();)
            {
                if (seen.Add(entries.Key) && entries.State is not null)
                {
                    yield return entries.Key;
                }
            }
        }
    }

    /// <summary>
    /// The join of two tables as a new layer over the deepest layer both share: must-facts intersect, may-facts unite,
    /// and a socket only one side tracks is joined with an untouched path. Below the shared layer both sides hold the
    /// same states, whose join is themselves, so only the keys written above it are read.
    /// </summary>
    /// <param name="fresh">True when the result is a new layer no other table holds.</param>
    public static SocketTable? Join(SocketTable? mine, SocketTable? theirs, out bool fresh)
    {
        var shared = SharedBase(mine, theirs);
        var joined = new SocketTable(shared);
        joined.AddJoined(mine, shared, mine, theirs);
        joined.AddJoined(theirs, shared, mine, theirs);
        fresh = !joined.IsEmpty;
        return fresh ? joined : shared;
    }

    private bool IsEmpty => _map is null ? _count == 0 : _map.Count == 0;

    private void AddJoined(SocketTable? from, SocketTable? shared, SocketTable? mine, SocketTable? theirs)
    {
        for (var layer = from; layer != shared && layer is not null; layer = layer.Below)
        {
            for (var entries = layer.OwnEntries(); entries.MoveNext();)
            {
                var key = entries.Key;
                if (!TryGetOwn(key, out _))
                {
                    SetOwn(key, (mine?.Get(key), theirs?.Get(key)) switch
                    {
                        ({ } a, { } b) => a.Join(b),
                        ({ } a, null) => a.JoinUntouched(),
                        (null, { } b) => b.JoinUntouched(),
                        _ => null,
                    });
                }
            }
        }
    }

    private static SocketTable? SharedBase(SocketTable? first, SocketTable? second)
    {
        while (first != second)
        {
            if ((first?.Depth ?? 0) >= (second?.Depth ?? 0))
            {
                first = first!.Below;
            }
            else
            {
                second = second!.Below;
            }
        }

        return first;
    }

    /// <summary>Every layer's entries in one bottom layer: the lowest layer first, each upper one written over it.</summary>
    private SocketTable Flatten()
    {
        var layers = new SocketTable[Depth];
        var count = 0;
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            layers[count++] = layer;
        }

        var flat = new SocketTable(below: null);
        for (var i = count - 1; i >= 0; i--)
        {
            for (var entries = layers[i].OwnEntries(); entries.MoveNext();)
            {
                flat.Set(entries.Key, entries.State);
            }
        }

        return flat;
    }

    private bool TryGetOwn(SocketKey key, out SocketState? state)
    {
        if (_map is not null)
        {
            return _map.TryGetValue(key, out state);
        }

        var index = IndexOf(key);
        state = index >= 0 ? _slots![index].State : null;
        return index >= 0;
    }

    private void SetOwn(SocketKey key, SocketState? state)
    {
        if (_map is not null)
        {
            _map[key] = state;
            return;
        }

        var index = IndexOf(key);
        if (index >= 0)
        {
            _slots![index].State = state;
        }
        else if (_count < MaxScanned)
        {
            if (_slots is null || _count == _slots.Length)
            {
                var grown = new Slot[_slots is null ? 2 : _slots.Length * 2];
                _slots?.CopyTo(grown, 0);
                _slots = grown;
            }

            _slots[_count++] = new Slot(key, state);
        }
        else
        {
            _map = new Dictionary<SocketKey, SocketState?>(MaxScanned * 2);
            for (var i = 0; i < _count; i++)
            {
                _map[_slots![i].Key] = _slots[i].State;
            }

            _map[key] = state;
            _slots = null;
            _count = 0;
        }
    }

    private void RemoveOwn(SocketKey key)
    {
        if (_map is not null)
        {
            _map.Remove(key);
            return;
        }

        var index = IndexOf(key);
        if (index >= 0)
        {
            _slots![index] = _slots[--_count];
            _slots[_count] = default;
        }
    }

    private int IndexOf(SocketKey key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_slots![i].Key.Equals(key))
            {
                return i;
            }
        }

        return -1;
    }

    private LayerEntries OwnEntries() => new(this);

    private struct Slot
    {
        public Slot(SocketKey key, SocketState? state)
        {
            Key = key;
            State = state;
        }

        public SocketKey Key { get; }

        public SocketState? State { get; set; }
    }

    /// <summary>The entries written at one layer, whichever way it stores them; a struct, so reading them allocates nothing.</summary>
    private struct LayerEntries
    {
        private readonly SocketTable _layer;
        private Dictionary<SocketKey, SocketState?>.Enumerator _map;
        private int _index;

        public LayerEntries(SocketTable layer)
        {
            _layer = layer;
            _map = layer._map?.GetEnumerator() ?? default;
            _index = -1;
            Key = default;
            State = null;
        }

        public SocketKey Key { get; private set; }

        public SocketState? State { get; private set; }

        public bool MoveNext()
        {
            if (_layer._map is not null)
            {
                if (!_map.MoveNext())
                {
                    return false;
                }

                Key = _map.Current.Key;
                State = _map.Current.Value;
                return true;
            }

            if (++_index >= _layer._count)
            {
                return false;
            }

            Key = _layer._slots![_index].Key;
            State = _layer._slots[_index].State;
            return true;
        }
    }
}
