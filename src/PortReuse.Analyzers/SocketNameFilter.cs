using System;
using System.Buffers;
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
    public static bool MayTouchSockets(SyntaxNode node) => Scan(node, model: null, symbols: null);

    /// <summary>
    /// True when the code names a socket type or option, or calls a <c>Bind</c>/<c>Start</c> that resolves to
    /// <c>Socket</c> or <c>TcpListener</c> (Task.Start, Process.Start, IConfiguration.Bind stay out).
    /// </summary>
    public static bool NeedsAnalysis(SyntaxNode node, SemanticModel model, SocketSymbols symbols) => Scan(node, model, symbols);

    // Every name the token scan below stops at ("SetSocketOption" contains "Socket").
    private static readonly string[] NamesInText = { "Socket", "TcpListener", "UdpClient", "ExclusiveAddressUse", "Bind", "Start" };

    private static bool Scan(SyntaxNode node, SemanticModel? model, SocketSymbols? symbols)
    {
        if (!TextMayName(node))
        {
            return false;
        }

        foreach (var token in node.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            switch (token.ValueText)
            {
                case "Socket" or "TcpListener" or "UdpClient" or "SetSocketOption" or "ExclusiveAddressUse":
                    return true;
                case "Bind" or "Start":
                    if (model is null || IsSocketMemberCall(token, node, model, symbols!))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// A vectorised search of the block's source text, before any token is visited: most blocks name none of the
    /// words, and walking their tokens cost more than the rest of the analyzer on code without sockets. A word inside a
    /// longer one or a comment only sends the block on to the token scan; a unicode escape could spell a name, so it does too.
    /// </summary>
    private static bool TextMayName(SyntaxNode node)
    {
        var span = node.Span;
        var buffer = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            node.SyntaxTree.GetText().CopyTo(span.Start, buffer, 0, span.Length);
            var text = new ReadOnlySpan<char>(buffer, 0, span.Length);
            if (text.IndexOf("\\u".AsSpan()) >= 0 || text.IndexOf("\\U".AsSpan()) >= 0)
            {
                return true;
            }

            foreach (var name in NamesInText)
            {
                if (text.IndexOf(name.AsSpan()) >= 0)
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

    private static bool IsSocketMemberCall(SyntaxToken name, SyntaxNode codeBlock, SemanticModel model, SocketSymbols symbols)
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

        // Declarations first: binding the call below re-binds the whole member.
        if (name.Parent?.Parent is MemberAccessExpressionSyntax { Expression: var receiver }
            && ReceiverEvidence.Judge(receiver, codeBlock, model, symbols) is not ReceiverVerdict.Unknown and var verdict)
        {
            return verdict == ReceiverVerdict.Socket;
        }

        var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        return symbols.KindOf(method?.ContainingType) is SocketKind.Socket or SocketKind.TcpListener;
    }
}
