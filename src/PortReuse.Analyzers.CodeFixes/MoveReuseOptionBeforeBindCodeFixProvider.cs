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

/// <summary>
/// PR0003: move the option set after the bind to just before it, when both are statements of one block; after a binding
/// <c>UdpClient</c> constructor, split the constructor so the option can go before the bind.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveReuseOptionBeforeBindCodeFixProvider)), Shared]
public sealed class MoveReuseOptionBeforeBindCodeFixProvider : SocketCodeFixProvider
{
    public const string MoveBeforeBindKey = "PR0003.MoveBeforeBind";

    public const string SplitConstructorKey = "PR0003.SplitConstructor";

    private const string MoveBeforeBindTitle = "Move before the bind";

    private const string SplitConstructorTitle = "Move before the bind (split the binding UdpClient constructor)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ReuseOptionAfterBind);

    protected override bool NeedsSemanticModel => true;

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        if (SocketSymbols.TryCreate(model!.Compilation) is not { } symbols)
        {
            return;
        }

        var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (ReuseOptionStatement.StatementOf(setting) is not { } statement
            || ReuseOptionStatement.Receiver(setting) is not { } receiver
            || !InsertionPoint.IsStableReference(receiver)
            || BindBefore(statement, OwnerText(receiver), model, symbols, context.CancellationToken) is not { } bind)
        {
            return;
        }

        if (bind is LocalDeclarationStatementSyntax declaration && SingleVariable(declaration)?.Initializer?.Value is BaseObjectCreationExpressionSyntax creation)
        {
            // `var udp = new UdpClient(port);` bound in its constructor: nothing can go before that, so the constructor
            // is split (as PR0001's fix does) and the setting moves between the unbound client and its Bind.
            var statements = new ReuseStatements(SyntaxGenerator.GetGenerator(context.Document), model.Compilation);
            if (!ReadsLocalDeclaredBetween(statement, bind.Span.End, model, context.CancellationToken)
                && UdpClientRewrite.TryCreate(creation, model, statements, context.CancellationToken) is { } rewrite)
            {
                context.RegisterCodeFix(EditAction(SplitConstructorTitle, SplitConstructorKey, context.Document, (editor, edits) => SplitAndMove(editor, edits, rewrite, statement)), diagnostic);
            }

            return;
        }

        if (!ReadsLocalDeclaredBetween(statement, bind.SpanStart, model, context.CancellationToken))
        {
            context.RegisterCodeFix(EditAction(MoveBeforeBindTitle, MoveBeforeBindKey, context.Document, (editor, _) => Move(editor, statement, bind)), diagnostic);
        }
    }

    /// <summary>
    /// The nearest earlier statement of the block that binds the same socket: a Socket.Bind or TcpListener.Start
    /// statement, or the declaration of a UdpClient whose constructor may bind (the rewrite checks it does).
    /// </summary>
    private static StatementSyntax? BindBefore(StatementSyntax statement, string owner, SemanticModel model, SocketSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var earlier in ReuseOptionStatement.EarlierSiblings(statement))
        {
            if (earlier.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>().Any(a => OwnerText(a.Left) == owner))
            {
                return null; // Another socket from here on: the bind before this is not the one reported.
            }

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

            if (earlier is LocalDeclarationStatementSyntax declaration
                && SingleVariable(declaration) is { Initializer.Value: var value } variable
                && variable.Identifier.ValueText == owner)
            {
                // Declared here: nothing earlier can have bound it.
                return value is BaseObjectCreationExpressionSyntax
                    && model.GetSymbolInfo(value, cancellationToken).Symbol is IMethodSymbol constructor
                    && symbols.KindOf(constructor.ContainingType) is SocketKind.UdpClient
                        ? earlier
                        : null;
            }
        }

        return null;
    }

    private static VariableDeclaratorSyntax? SingleVariable(LocalDeclarationStatementSyntax declaration)
        => declaration.Declaration.Variables.Count == 1 ? declaration.Declaration.Variables[0] : null;

    /// <summary><c>listener.Server</c> and <c>udp.Client</c> are their owner's socket.</summary>
    private static string OwnerText(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Server" or "Client" } owned
            ? OwnerText(owned.Expression)
            : expression.WithoutTrivia().ToString();

    /// <summary>Moving up must not read a local declared between <paramref name="from"/> and the option.</summary>
    private static bool ReadsLocalDeclaredBetween(StatementSyntax statement, int from, SemanticModel model, CancellationToken cancellationToken)
        => statement.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name =>
            model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Any(r => r.Span.Start >= from && r.Span.Start < statement.SpanStart));

    private static void SplitAndMove(DocumentEditor editor, ReuseStatements statements, UdpClientRewrite rewrite, StatementSyntax statement)
    {
        editor.RemoveNode(InsertionPoint.Anchor(statement));
        rewrite.Split(editor, statements, statement.WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static void Move(DocumentEditor editor, StatementSyntax statement, StatementSyntax bind)
    {
        var anchor = InsertionPoint.Anchor(bind);
        var moved = InsertionPoint.Sibling(anchor, statement.WithoutLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation));
        editor.RemoveNode(InsertionPoint.Anchor(statement));
        editor.InsertBefore(anchor, moved);
    }
}
