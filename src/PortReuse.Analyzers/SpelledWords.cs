using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PortReuse.Analyzers;

/// <summary>
/// Where, in each syntax tree of a compilation, the words the name filter stops at are spelled: each tree's text is
/// searched once, when its first code block is filtered, instead of copying and searching every block's text in turn
/// (on code that never touches sockets that per-block search was about half of the analyzer's time). Kept for one
/// compilation; a tree analysed by two blocks at once may be searched twice, with the same result.
/// </summary>
internal sealed class SpelledWords
{
    // Every name the filter stops at ("SetSocketOption" contains "Socket").
    private static readonly string[] Names = { "Socket", "TcpListener", "UdpClient", "ExclusiveAddressUse", "Bind", "Start" };

    // What a block that binds nothing itself spells when it hands a helper the address to bind.
    private static readonly string[] Addresses = { "IPAddress", "IPEndPoint", "0.0.0.0", "\"::\"" };

    // Below Roslyn's threshold for chunked (large) texts, 40K characters: reading such a text as a string costs at most a small copy.
    private const int MaxSmallText = 40 * 1024;

    private readonly ConcurrentDictionary<SyntaxTree, InTree> _trees = new();

    public InTree Of(SyntaxTree tree, CancellationToken cancellationToken)
        => _trees.TryGetValue(tree, out var found) ? found : _trees.GetOrAdd(tree, InTree.Search(tree, cancellationToken));

    /// <summary>The words' positions in one tree, for each word in ascending order.</summary>
    internal sealed class InTree
    {
        private readonly int[][] _names;
        private readonly int[][] _addresses;
        private readonly int[][] _escapes;

        private InTree(int[][] names, int[][] addresses, int[][] escapes)
        {
            _names = names;
            _addresses = addresses;
            _escapes = escapes;
        }

        public static InTree Search(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var source = tree.GetText(cancellationToken);
            if (source.Length <= MaxSmallText)
            {
                // A tree parsed from a string hands that string back here: most trees are searched without a copy.
                var text = source.ToString();
                return Search(text.AsSpan());
            }

            // A large text (Roslyn keeps those in chunks) is copied into a pooled buffer, never into a new large string.
            var buffer = ArrayPool<char>.Shared.Rent(source.Length);
            try
            {
                source.CopyTo(0, buffer, 0, source.Length);
                return Search(new ReadOnlySpan<char>(buffer, 0, source.Length));
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        private static InTree Search(ReadOnlySpan<char> text) => new(Find(text, Names), Find(text, Addresses), Find(text, NodeText.UnicodeEscapes));

        /// <summary>Whether a name the filter stops at may be spelled with an escape within <paramref name="span"/>.</summary>
        public bool MayEscapeNamesIn(TextSpan span) => AnyIn(_escapes, span);

        public bool SpellsAddressIn(TextSpan span) => AnyIn(_addresses, span);

        /// <summary>How many names the filter stops at: <see cref="NameIn"/> reads each by its index.</summary>
        public int NameCount => _names.Length;

        /// <summary>The positions within <paramref name="span"/> where the name of that index is spelled (a span: no enumerator is allocated).</summary>
        public ReadOnlySpan<int> NameIn(int name, TextSpan span)
        {
            var positions = _names[name];
            var first = FirstAtOrAfter(positions, span.Start);
            return new ReadOnlySpan<int>(positions, first, FirstAtOrAfter(positions, span.End) - first);
        }

        private static bool AnyIn(int[][] words, TextSpan span)
        {
            foreach (var positions in words)
            {
                var first = FirstAtOrAfter(positions, span.Start);
                if (first < positions.Length && positions[first] < span.End)
                {
                    return true;
                }
            }

            return false;
        }

        private static int FirstAtOrAfter(int[] positions, int position)
        {
            var index = Array.BinarySearch(positions, position);
            return index >= 0 ? index : ~index;
        }

        /// <summary>Each word's positions, ascending as the search finds them (no sort: a socket-heavy file spells tens of thousands).</summary>
        private static int[][] Find(ReadOnlySpan<char> text, string[] words)
        {
            var found = new int[words.Length][];
            List<int>? positions = null;
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i].AsSpan();
                for (var from = 0; from < text.Length;)
                {
                    var at = text.Slice(from).IndexOf(word);
                    if (at < 0)
                    {
                        break;
                    }

                    (positions ??= new()).Add(from + at);
                    from += at + 1;
                }

                found[i] = positions is { Count: > 0 } ? positions.ToArray() : Array.Empty<int>();
                positions?.Clear();
            }

            return found;
        }
    }
}
