using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace PortReuse.Analyzers.CodeFixes.Editing;

/// <summary>Builds the statements that make a reuse decision, with type names the simplifier shortens and imports.</summary>
internal sealed class ReuseStatements
{
    private readonly SyntaxGenerator _generator;
    private readonly Compilation _compilation;

    public ReuseStatements(SyntaxGenerator generator, Compilation compilation)
    {
        _generator = generator;
        _compilation = compilation;
    }

    /// <summary>The socket behind a Socket, TcpListener (<c>.Server</c>) or UdpClient (<c>.Client</c>) expression.</summary>
    public ExpressionSyntax SocketOf(ExpressionSyntax owner, ITypeSymbol? ownerType)
    {
        var member = ownerType?.Name switch
        {
            "TcpListener" => "Server",
            "UdpClient" => "Client",
            _ => null,
        };
        var clean = owner.WithoutTrivia();
        return member is null ? clean : (ExpressionSyntax)_generator.MemberAccessExpression(clean, member);
    }

    /// <summary><c>socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.{option}, true);</c></summary>
    public StatementSyntax SetOption(ExpressionSyntax socket, string option)
        => Finish(_generator.ExpressionStatement(_generator.InvocationExpression(
            _generator.MemberAccessExpression(socket, "SetSocketOption"),
            EnumMember("System.Net.Sockets.SocketOptionLevel", "Socket"),
            EnumMember("System.Net.Sockets.SocketOptionName", option),
            _generator.TrueLiteralExpression())));

    /// <summary><c>owner.ExclusiveAddressUse = true;</c></summary>
    public StatementSyntax DeclareExclusive(ExpressionSyntax owner)
        => Finish(_generator.ExpressionStatement(_generator.AssignmentStatement(
            _generator.MemberAccessExpression(owner.WithoutTrivia(), "ExclusiveAddressUse"),
            _generator.TrueLiteralExpression())));

    /// <summary><c>socket.Bind(endPoint);</c></summary>
    public StatementSyntax Bind(ExpressionSyntax socket, ExpressionSyntax endPoint)
        => Finish(_generator.ExpressionStatement(_generator.InvocationExpression(
            _generator.MemberAccessExpression(socket, "Bind"),
            endPoint.WithoutTrivia())));

    /// <summary><c>Type.Member</c> for a type in System.Net/System.Net.Sockets, imported if the file lacks it.</summary>
    public ExpressionSyntax EnumMember(string typeMetadataName, string member)
        => (ExpressionSyntax)_generator.MemberAccessExpression(Type(typeMetadataName), member);

    public SyntaxNode Type(string typeMetadataName)
        => _compilation.GetTypeByMetadataName(typeMetadataName) is { } type
            ? _generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
            : SyntaxFactory.ParseTypeName("global::" + typeMetadataName).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>Adds the usings the new type names need, then shortens and formats only what the fix wrote.</summary>
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static StatementSyntax Finish(SyntaxNode statement)
        => ((StatementSyntax)statement).WithAdditionalAnnotations(Formatter.Annotation);
}
