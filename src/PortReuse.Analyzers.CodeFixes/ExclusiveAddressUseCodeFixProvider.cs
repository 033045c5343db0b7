using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PortReuse.Analyzers.CodeFixes.Editing;

namespace PortReuse.Analyzers.CodeFixes;

/// <summary>PR0005: a server that must own its port declares exclusive use instead of sharing it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExclusiveAddressUseCodeFixProvider)), Shared]
public sealed class ExclusiveAddressUseCodeFixProvider : SocketCodeFixProvider
{
    public const string DeclareExclusiveKey = "PR0005.DeclareExclusive";

    private const string DeclareExclusiveTitle = "Declare exclusive address use";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReuseAddressSharesPort);

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        // Only `socket.SetSocketOption(…, ReuseAddress, true);` as a statement: Socket has the ExclusiveAddressUse property.
        var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (setting is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetSocketOption" } }
            && ReuseOptionStatement.StatementOf(setting) is { } statement
            && ReuseOptionStatement.Receiver(setting) is { } socket)
        {
            context.RegisterCodeFix(
                EditAction(DeclareExclusiveTitle, DeclareExclusiveKey, context.Document, (editor, statements) =>
                    editor.ReplaceNode(statement, statements.DeclareExclusive(socket).WithTriviaFrom(statement))),
                diagnostic);
        }
    }
}
