using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// of a declaration binds on its own. Declarations are found by their names in the text where it is at hand. A field
/// or property declared in the type itself, and a method's parameter, are read from their declared symbols, which the
/// compiler made already; a local's written type is bound at the type's brace; a scope lookup costs more than all the
/// rest. Whatever this cannot decide is left to the caller's full check.
/// </summary>
internal static class ReceiverEvidence
{
    /// <param name="blockText">The code block's source text, or empty when a unicode escape may spell a name in it.</param>
    public static ReceiverVerdict Judge(ExpressionSyntax receiver, SyntaxNode codeBlock, ReadOnlySpan<char> blockText, SemanticModel model)
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
        var (local, coversCall) = mayBeLocal ? JudgeLocals(name, receiver, codeBlock, blockText, model, position) : (null, false);
        if (local is ReceiverVerdict.Socket or ReceiverVerdict.Unknown || coversCall)
        {
            return local!.Value;
        }

        // A local of that name may live in another scope than the call: the member must be clear too.
        return (local, JudgeMember(name, type, model, position) ?? JudgeInScope(name, model, position)) switch
        {
            (_, ReceiverVerdict.Socket) => ReceiverVerdict.Socket,
            (ReceiverVerdict.NotSocket, null) => ReceiverVerdict.NotSocket,
            (_, { } inScope) => inScope,
            _ => ReceiverVerdict.Unknown,
        };
    }

    /// <summary>Null when nothing of that name is in the type's scope.</summary>
    private static ReceiverVerdict? JudgeInScope(string name, SemanticModel model, int position)
    {
        // Binding the name alone costs less than a scope lookup; an instance member seen from outside every member
        // is a candidate (static/instance mismatch), not the symbol.
        var info = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsExpression);
        var found = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
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
            ? Classify(memberType)
            : ReceiverVerdict.Unknown;
    }

    /// <summary>
    /// The type of a field or property of that name declared in this part of the type: it hides every other member
    /// of that name, and C# allows no second one. Null when this part declares none.
    /// </summary>
    private static ReceiverVerdict? JudgeMember(string name, TypeDeclarationSyntax type, SemanticModel model, int position)
    {
        foreach (var member in type.Members)
        {
            var (declaration, written) = member switch
            {
                FieldDeclarationSyntax field when DeclaratorOf(field.Declaration, name) is { } variable => ((SyntaxNode?)variable, field.Declaration.Type),
                PropertyDeclarationSyntax property when property.Identifier.ValueText == name => (property, property.Type),
                _ => (null, null),
            };
            if (declaration is not null)
            {
                return model.GetDeclaredSymbol(declaration) is { } declared ? JudgeDeclared(declared) : JudgeWrittenType(written!, model, position);
            }
        }

        return null;
    }

    /// <summary>
    /// A field's, property's or method parameter's symbol already exists (the compiler declared it), and reading its
    /// type binds nothing: far cheaper than binding the written type again, which builds a binder map over the syntax.
    /// </summary>
    private static ReceiverVerdict JudgeDeclared(ISymbol declared) => declared switch
    {
        IFieldSymbol field => Classify(field.Type),
        IPropertySymbol property => Classify(property.Type),
        IParameterSymbol parameter => Classify(parameter.Type),
        _ => ReceiverVerdict.Unknown,
    };

    private static VariableDeclaratorSyntax? DeclaratorOf(VariableDeclarationSyntax declaration, string name)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
            {
                return variable;
            }
        }

        return null;
    }

    /// <summary>
    /// Null when no local or parameter of that name is declared in the block; Unknown when one is inferred. Covers the
    /// call when a declaration's scope holds it: C# allows no second local of that name inside, so the call binds to
    /// one of the locals judged and no member need be looked up.
    /// </summary>
    private static (ReceiverVerdict? Verdict, bool CoversCall) JudgeLocals(
        string name, ExpressionSyntax receiver, SyntaxNode codeBlock, ReadOnlySpan<char> blockText, SemanticModel model, int position)
    {
        ReceiverVerdict? verdict = null;
        var coversCall = false;
        foreach (var node in blockText.IsEmpty ? codeBlock.DescendantNodesAndSelf() : DeclarationsNamed(name, codeBlock, blockText))
        {
            if (!Declares(node, name, out var declaredType))
            {
                continue;
            }

            var judged = node is ParameterSyntax { Parent.Parent: BaseMethodDeclarationSyntax } parameter && model.GetDeclaredSymbol(parameter) is { } declared
                ? JudgeDeclared(declared)
                : declaredType is not null ? JudgeWrittenType(declaredType, model, position) : ReceiverVerdict.Unknown;

            // Locals of one name in different scopes: the block is clear only if every one of them is.
            if (judged != ReceiverVerdict.NotSocket)
            {
                return (judged, false);
            }

            verdict = judged;
            coversCall |= ScopeOf(node)?.Span.Contains(receiver.Span) == true;
        }

        return (verdict, coversCall);
    }

    /// <summary>Where a local or parameter declaration is visible, for the declarations whose scope is plain; null otherwise.</summary>
    private static SyntaxNode? ScopeOf(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement } => statement.Parent,
        ParameterSyntax { Parent: ParameterListSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or ParenthesizedLambdaExpressionSyntax } list } => list.Parent,
        ParameterSyntax { Parent: SimpleLambdaExpressionSyntax lambda } => lambda,
        _ => null,
    };

    /// <summary>The parents of the identifier tokens spelled <paramref name="name"/> in the block: every declaration of it is among them.</summary>
    private static List<SyntaxNode> DeclarationsNamed(string name, SyntaxNode codeBlock, ReadOnlySpan<char> blockText)
    {
        var found = new List<SyntaxNode>();
        var start = codeBlock.Span.Start;
        for (var at = blockText.IndexOf(name.AsSpan()); at >= 0; at = SocketNameFilter.NextOccurrence(blockText, name, at))
        {
            // A short name such as `s` occurs inside most words; only a whole word can be the identifier.
            var end = at + name.Length;
            if ((at > 0 && IsIdentifierPart(blockText[at - 1])) || (end < blockText.Length && IsIdentifierPart(blockText[end])))
            {
                continue;
            }

            var token = codeBlock.FindToken(start + at);
            if (token.Span.Contains(start + at) && token.ValueText == name && token.Parent is { } parent)
            {
                found.Add(parent);
            }
        }

        return found;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static ReceiverVerdict JudgeWrittenType(TypeSyntax written, SemanticModel model, int position)
        => model.GetSpeculativeTypeInfo(position, written, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { TypeKind: not TypeKind.Error } bound
            ? Classify(bound)
            : ReceiverVerdict.Unknown;

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

    private static ReceiverVerdict Classify(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol || type.TypeKind == TypeKind.Error)
        {
            // Its constraint may be a listener, or the name did not bind: let the full check decide.
            return ReceiverVerdict.Unknown;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SocketSymbols.IsSocketOrListener(current))
            {
                return ReceiverVerdict.Socket;
            }
        }

        return ReceiverVerdict.NotSocket;
    }
}
