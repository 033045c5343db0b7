using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The rules and fixes the packed assemblies really ship, read by instantiating them, so the suite asserts
/// PR0002 or the PR0001 fix exactly when the package under test contains them.
/// </summary>
public sealed class PackedRules
{
    private PackedRules(ImmutableDictionary<string, string> helpLinks, ImmutableHashSet<string> fixableIds)
    {
        HelpLinks = helpLinks;
        FixableIds = fixableIds;
    }

    /// <summary>Help link of every diagnostic ID some packed analyzer supports.</summary>
    public ImmutableDictionary<string, string> HelpLinks { get; }

    /// <summary>Diagnostic IDs some packed code fix provider fixes.</summary>
    public ImmutableHashSet<string> FixableIds { get; }

    public bool Reports(string id) => HelpLinks.ContainsKey(id);

    public static PackedRules Load(string analyzerDirectory)
    {
        var context = new AnalyzerLoadContext(analyzerDirectory);
        try
        {
            var helpLinks = ImmutableDictionary.CreateBuilder<string, string>();
            var fixable = ImmutableHashSet.CreateBuilder<string>();
            foreach (string path in Directory.GetFiles(analyzerDirectory, "*.dll"))
            {
                foreach (Type type in context.LoadFromAssemblyPath(path).GetTypes().Where(t => !t.IsAbstract && t.IsClass))
                {
                    if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                    {
                        foreach (var descriptor in ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
                        {
                            helpLinks[descriptor.Id] = descriptor.HelpLinkUri;
                        }
                    }
                    else if (typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                    {
                        fixable.UnionWith(((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds);
                    }
                }
            }

            return new PackedRules(helpLinks.ToImmutable(), fixable.ToImmutable());
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads the packed assemblies beside each other; Roslyn itself comes from the test's own dependencies.</summary>
    private sealed class AnalyzerLoadContext(string directory) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
