using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace PortReuse.Analyzers.CodeFixes.Editing;

/// <summary>
/// The frame every PortReuse fix shares: the tree (and, when asked, the model) is read once per request, each
/// diagnostic is offered its actions, and every action edits through a <see cref="DocumentEditor"/> and ends with the
/// same import/simplify/format clean-up. Fix All is batched, so actions need constant equivalence keys.
/// </summary>
public abstract class SocketCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = NeedsSemanticModel
            ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false)
            : null;
        if (root is null || (NeedsSemanticModel && model is null))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            RegisterFixes(context, diagnostic, root, model);
        }
    }

    /// <summary>True when <see cref="RegisterFixes"/> reads the semantic model; otherwise it gets null.</summary>
    protected virtual bool NeedsSemanticModel => false;

    /// <summary>Registers this provider's actions for one diagnostic, or none where the edit would not compile.</summary>
    protected abstract void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model);

    /// <summary>An action that applies <paramref name="edit"/> and cleans up what it wrote.</summary>
    private protected static CodeAction EditAction(string title, string equivalenceKey, Document document, Action<DocumentEditor, ReuseStatements> edit)
        => CodeAction.Create(
            title,
            async cancellationToken =>
            {
                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                edit(editor, new ReuseStatements(editor.Generator, editor.SemanticModel.Compilation));
                return await ReuseStatements.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
            },
            equivalenceKey);
}
