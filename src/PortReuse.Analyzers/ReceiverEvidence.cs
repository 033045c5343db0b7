using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers;

/// <summary>What the declarations say about the receiver of a <c>Bind</c>/<c>Start</c> call.</summary>
internal enum ReceiverVerdict : byte
{
    /// <summary>Its declared type is not a socket or listener, nor derived from one: not a bind site.</summary>
    NotSocket,

    /// <summary>Its declared type is a socket or listener (or derived from one).</summary>
    Socket,

    /// <summary>Declared by inference or not found: only binding the call can tell.</summary>
    Unknown,
}

/// <summary>
/// Judges a call's receiver from its declaration — a local or parameter in the code block, else a member, type or
/// primary-constructor parameter looked up in the enclosing type's scope — without binding the method body. Asking
/// the semantic model about an expression inside a body makes it bind (and, with nullable on, flow-analyse) the whole
/// member again, which on code that never touches sockets cost more than everything else the analyzer does; the type
/// of a declaration binds on its own. Whatever this cannot decide is left to the caller's full check.
/// </summary>
internal static class ReceiverEvidence
{
    public static ReceiverVerdict Judge(ExpressionSyntax receiver, SyntaxNode codeBlock, SemanticModel model, SocketSymbols symbols)
    {
        var (name, mayBeLocal) = receiver switch
        {
            IdentifierNameSyntax id => (id.Identifier.ValueText, true),
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax id } => (id.Identifier.ValueText, false),
            _ => (null, false),
        };
        if (name is null || codeBlock.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { OpenBraceToken.IsMissing: false } type)
        {
            return ReceiverVerdict.Unknown;
        }

        // A position inside the type but outside every member: binding there never binds a method body.
        var position = type.OpenBraceToken.Span.End;
        var local = mayBeLocal ? JudgeLocals(name, codeBlock, model, position, symbols) : null;
        if (local is ReceiverVerdict.Socket or ReceiverVerdict.Unknown)
        {
            return local.Value;
        }

        // A local of that name may live in another scope than the call: the member must be clear too.
        return (local, JudgeInScope(name, model, position, symbols)) switch
        {
            (_, ReceiverVerdict.Socket) => ReceiverVerdict.Socket,
            (ReceiverVerdict.NotSocket, null) => ReceiverVerdict.NotSocket,
            (_, { } inScope) => inScope,
            _ => ReceiverVerdict.Unknown,
        };
    }

    /// <summary>Null when nothing of that name is in the type's scope.</summary>
    private static ReceiverVerdict? JudgeInScope(string name, SemanticModel model, int position, SocketSymbols symbols)
    {
        var found = model.LookupSymbols(position, name: name);
        if (found.Length == 0)
        {
            return null;
        }

        // Socket.Bind and TcpListener.Start are instance methods: a type or namespace receiver never binds a socket.
        if (found.All(s => s is INamespaceOrTypeSymbol))
        {
            return ReceiverVerdict.NotSocket;
        }

        return found.Length == 1 && found[0] switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        } is { } memberType
            ? Classify(memberType, symbols)
            : ReceiverVerdict.Unknown;
    }

    /// <summary>Null when no local or parameter of that name is declared in the block; Unknown when one is inferred.</summary>
    private static ReceiverVerdict? JudgeLocals(string name, SyntaxNode codeBlock, SemanticModel model, int position, SocketSymbols symbols)
    {
        ReceiverVerdict? verdict = null;
        foreach (var node in codeBlock.DescendantNodesAndSelf())
        {
            if (!Declares(node, name, out var declaredType))
            {
                continue;
            }

            var judged = declaredType is not null
                && model.GetSpeculativeTypeInfo(position, declaredType, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { TypeKind: not TypeKind.Error } bound
                    ? Classify(bound, symbols)
                    : ReceiverVerdict.Unknown;

            // Locals of one name in different scopes: the block is clear only if every one of them is.
            if (judged != ReceiverVerdict.NotSocket)
            {
                return judged;
            }

            verdict = judged;
        }

        return verdict;
    }

    /// <summary>Whether <paramref name="node"/> declares <paramref name="name"/>, and with which written type (null: inferred).</summary>
    private static bool Declares(SyntaxNode node, string name, out TypeSyntax? type)
    {
        (var declared, type) = node switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator
                => (declarator.Identifier, declaration.Type.IsVar ? (declarator.Initializer?.Value as ObjectCreationExpressionSyntax)?.Type : declaration.Type),
            ParameterSyntax parameter => (parameter.Identifier, parameter.Type),
            SingleVariableDesignationSyntax designation => (designation.Identifier, (designation.Parent as DeclarationPatternSyntax)?.Type),
            ForEachStatementSyntax loop => (loop.Identifier, loop.Type.IsVar ? null : loop.Type),
            CatchDeclarationSyntax @catch => (@catch.Identifier, @catch.Type),
            FromClauseSyntax from => (from.Identifier, null),
            LetClauseSyntax let => (let.Identifier, null),
            JoinClauseSyntax join => (join.Identifier, null),
            JoinIntoClauseSyntax into => (into.Identifier, null),
            QueryContinuationSyntax continuation => (continuation.Identifier, null),
            LocalFunctionStatementSyntax function => (function.Identifier, null),
            _ => (default(SyntaxToken), (TypeSyntax?)null),
        };
        return declared.ValueText == name;
    }

    private static ReceiverVerdict Classify(ITypeSymbol type, SocketSymbols symbols)
    {
        if (type is ITypeParameterSymbol)
        {
            // Its constraint may be a listener; let the full check decide.
            return ReceiverVerdict.Unknown;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (symbols.KindOf(current) is SocketKind.Socket or SocketKind.TcpListener)
            {
                return ReceiverVerdict.Socket;
            }
        }

        return ReceiverVerdict.NotSocket;
    }
}
