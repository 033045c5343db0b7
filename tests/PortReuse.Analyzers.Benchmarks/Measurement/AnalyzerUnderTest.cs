using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>Which analyzers one measured compilation runs.</summary>
public enum AnalyzerUnderTest
{
    /// <summary><see cref="NoOpAnalyzer"/>: the driver's own cost.</summary>
    Baseline,

    /// <summary>All PortReuse rules (one analyzer reports them all).</summary>
    PortReuse,

    /// <summary>NetAnalyzers' CA2000 (dispose objects before losing scope): like ours, it follows a resource from its creation through the method's flow.</summary>
    Peer,
}

/// <summary>Creates the analyzers for each <see cref="AnalyzerUnderTest"/>; the peer comes from the NetAnalyzers package folder.</summary>
public static class AnalyzerSets
{
    public const string PeerRuleId = "CA2000";

    private static readonly Lazy<DiagnosticAnalyzer> PeerAnalyzer = new(LoadPeer);

    public static ImmutableArray<DiagnosticAnalyzer> For(AnalyzerUnderTest which) => which switch
    {
        AnalyzerUnderTest.Baseline => ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()),
        AnalyzerUnderTest.PortReuse => ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBindAnalyzer()),
        AnalyzerUnderTest.Peer => ImmutableArray.Create(PeerAnalyzer.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    public static string PeerTypeName => PeerAnalyzer.Value.GetType().Name;

    /// <summary>The NetAnalyzers package the peer rule was loaded from, e.g. "Microsoft.CodeAnalysis.NetAnalyzers 9.0.0".</summary>
    public static string PeerSource => $"Microsoft.CodeAnalysis.NetAnalyzers {Path.GetFileName(PackageFolder())}, {PeerAnalyzer.Value.GetType().Name}";

    private static string PackageFolder()
        => typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
               .Single(a => a.Key == "NetAnalyzersPackage").Value is { Length: > 0 } folder
            ? folder.TrimEnd('/', '\\')
            : throw new InvalidOperationException("The NetAnalyzers package path was not recorded at build time.");

    private static DiagnosticAnalyzer LoadPeer()
    {
        var folder = Path.Combine(PackageFolder(), "analyzers", "dotnet", "cs");
        // The C# assembly needs its shared sibling; LoadFrom finds it in the same folder.
        Assembly.LoadFrom(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"));
        var analyzers = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(name => Assembly.LoadFrom(Path.Combine(folder, name)))
            .SelectMany(LoadableTypes)
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .Where(analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == PeerRuleId))
            .ToList();
        return analyzers.Count == 1
            ? analyzers[0]
            : throw new InvalidOperationException($"Expected one analyzer reporting {PeerRuleId}, found {analyzers.Count}.");
    }

    // The package's code fixes need Workspaces, which this process does not load; the analyzers do not.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
