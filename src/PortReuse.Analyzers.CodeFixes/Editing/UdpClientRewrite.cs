using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.CodeFixes.Editing;

/// <summary>
/// A binding <c>UdpClient</c> constructor leaves no moment for a decision, so the fix splits it:
/// <c>var udp = new UdpClient(5000);</c> becomes the unbound constructor, the decision, and <c>udp.Client.Bind(…)</c>
/// on the same endpoint. Only offered for a local declaration whose endpoint family is known.
/// </summary>
internal sealed class UdpClientRewrite
{
    private const int InterNetwork = 2;
    private const int InterNetworkV6 = 23;

    private UdpClientRewrite(LocalDeclarationStatementSyntax declaration, BaseObjectCreationExpressionSyntax creation, ArgumentListSyntax unboundArguments, SyntaxNode endPoint)
    {
        Declaration = declaration;
        Creation = creation;
        UnboundArguments = unboundArguments;
        EndPoint = endPoint;
    }

    public LocalDeclarationStatementSyntax Declaration { get; }

    public BaseObjectCreationExpressionSyntax Creation { get; }

    /// <summary>The arguments of the unbound constructor: none, or the address family.</summary>
    public ArgumentListSyntax UnboundArguments { get; }

    /// <summary>The endpoint the original constructor bound, as an expression for <c>Bind</c>.</summary>
    public SyntaxNode EndPoint { get; }

    public string VariableName => Declaration.Declaration.Variables[0].Identifier.ValueText;

    /// <summary>The client variable, for the statements that go between the unbound constructor and the bind.</summary>
    public ExpressionSyntax Client(SyntaxGenerator generator) => (ExpressionSyntax)generator.IdentifierName(VariableName);

    /// <summary>
    /// Writes the split: the unbound constructor, then <paramref name="decision"/>, then <c>udp.Client.Bind(…)</c> on the
    /// endpoint the constructor bound.
    /// </summary>
    public void Split(DocumentEditor editor, ReuseStatements statements, StatementSyntax decision)
    {
        var clientSocket = (ExpressionSyntax)editor.Generator.MemberAccessExpression(Client(editor.Generator), "Client");
        editor.ReplaceNode(Creation, Creation.WithArgumentList(UnboundArguments));
        var anchor = InsertionPoint.Anchor(Declaration);
        editor.InsertAfter(anchor, new[]
        {
            InsertionPoint.Sibling(anchor, decision),
            InsertionPoint.Sibling(anchor, statements.Bind(clientSocket, (ExpressionSyntax)EndPoint)),
        });
    }

    public static UdpClientRewrite? TryCreate(BaseObjectCreationExpressionSyntax creation, SemanticModel model, ReuseStatements statements, CancellationToken cancellationToken)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } }
            || InsertionPoint.StatementAround(creation) != declaration
            || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor.Parameters: var parameters } operation
            || SocketSymbols.TryCreate(model.Compilation) is not { } symbols
            || operation.Arguments.Length != parameters.Length
            || creation.ArgumentList is null)
        {
            return null;
        }

        // By parameter, not by position: `new UdpClient(family: f, port: p)` is the (port, family) constructor.
        var values = operation.Arguments.InParameterOrder();
        var arguments = values.Select(a => a.Syntax).OfType<ArgumentSyntax>().ToArray();
        if (arguments.Length != values.Length)
        {
            return null; // A default value supplied by the compiler has no syntax to move.
        }

        var evaluator = new ValueEvaluator(symbols, model, cancellationToken);
        if (parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_Int32)
        {
            // UdpClient(port) binds IPv4 0.0.0.0:port.
            return new(declaration, creation, SyntaxFactory.ArgumentList(), WildcardEndPoint(statements, "Any", arguments[0].Expression));
        }

        if (parameters.Length == 2 && parameters[0].Type.SpecialType == SpecialType.System_Int32)
        {
            var wildcard = evaluator.Evaluate(values[1].Value, new FlowState()).Constant switch
            {
                InterNetwork => "Any",
                InterNetworkV6 => "IPv6Any",
                _ => null,
            };
            return wildcard is null
                ? null
                : new(declaration, creation, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(arguments[1].WithNameColon(null))), WildcardEndPoint(statements, wildcard, arguments[0].Expression));
        }

        if (parameters.Length == 1 && symbols.Is(parameters[0].Type, symbols.IPEndPoint))
        {
            var endPoint = arguments[0].Expression;
            var family = FamilyOf(endPoint, values[0].Value, evaluator, statements);
            return family is null
                ? null
                : new(declaration, creation, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(family))), endPoint.WithoutTrivia());
        }

        return null;
    }

    private static SyntaxNode WildcardEndPoint(ReuseStatements statements, string wildcard, ExpressionSyntax port)
        => SyntaxFactory.ObjectCreationExpression((TypeSyntax)statements.Type("System.Net.IPEndPoint"))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(statements.EnumMember("System.Net.IPAddress", wildcard)),
                SyntaxFactory.Argument(port.WithoutTrivia()),
            })));

    /// <summary>The family of the endpoint: read from a stable reference at run time, or known from its address now.</summary>
    private static ExpressionSyntax? FamilyOf(ExpressionSyntax endPoint, IOperation value, ValueEvaluator evaluator, ReuseStatements statements)
    {
        if (InsertionPoint.IsStableReference(endPoint))
        {
            return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, endPoint.WithoutTrivia(), SyntaxFactory.IdentifierName("AddressFamily"));
        }

        return evaluator.Evaluate(value, new FlowState()).Address switch
        {
            AddressKind.WildcardIPv4 or AddressKind.LoopbackIPv4 => statements.EnumMember("System.Net.Sockets.AddressFamily", "InterNetwork"),
            AddressKind.WildcardIPv6 or AddressKind.LoopbackIPv6 => statements.EnumMember("System.Net.Sockets.AddressFamily", "InterNetworkV6"),
            _ => null,
        };
    }
}
