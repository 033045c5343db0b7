using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortReuse.Analyzers.CodeFixes.Editing;

/// <summary>
/// A reuse option set as a statement of its own (<c>s.SetSocketOption(…);</c>, <c>s.ExclusiveAddressUse = v;</c>) or as
/// an object-initializer entry — the shapes the PR0003–PR0005 fixes can move, remove or rewrite.
/// </summary>
internal static class ReuseOptionStatement
{
    /// <summary>The statement that is exactly this setting, when it sits where statements can be moved or removed.</summary>
    public static ExpressionStatementSyntax? StatementOf(SyntaxNode setting)
        => setting.Parent is ExpressionStatementSyntax statement && InsertionPoint.StatementAround(setting) == statement ? statement : null;

    /// <summary>The expression whose option is set: <c>s</c> in <c>s.SetSocketOption(…)</c> or <c>s.ExclusiveAddressUse = …</c>.</summary>
    public static ExpressionSyntax? Receiver(SyntaxNode setting) => setting switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } => access.Expression,
        _ => null,
    };

    /// <summary>The statements written before <paramref name="statement"/> in its block, nearest first.</summary>
    public static IEnumerable<StatementSyntax> EarlierSiblings(StatementSyntax statement)
    {
        var anchor = InsertionPoint.Anchor(statement);
        IEnumerable<SyntaxNode> siblings = anchor.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            CompilationUnitSyntax unit => unit.Members,
            _ => Enumerable.Empty<SyntaxNode>(),
        };
        return siblings
            .TakeWhile(s => s != anchor)
            .Reverse()
            .Select(s => s is GlobalStatementSyntax global ? global.Statement : s as StatementSyntax)
            .Where(s => s is not null)!;
    }

    /// <summary>Removes the setting: its whole statement, or its entry in an object initializer.</summary>
    public static SyntaxNode? Removable(SyntaxNode setting)
        => StatementOf(setting) is { } statement ? InsertionPoint.Anchor(statement)
            : setting is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } ? setting
            : null;
}
