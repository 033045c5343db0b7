using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortReuse.Analyzers.CodeFixes.Editing;

/// <summary>
/// The statement a fix may put new statements before or after: the one holding the bind, when it sits directly in a
/// block, a switch section or the top-level program (an embedded statement or an expression-bodied lambda has no room).
/// </summary>
internal static class InsertionPoint
{
    public static StatementSyntax? StatementAround(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    // The bind runs inside a lambda or local function whose statement we did not reach: no safe place.
                    return null;
                case StatementSyntax statement:
                    return statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax ? statement : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The node an editor inserts siblings next to: top-level statements are wrapped in GlobalStatementSyntax.</summary>
    public static SyntaxNode Anchor(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global : statement;

    /// <summary>Wraps a new statement the way its anchor's siblings are written.</summary>
    /// <remarks>
    /// A top-level statement starts at column 0 and ends on the anchor's own line break: with elastic trivia the formatter would separate
    /// global statements by a blank line, as it does members.
    /// </remarks>
    public static SyntaxNode Sibling(SyntaxNode anchor, StatementSyntax statement)
        => anchor is GlobalStatementSyntax
            ? SyntaxFactory.GlobalStatement(statement.WithoutTrivia()).WithTrailingTrivia(LineBreakOf(anchor))
            : statement;

    private static SyntaxTrivia LineBreakOf(SyntaxNode anchor)
    {
        foreach (var trivia in anchor.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>
    /// An expression that names the same socket wherever it is written again: identifiers and member chains of them
    /// (<c>s</c>, <c>this.socket</c>, <c>server.listener</c>), never calls or creations.
    /// </summary>
    public static bool IsStableReference(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
            => access.Name is IdentifierNameSyntax && IsStableReference(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsStableReference(parenthesized.Expression),
        _ => false,
    };
}
