using System;
using System.Buffers;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PortReuse.Analyzers;

/// <summary>
/// A node's source text in a pooled buffer, searched for words with the vectorised span search: far cheaper than
/// walking the node's tokens, which the analyzer then reads only where a word occurs. Dispose to return the buffer.
/// </summary>
internal readonly struct NodeText : IDisposable
{
    /// <summary>
    /// A unicode escape (<c>\u0053ocket</c>) spells an identifier without its letters: where one occurs, the text
    /// cannot tell which names are absent, and the code must be read token by token.
    /// </summary>
    public static readonly string[] UnicodeEscapes = { "\\u", "\\U" };

    private readonly SyntaxNode _node;
    private readonly char[] _buffer;
    private readonly int _length;

    public NodeText(SyntaxNode node, CancellationToken cancellationToken)
    {
        var span = node.Span;
        _node = node;
        _length = span.Length;
        _buffer = ArrayPool<char>.Shared.Rent(span.Length);
        node.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, _buffer, 0, span.Length);
    }

    private ReadOnlySpan<char> Chars => new(_buffer, 0, _length);

    /// <summary>Whether a name may be spelled with a unicode escape in the node (see <see cref="UnicodeEscapes"/>).</summary>
    public bool MayEscapeNames
    {
        get
        {
            foreach (var escape in UnicodeEscapes)
            {
                if (Chars.IndexOf(escape.AsSpan()) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The identifier tokens of the node whose text contains <paramref name="word"/>, in document order.</summary>
    public Identifiers IdentifiersSpelling(string word) => new(this, word);

    public void Dispose() => ArrayPool<char>.Shared.Return(_buffer);

    /// <summary>
    /// Each place the word occurs, read as the token there: a word inside a comment or a string is not an identifier,
    /// and one inside a longer name yields that name's token (callers compare its value).
    /// </summary>
    public struct Identifiers
    {
        private readonly NodeText _text;
        private readonly string _word;
        private int _at;

        public Identifiers(NodeText text, string word)
        {
            _text = text;
            _word = word;
            _at = -1;
            Current = default;
        }

        public SyntaxToken Current { get; private set; }

        public Identifiers GetEnumerator() => this;

        public bool MoveNext()
        {
            var chars = _text.Chars;
            while (_at + 1 < chars.Length)
            {
                var next = chars.Slice(_at + 1).IndexOf(_word.AsSpan());
                if (next < 0)
                {
                    break;
                }

                _at += next + 1;
                var position = _text._node.SpanStart + _at;
                var token = _text._node.FindToken(position);
                if (token.Span.Contains(position) && token.IsKind(SyntaxKind.IdentifierToken))
                {
                    Current = token;
                    return true;
                }
            }

            _at = chars.Length;
            return false;
        }
    }
}
