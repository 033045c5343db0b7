using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortReuse.Analyzers.Flow;

/// <summary>What a field's (or property's) own type does with the socket it stores, read from syntax.</summary>
internal enum FieldVerdict : byte
{
    /// <summary>Not created in its type, or handed elsewhere: provenance unknown, stay quiet.</summary>
    Unknown,

    /// <summary>Created in its type and no reuse decision anywhere in the type.</summary>
    CreatedUndecided,

    /// <summary>A reuse decision on it exists somewhere in the type; order across members cannot be known.</summary>
    DecidedSomewhere,

    /// <summary>Only ever created on port 0.</summary>
    EphemeralOnly,
}

/// <summary>
/// For a socket field bound in one method but created or configured in another (a constructor, an Init method),
/// flow analysis cannot order the members, so the verdict reads the whole type. Cached per compilation.
/// </summary>
internal sealed class FieldProvenance
{
    private readonly ConcurrentDictionary<ISymbol, FieldVerdict> _cache = new(SymbolEqualityComparer.Default);

    public FieldVerdict Judge(ISymbol member, CancellationToken cancellationToken)
        => _cache.TryGetValue(member, out var verdict)
            ? verdict
            : _cache.GetOrAdd(member, Compute(member, cancellationToken));

    private static FieldVerdict Compute(ISymbol member, CancellationToken cancellationToken)
    {
        var name = member.Name;
        var tally = new Tally { OnlyEphemeral = true };
        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            var type = reference.GetSyntax(cancellationToken);
            using var text = new NodeText(type, cancellationToken);
            if (text.MayEscapeNames)
            {
                foreach (var node in type.DescendantNodes())
                {
                    if (Read(node, name, ref tally) is { } verdict)
                    {
                        return verdict;
                    }
                }

                continue;
            }

            // Every node the reading below stops at holds an identifier spelled as the member: found through the text,
            // in document order as the node walk would meet them, without building the type's other nodes.
            foreach (var token in text.IdentifiersSpelling(name))
            {
                if (token.ValueText == name && token.Parent is { } node && Read(node, name, ref tally) is { } verdict)
                {
                    return verdict;
                }
            }
        }

        return !tally.Created ? FieldVerdict.Unknown : tally.OnlyEphemeral ? FieldVerdict.EphemeralOnly : FieldVerdict.CreatedUndecided;
    }

    /// <summary>What the nodes read so far said: the member is created in its type, and only ever on port 0.</summary>
    private struct Tally
    {
        public bool Created;
        public bool OnlyEphemeral;

        public void Creation(ExpressionSyntax creation)
        {
            Created = true;
            OnlyEphemeral &= IsEphemeral(creation);
        }
    }

    /// <summary>Reads one node about the member; a verdict when the node settles it.</summary>
    private static FieldVerdict? Read(SyntaxNode node, string name, ref Tally tally)
    {
        switch (node)
        {
            case IdentifierNameSyntax id when id.Identifier.ValueText == name:
                if (IsDecisionOn(id))
                {
                    return FieldVerdict.DecidedSomewhere;
                }

                if (IsArgument(id))
                {
                    return FieldVerdict.Unknown;
                }

                if (AssignedCreation(id) is { } creation)
                {
                    tally.Creation(creation);
                    if (HasDecisionInInitializer(creation))
                    {
                        return FieldVerdict.DecidedSomewhere;
                    }
                }

                break;
            case VariableDeclaratorSyntax { Initializer.Value: var value } declarator
                when declarator.Identifier.ValueText == name && IsSocketCreation(value):
                tally.Creation(value);
                if (HasDecisionInInitializer(value))
                {
                    return FieldVerdict.DecidedSomewhere;
                }

                break;
            case PropertyDeclarationSyntax { Initializer.Value: var value } property
                when property.Identifier.ValueText == name && IsSocketCreation(value):
                tally.Creation(value);
                break;
        }

        return null;
    }

    /// <summary><c>f.SetSocketOption(…ReuseAddress|ExclusiveAddressUse…)</c>, <c>f.ExclusiveAddressUse = …</c>, through <c>.Server</c>/<c>.Client</c> too.</summary>
    private static bool IsDecisionOn(IdentifierNameSyntax id)
    {
        SyntaxNode expression = WholeReference(id);
        if (expression.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Server" or "Client" } owner && owner.Expression == expression)
        {
            expression = owner;
        }

        if (expression.Parent is not MemberAccessExpressionSyntax access || access.Expression != expression)
        {
            return false;
        }

        return access.Name.Identifier.ValueText switch
        {
            "ExclusiveAddressUse" => access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access,
            "SetSocketOption" => access.Parent is InvocationExpressionSyntax invocation && NamesReuseOption(invocation.ArgumentList),
            _ => false,
        };
    }

    /// <summary><c>this._socket</c> for the <c>_socket</c> in it; the name itself otherwise.</summary>
    private static SyntaxNode WholeReference(IdentifierNameSyntax id)
        => id.Parent is MemberAccessExpressionSyntax access && access.Name == id ? access : id;

    private static bool NamesReuseOption(SyntaxNode node)
        => node.DescendantTokens().Any(t => t.ValueText is "ReuseAddress" or "ExclusiveAddressUse");

    private static bool IsArgument(IdentifierNameSyntax id)
    {
        var expression = WholeReference(id);
        return expression.Parent is ArgumentSyntax;
    }

    private static ExpressionSyntax? AssignedCreation(IdentifierNameSyntax id)
    {
        var target = WholeReference(id);
        return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target && IsSocketCreation(assignment.Right)
            ? assignment.Right
            : null;
    }

    private static bool IsSocketCreation(ExpressionSyntax value) => value switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => LastName(type) is "Socket" or "TcpListener" or "UdpClient",
        ImplicitObjectCreationExpressionSyntax => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create", Expression: var owner } }
            => LastName(owner) == "TcpListener",
        _ => false,
    };

    private static string? LastName(SyntaxNode type) => type switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A listener or UDP client created with a literal port 0 never binds a fixed port.</summary>
    private static bool IsEphemeral(ExpressionSyntax creation)
    {
        var arguments = creation switch
        {
            BaseObjectCreationExpressionSyntax c => c.ArgumentList?.Arguments,
            InvocationExpressionSyntax i => i.ArgumentList.Arguments,
            _ => null,
        };
        if (arguments is not { Count: > 0 } list)
        {
            // new Socket(...) binds later, at a Bind whose endpoint the bind site itself evaluates.
            return false;
        }

        return list.Any(a => a.Expression is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.NumericLiteralExpression)
            && literal.Token.Value is 0);
    }

    private static bool HasDecisionInInitializer(ExpressionSyntax creation)
        => creation is BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
            && initializer.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ExclusiveAddressUse" } });
}
