using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PortReuse.Analyzers.CodeFixes.Editing;
using PortReuse.Analyzers.Rules;

namespace PortReuse.Analyzers.CodeFixes;

/// <summary>PR0002: bind to the loopback address of the wildcard's family instead of every interface.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardAddressCodeFixProvider)), Shared]
public sealed class WildcardAddressCodeFixProvider : SocketCodeFixProvider
{
    public const string BindToLoopbackKey = "PR0002.BindToLoopback";

    private const string BindToLoopbackTitle = "Bind to loopback";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WildcardAddress);

    protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel? model)
    {
        if (diagnostic.AdditionalLocations.Count == 1
            && diagnostic.Properties.TryGetValue(WildcardAddressEdit.Property, out var edit) && edit is not null
            && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is { } target
            && IsApplicable(edit, target))
        {
            var loopback = diagnostic.Properties.TryGetValue(WildcardAddressEdit.FamilyProperty, out var family) && family == WildcardAddressEdit.IPv6
                ? "IPv6Loopback"
                : "Loopback";
            context.RegisterCodeFix(
                EditAction(BindToLoopbackTitle, BindToLoopbackKey, context.Document, (editor, statements) => Rewrite(editor, statements, edit, target, loopback)),
                diagnostic);
        }
    }

    /// <summary>The analyzer names the node; the fix still checks its shape so the rewrite compiles.</summary>
    private static bool IsApplicable(string edit, SyntaxNode target) => edit switch
    {
        WildcardAddressEdit.ReplaceAddress => target is ExpressionSyntax,
        WildcardAddressEdit.PortToEndPoint => target is ArgumentListSyntax { Arguments.Count: 1 or 2 },
        WildcardAddressEdit.PortToAddressAndPort => target is ArgumentListSyntax { Arguments.Count: 1 },
        WildcardAddressEdit.CreateToConstructor => target is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 },
        _ => false,
    };

    private static void Rewrite(DocumentEditor editor, ReuseStatements statements, string edit, SyntaxNode target, string loopback)
    {
        var address = statements.EnumMember("System.Net.IPAddress", loopback);
        SyntaxNode replacement = edit switch
        {
            WildcardAddressEdit.ReplaceAddress => address,
            WildcardAddressEdit.PortToEndPoint => Arguments(EndPoint(statements, address, PortOf((ArgumentListSyntax)target))),
            WildcardAddressEdit.PortToAddressAndPort => Arguments(address, PortOf((ArgumentListSyntax)target)),
            _ => SyntaxFactory.ObjectCreationExpression((TypeSyntax)statements.Type("System.Net.Sockets.TcpListener"))
                .WithArgumentList(Arguments(address, PortOf(((InvocationExpressionSyntax)target).ArgumentList))),
        };
        editor.ReplaceNode(target, replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static ExpressionSyntax PortOf(ArgumentListSyntax arguments)
    {
        // A named port argument may come second: pick it by name, else the first.
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "port")
            {
                return argument.Expression.WithoutTrivia();
            }
        }

        return arguments.Arguments[0].Expression.WithoutTrivia();
    }

    private static ExpressionSyntax EndPoint(ReuseStatements statements, ExpressionSyntax address, ExpressionSyntax port)
        => SyntaxFactory.ObjectCreationExpression((TypeSyntax)statements.Type("System.Net.IPEndPoint")).WithArgumentList(Arguments(address, port));

    private static ArgumentListSyntax Arguments(params ExpressionSyntax[] expressions)
    {
        var list = SyntaxFactory.SeparatedList<ArgumentSyntax>();
        foreach (var expression in expressions)
        {
            list = list.Add(SyntaxFactory.Argument(expression));
        }

        return SyntaxFactory.ArgumentList(list);
    }
}
