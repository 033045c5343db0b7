using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using PortReuse.Analyzers.CodeFixes.Editing;
using PortReuse.Analyzers.Rules;

namespace PortReuse.Analyzers.CodeFixes;

/// <summary>PR0004: keep one of the two contradicting options by removing the other's setting.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContradictingReuseOptionsCodeFixProvider)), Shared]
public sealed class ContradictingReuseOptionsCodeFixProvider : CodeFixProvider
{
    public const string KeepReuseAddressKey = "PR0004.KeepReuseAddress";
    public const string KeepExclusiveAddressUseKey = "PR0004.KeepExclusiveAddressUse";

    private const string KeepReuseAddressTitle = "Keep ReuseAddress (share the port)";
    private const string KeepExclusiveAddressUseTitle = "Keep ExclusiveAddressUse (own the port)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ContradictingReuseOptions);

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
            if (diagnostic.AdditionalLocations.Count != 2)
            {
                continue;
            }

            var reuse = Removable(root, diagnostic.AdditionalLocations[ContradictingReuseOptionsRule.ReuseAddressLocation]);
            var exclusive = Removable(root, diagnostic.AdditionalLocations[ContradictingReuseOptionsRule.ExclusiveAddressUseLocation]);
            if (exclusive is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(KeepReuseAddressTitle, ct => RemoveAsync(context.Document, exclusive, ct), KeepReuseAddressKey),
                    diagnostic);
            }

            if (reuse is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(KeepExclusiveAddressUseTitle, ct => RemoveAsync(context.Document, reuse, ct), KeepExclusiveAddressUseKey),
                    diagnostic);
            }
        }
    }

    private static SyntaxNode? Removable(SyntaxNode root, Location location)
        => ReuseOptionStatement.Removable(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true));

    private static async Task<Document> RemoveAsync(Document document, SyntaxNode setting, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.RemoveNode(setting);
        return await ReuseStatements.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
