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
    private const int MaxDepth = 6;

    // A null state is a socket removed at this layer (it stays visible in the layers below).
    private readonly Dictionary<SocketKey, SocketState?> _entries;

    private SocketTable(SocketTable? below, Dictionary<SocketKey, SocketState?> entries)
    {
        Below = below;
        Depth = (below?.Depth ?? 0) + 1;
        _entries = entries;
    }

    public SocketTable? Below { get; }

    public int Depth { get; }

    /// <summary>A new writable layer over <paramref name="below"/> (flattened when the stack grew deep).</summary>
    public static SocketTable Over(SocketTable? below)
        => below is { Depth: >= MaxDepth } ? new SocketTable(null, below.Flatten()) : new SocketTable(below, new());

    public SocketState? Get(SocketKey key)
    {
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            if (layer._entries.TryGetValue(key, out var state))
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
            _entries.Remove(key);
        }
        else
        {
            _entries[key] = state;
        }
    }

    /// <summary>Every socket tracked, each once (an upper layer hides the same key below).</summary>
    public IEnumerable<SocketKey> Keys()
    {
        var seen = new HashSet<SocketKey>();
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            foreach (var pair in layer._entries)
            {
                if (seen.Add(pair.Key) && pair.Value is not null)
                {
                    yield return pair.Key;
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
        var joined = new Dictionary<SocketKey, SocketState?>();
        AddJoined(joined, mine, shared, mine, theirs);
        AddJoined(joined, theirs, shared, mine, theirs);
        fresh = joined.Count > 0;
        return fresh ? new SocketTable(shared, joined) : shared;
    }

    private static void AddJoined(Dictionary<SocketKey, SocketState?> joined, SocketTable? from, SocketTable? shared, SocketTable? mine, SocketTable? theirs)
    {
        for (var layer = from; layer != shared && layer is not null; layer = layer.Below)
        {
            foreach (var key in layer._entries.Keys)
            {
                if (!joined.ContainsKey(key))
                {
                    joined[key] = (mine?.Get(key), theirs?.Get(key)) switch
                    {
                        ({ } a, { } b) => a.Join(b),
                        ({ } a, null) => a.JoinUntouched(),
                        (null, { } b) => b.JoinUntouched(),
                        _ => null,
                    };
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

    /// <summary>Every layer's entries in one table, the bottom layer copied whole and each upper one written over it.</summary>
    private Dictionary<SocketKey, SocketState?> Flatten()
    {
        var layers = new SocketTable[Depth];
        var count = 0;
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            layers[count++] = layer;
        }

        var all = new Dictionary<SocketKey, SocketState?>(layers[count - 1]._entries);
        for (var i = count - 2; i >= 0; i--)
        {
            foreach (var pair in layers[i]._entries)
            {
                if (pair.Value is null)
                {
                    all.Remove(pair.Key);
                }
                else
                {
                    all[pair.Key] = pair.Value;
                }
            }
        }

        return all;
    }
}
