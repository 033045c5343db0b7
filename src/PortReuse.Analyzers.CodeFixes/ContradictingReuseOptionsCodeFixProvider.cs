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
public sealed class ContradictingReuseOptionsCodeFixProvider : SocketCodeFixProvider
{
    public const string KeepReuseAddressKey = "PR0004.KeepReuseAddress";
    public const string KeepExclusiveAddressUseKey = "PR0004.KeepExclusiveAddressUse";

    private const string KeepReuseAddressTitle = "Keep ReuseAddress (share the port)";
    private const string KeepExclusiveAddressUseTitle = "Keep ExclusiveAddressUse (own the port)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ContradictingReuseOptions);

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        if (diagnostic.AdditionalLocations.Count != 2)
        {
            return;
        }

        var reuse = Removable(root, diagnostic.AdditionalLocations[ContradictingReuseOptionsRule.ReuseAddressLocation]);
        var exclusive = Removable(root, diagnostic.AdditionalLocations[ContradictingReuseOptionsRule.ExclusiveAddressUseLocation]);
        if (exclusive is not null)
        {
            context.RegisterCodeFix(EditAction(KeepReuseAddressTitle, KeepReuseAddressKey, context.Document, (editor, _) => editor.RemoveNode(exclusive)), diagnostic);
        }

        if (reuse is not null)
        {
            context.RegisterCodeFix(EditAction(KeepExclusiveAddressUseTitle, KeepExclusiveAddressUseKey, context.Document, (editor, _) => editor.RemoveNode(reuse)), diagnostic);
        }
    }

    private static SyntaxNode? Removable(SyntaxNode root, Location location)
        => ReuseOptionStatement.Removable(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true));
}
