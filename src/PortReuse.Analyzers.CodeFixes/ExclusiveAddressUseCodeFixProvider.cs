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
public sealed class ExclusiveAddressUseCodeFixProvider : CodeFixProvider
{
    public const string DeclareExclusiveKey = "PR0005.DeclareExclusive";

    private const string DeclareExclusiveTitle = "Declare exclusive address use";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReuseAddressSharesPort);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only `socket.SetSocketOption(…, ReuseAddress, true);` as a statement: Socket has the ExclusiveAddressUse property.
            var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (setting is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetSocketOption" } }
                && ReuseOptionStatement.StatementOf(setting) is { } statement
                && ReuseOptionStatement.Receiver(setting) is { } socket)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(DeclareExclusiveTitle, ct => ReplaceAsync(context.Document, statement, socket, ct), DeclareExclusiveKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, StatementSyntax statement, ExpressionSyntax socket, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var statements = new ReuseStatements(editor.Generator, editor.SemanticModel.Compilation);
        editor.ReplaceNode(statement, statements.DeclareExclusive(socket).WithTriviaFrom(statement));
        return await ReuseStatements.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
