using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PortReuse.Analyzers.CodeFixes.Editing;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.CodeFixes;

/// <summary>PR0001: make the reuse decision right before the bind — share the port (ReuseAddress) or own it (ExclusiveAddressUse).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReuseDecisionCodeFixProvider)), Shared]
public sealed class ReuseDecisionCodeFixProvider : SocketCodeFixProvider
{
    public const string SetReuseAddressKey = "PR0001.SetReuseAddress";
    public const string DeclareExclusiveKey = "PR0001.DeclareExclusive";

    private const string SetReuseAddressTitle = "Set ReuseAddress before Bind";
    private const string DeclareExclusiveTitle = "Declare exclusive address use";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingReuseDecision);

    protected override bool NeedsSemanticModel => true;

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        var statements = new ReuseStatements(SyntaxGenerator.GetGenerator(context.Document), model!.Compilation);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (Plan(node, diagnostic, model, statements, context.CancellationToken) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(EditAction(SetReuseAddressTitle, SetReuseAddressKey, context.Document, (editor, _) => plan.Apply(editor, exclusive: false)), diagnostic);
        context.RegisterCodeFix(EditAction(DeclareExclusiveTitle, DeclareExclusiveKey, context.Document, (editor, _) => plan.Apply(editor, exclusive: true)), diagnostic);
    }

    /// <summary>Where and on what the decision goes; null when no edit would compile.</summary>
    private static FixPlan? Plan(SyntaxNode node, Diagnostic diagnostic, SemanticModel model, ReuseStatements statements, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(SocketBindAnalyzer.BindKindProperty, out var kind);
        if (kind == nameof(BindSiteKind.BindingConstructor))
        {
            return node is BaseObjectCreationExpressionSyntax creation
                && UdpClientRewrite.TryCreate(creation, model, statements, cancellationToken) is { } rewrite
                    ? new FixPlan(rewrite, statements)
                    : null;
        }

        if (node is not InvocationExpressionSyntax invocation || InsertionPoint.StatementAround(invocation) is not { } statement)
        {
            return null;
        }

        var owner = kind == SocketBindAnalyzer.HelperCallKind
            ? ArgumentAt(invocation, diagnostic)
            : (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
        if (owner is null || !InsertionPoint.IsStableReference(owner))
        {
            return null;
        }

        return new FixPlan(statement, owner, model.GetTypeInfo(owner, cancellationToken).Type, statements);
    }

    private static ExpressionSyntax? ArgumentAt(InvocationExpressionSyntax invocation, Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(SocketBindAnalyzer.SocketArgumentProperty, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < invocation.ArgumentList.Arguments.Count
                ? invocation.ArgumentList.Arguments[index].Expression
                : null;

    /// <summary>Either "insert the decision before this statement" or "split this binding UdpClient constructor".</summary>
    private sealed class FixPlan
    {
        private readonly StatementSyntax? _statement;
        private readonly ExpressionSyntax? _owner;
        private readonly ITypeSymbol? _ownerType;
        private readonly UdpClientRewrite? _rewrite;
        private readonly ReuseStatements _statements;

        public FixPlan(StatementSyntax statement, ExpressionSyntax owner, ITypeSymbol? ownerType, ReuseStatements statements)
        {
            _statement = statement;
            _owner = owner;
            _ownerType = ownerType;
            _statements = statements;
        }

        public FixPlan(UdpClientRewrite rewrite, ReuseStatements statements)
        {
            _rewrite = rewrite;
            _statements = statements;
        }

        public void Apply(DocumentEditor editor, bool exclusive)
        {
            if (_rewrite is { } rewrite)
            {
                var client = rewrite.Client(editor.Generator);
                var choice = exclusive
                    ? _statements.DeclareExclusive(client)
                    : _statements.SetOption((ExpressionSyntax)editor.Generator.MemberAccessExpression(client, "Client"), "ReuseAddress");
                rewrite.Split(editor, _statements, choice);
                return;
            }

            var at = InsertionPoint.Anchor(_statement!);
            var decision = exclusive
                ? _statements.DeclareExclusive(_owner!)
                : _statements.SetOption(_statements.SocketOf(_owner!, _ownerType), "ReuseAddress");
            editor.InsertBefore(at, InsertionPoint.Sibling(at, decision));
        }
    }
}
