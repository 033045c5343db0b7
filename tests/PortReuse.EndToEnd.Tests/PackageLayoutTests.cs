using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using PortReuse.EndToEnd.Tests.Infrastructure;

namespace PortReuse.EndToEnd.Tests;

/// <summary>What is inside PortReuse.Analyzers.nupkg, and whether its assemblies load in the oldest supported hosts.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    /// <summary>Roslyn of Visual Studio 17.8 and the .NET 8 SDK: the analyzers must not need anything newer.</summary>
    private static readonly Version OldestSupportedRoslyn = new(4, 8, 0, 0);

    public static TheoryData<string> AnalyzerAssemblies => new() { "PortReuse.Analyzers.dll", "PortReuse.Analyzers.CodeFixes.dll" };

    [Fact]
    public void Package_CarriesBothAnalyzerAssemblies_UnderAnalyzersDotnetCs_AndNoLibraryAssets()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();

        Assert.Equal(
            ["analyzers/dotnet/cs/PortReuse.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/PortReuse.Analyzers.dll"],
            entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        Assert.Contains("build/PortReuse.Analyzers.props", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Nuspec_DeclaresDevelopmentDependency_MitLicence_Readme_Tags_AndRepository()
    {
        XElement metadata = ReadNuspecMetadata();
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal(PackedFeed.PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        XElement license = Assert.IsType<XElement>(metadata.Element(ns + "license"));
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Contains("roslyn", metadata.Element(ns + "tags")?.Value.Split(' ') ?? []);
        Assert.StartsWith("https://", metadata.Element(ns + "repository")?.Attribute("url")?.Value);
        // An analyzer package must not drag dependencies into its consumers.
        Assert.Null(metadata.Element(ns + "dependencies"));
    }

    [Fact]
    public void PackageVersion_IsTheOneFromDirectoryBuildProps()
    {
        string declared = XDocument.Load(RepositoryLayout.DirectoryBuildProps).Descendants("Version").Single().Value;

        Assert.Equal(declared, feed.Version);
        Assert.Equal(declared, ReadNuspecMetadata().Element(ReadNuspecMetadata().Name.Namespace + "version")?.Value);
    }

    [Fact]
    public void BuildProps_MakesIsTestProjectVisibleToTheAnalyzer()
    {
        XDocument props = XDocument.Load(Path.Combine(feed.ExtractedDirectory, "build", "PortReuse.Analyzers.props"));

        Assert.Contains(props.Descendants("CompilerVisibleProperty"), e => e.Attribute("Include")?.Value == "IsTestProject");
    }

    [Theory]
    [MemberData(nameof(AnalyzerAssemblies))]
    public void AnalyzerAssembly_ReferencesRoslyn48OrOlder(string assembly)
    {
        IEnumerable<AssemblyName> roslyn = ReferencedAssemblies(assembly).Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        Assert.All(roslyn, r => Assert.True(r.Version <= OldestSupportedRoslyn, $"{assembly} references {r.Name} {r.Version}, newer than {OldestSupportedRoslyn}: it would not load in VS 17.8 or the .NET 8 SDK."));
    }

    [Fact]
    public void AnalyzerAssembly_ReferencesTheCSharpCompilerButNotWorkspaces_SoTheCommandLineCompilerLoadsItCheaply()
    {
        IReadOnlyList<AssemblyName> references = ReferencedAssemblies("PortReuse.Analyzers.dll").ToList();

        Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis.CSharp");
        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
    }

    private XElement ReadNuspecMetadata()
    {
        XDocument nuspec = XDocument.Load(Path.Combine(feed.ExtractedDirectory, PackedFeed.PackageId + ".nuspec"));
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private IEnumerable<AssemblyName> ReferencedAssemblies(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(feed.AnalyzerDirectory, assembly));
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }
}
