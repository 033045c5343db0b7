using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PortReuse.Analyzers.Tests.Verifiers;

/// <summary>Stands in for a fix provider when a test checks an analyzer alone.</summary>
public sealed class NoFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray<string>.Empty;

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
}
