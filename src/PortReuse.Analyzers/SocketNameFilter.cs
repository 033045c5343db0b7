using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers;

/// <summary>
/// The cheap path. <c>Socket</c> resolves in every .NET project, so the analyzer reads identifiers first and asks the
/// semantic model only where a socket member or type is named.
/// </summary>
internal static class SocketNameFilter
{
    /// <summary>True when the code names a socket type or a reuse option (no semantic check needed).</summary>
    public static bool MayTouchSockets(SyntaxNode node, SpelledWords words, CancellationToken cancellationToken)
        => Scan(node, model: null, words, cancellationToken);

    /// <summary>
    /// True when the code names a socket type or option, calls a <c>Bind</c>/<c>Start</c> that resolves to
    /// <c>Socket</c> or <c>TcpListener</c> (Task.Start, Process.Start, IConfiguration.Bind stay out), or spells an
    /// address it may hand a helper that binds it (<c>Start(int port) =&gt; Start(IPAddress.Any, port)</c>).
    /// </summary>
    public static bool NeedsAnalysis(SyntaxNode node, SemanticModel model, SpelledWords words, CancellationToken cancellationToken)
        => Scan(node, model, words, cancellationToken);

    /// <summary>
    /// Where the tree's text spells none of the words within the block (most blocks), nothing of the block is read.
    /// Where one occurs, only the token at that place is read (a word inside a longer name, a comment or a string is
    /// not an identifier), so a long block that calls one <c>Start</c> costs one token lookup, not a walk of all its
    /// tokens; a block where a unicode escape may spell a name is read token by token.
    /// </summary>
    private static bool Scan(SyntaxNode node, SemanticModel? model, SpelledWords words, CancellationToken cancellationToken)
    {
        var span = node.Span;
        var inTree = words.Of(node.SyntaxTree, cancellationToken);

        // A block that spells an address is walked whatever it calls: no call needs binding first.
        if (model is not null && inTree.SpellsAddressIn(span))
        {
            return true;
        }

        if (inTree.MayEscapeNamesIn(span))
        {
            return ScanAllTokens(node, model);
        }

        for (var name = 0; name < inTree.NameCount; name++)
        {
            foreach (var position in inTree.NameIn(name, span))
            {
                var token = node.FindToken(position);
                if (token.Span.Contains(position) && IsSocketName(token, model))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ScanAllTokens(SyntaxNode node, SemanticModel? model)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (IsSocketName(token, model))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSocketName(SyntaxToken token, SemanticModel? model)
    {
        if (!token.IsKind(SyntaxKind.IdentifierToken))
        {
            return false;
        }

        return token.ValueText switch
        {
            "Socket" or "TcpListener" or "UdpClient" or "SetSocketOption" or "ExclusiveAddressUse" => true,
            "Bind" or "Start" => model is null || IsSocketMemberCall(token, model),
            _ => false,
        };
    }

    private static bool IsSocketMemberCall(SyntaxToken name, SemanticModel model)
    {
        // s.Bind(...) or s?.Bind(...)
        var invocation = name.Parent?.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name.Parent => access.Parent as InvocationExpressionSyntax,
            MemberBindingExpressionSyntax binding => binding.Parent as InvocationExpressionSyntax,
            _ => null,
        };
        if (invocation is null)
        {
            return false;
        }

        // The semantic model the driver hands a code block action holds the bound body the compiler just built, so
        // this reads what was bound (measured: judging the receiver from its declarations instead, with speculative
        // binding at the type's brace, cost twice as much CPU on the plain corpus).
        var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        return SocketSymbols.IsSocketOrListener(method?.ContainingType);
    }
}
