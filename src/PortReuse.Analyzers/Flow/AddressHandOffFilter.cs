using System;
using System.Buffers;
using Microsoft.CodeAnalysis;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// The cheap path for blocks that name no socket but may hand a helper the address it binds
/// (<c>Start(int port) =&gt; Start(IPAddress.Any, port)</c>): only a block that spells an address is walked.
/// </summary>
/// <remarks>Kept beside <see cref="SocketNameFilter"/> rather than in it while that filter's performance work is under way.</remarks>
internal static class AddressHandOffFilter
{
    private static readonly string[] AddressWords = { "IPAddress", "IPEndPoint", "0.0.0.0", "\"::\"" };

    public static bool MaySpellAddress(SyntaxNode block)
    {
        var span = block.Span;
        var buffer = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            block.SyntaxTree.GetText().CopyTo(span.Start, buffer, 0, span.Length);
            var text = new ReadOnlySpan<char>(buffer, 0, span.Length);
            foreach (var word in AddressWords)
            {
                if (text.IndexOf(word.AsSpan()) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
