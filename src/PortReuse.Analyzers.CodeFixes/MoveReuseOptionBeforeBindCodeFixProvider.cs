using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PortReuse.Analyzers.CodeFixes.Editing;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.CodeFixes;

/// <summary>PR0003: move the option set after the bind to just before it, when both are statements of one block.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveReuseOptionBeforeBindCodeFixProvider)), Shared]
public sealed class MoveReuseOptionBeforeBindCodeFixProvider : SocketCodeFixProvider
{
    public const string MoveBeforeBindKey = "PR0003.MoveBeforeBind";

    private const string MoveBeforeBindTitle = "Move before the bind";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReuseOptionAfterBind);

    protected override bool NeedsSemanticModel => true;

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        if (SocketSymbols.TryCreate(model!.Compilation) is not { } symbols)
        {
            return;
        }

        var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (ReuseOptionStatement.StatementOf(setting) is { } statement
            && ReuseOptionStatement.Receiver(setting) is { } receiver
            && InsertionPoint.IsStableReference(receiver)
            && BindBefore(statement, OwnerText(receiver), model, symbols, context.CancellationToken) is { } bind
            && !ReadsLocalDeclaredBetween(statement, bind, model, context.CancellationToken))
        {
            context.RegisterCodeFix(EditAction(MoveBeforeBindTitle, MoveBeforeBindKey, context.Document, (editor, _) => Move(editor, statement, bind)), diagnostic);
        }
    }

    /// <summary>The nearest earlier statement of the block that binds the same socket (Socket.Bind or TcpListener.Start).</summary>
    private static StatementSyntax? BindBefore(StatementSyntax statement, string owner, SemanticModel model, SocketSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var earlier in ReuseOptionStatement.EarlierSiblings(statement))
        {
            foreach (var call in earlier.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" or "Start" } access
                    && OwnerText(access.Expression) == owner
                    && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method
                    && symbols.KindOf(method.ContainingType) is SocketKind.Socket or SocketKind.TcpListener)
                {
                    // Only a bind written as its own statement can have the option put in front of it.
                    return InsertionPoint.StatementAround(call) == earlier ? earlier : null;
                }
            }
        }

        return null;
    }

    /// <summary><c>listener.Server</c> and <c>udp.Client</c> are their owner's socket.</summary>
    private static string OwnerText(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Server" or "Client" } owned
            ? OwnerText(owned.Expression)
            : expression.WithoutTrivia().ToString();

    /// <summary>Moving up must not read a local declared between the bind and the option.</summary>
    private static bool ReadsLocalDeclaredBetween(StatementSyntax statement, StatementSyntax bind, SemanticModel model, CancellationToken cancellationToken)
        => statement.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name =>
            model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Any(r => r.Span.Start >= bind.SpanStart && r.Span.Start < statement.SpanStart));

    private static void Move(DocumentEditor editor, StatementSyntax statement, StatementSyntax bind)
    {
        var anchor = InsertionPoint.Anchor(bind);
        var moved = InsertionPoint.Sibling(anchor, statement.WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation));
        editor.RemoveNode(InsertionPoint.Anchor(statement));
        editor.InsertBefore(anchor, moved);
    }
}
