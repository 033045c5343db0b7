using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PortReuse.Analyzers.CodeFixes;

namespace PortReuse.Analyzers.Tests.Meta;

/// <summary>Every analyzer and fixer the package ships, found by reflection so a new rule is checked without being listed.</summary>
internal static class AnalyzerCatalog
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> NetReferences = new(
        () => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static IReadOnlyList<Type> AnalyzerTypes { get; } = ConcreteTypes<DiagnosticAnalyzer>(typeof(SocketBindAnalyzer).Assembly);

    public static IReadOnlyList<Type> FixerTypes { get; } = ConcreteTypes<CodeFixProvider>(typeof(ReuseDecisionCodeFixProvider).Assembly);

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
        => AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static IEnumerable<DiagnosticDescriptor> Descriptors()
        => CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id);

    public static TheoryData<string> AnalyzerNames() => Names(AnalyzerTypes);

    public static TheoryData<string> FixerNames() => Names(FixerTypes);

    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => NetReferences.Value;

    /// <summary>A library compilation against .NET 8 with every rule switched on, opt-in ones included.</summary>
    public static async Task<CSharpCompilation> CompileAsync(params string[] sources)
    {
        var enableAll = Descriptors().ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn);
        return CSharpCompilation.Create(
            "MetaTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"Source{i}.cs")),
            await ReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(enableAll));
    }

    private static IReadOnlyList<Type> ConcreteTypes<T>(Assembly assembly)
        => assembly.GetTypes().Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName).ToList();

    private static TheoryData<string> Names(IEnumerable<Type> types)
    {
        var data = new TheoryData<string>();
        foreach (var type in types)
        {
            data.Add(type.FullName!);
        }

        return data;
    }
}
