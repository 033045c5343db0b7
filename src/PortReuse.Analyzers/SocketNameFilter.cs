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

    private static bool Scan(SyntaxNode node, SemanticModel? model, SocketSymbols? symbols)
    {
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
