using System.IO.Compression;
using System.Text.RegularExpressions;

namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Once per test run: packs PortReuse.Analyzers into a temporary local feed, opens the package, and restores
/// the consumer projects (one restore) against that feed with an isolated NuGet cache, so no package left
/// over from an earlier run or another branch can be picked up.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    public const string PackageId = "PortReuse.Analyzers";

    /// <summary>Set to keep the temporary folder for inspection after the run.</summary>
    private const string KeepVariable = "PORTREUSE_E2E_KEEP";

    public PackedFeed()
    {
        Root = Directory.CreateTempSubdirectory("portreuse-e2e-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        Consumers = new ConsumerWorkspace(Path.Combine(Root, "consumers"), this);
    }

    /// <summary>Temporary folder holding the feed, the isolated package cache and the consumer projects.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    /// <summary>The NuGet global packages folder every consumer command uses instead of the user's.</summary>
    public string PackagesDirectory { get; }

    public string PackagePath { get; private set; } = "";

    public string Version { get; private set; } = "";

    /// <summary>The opened package (its files on disk), for layout and metadata checks.</summary>
    public string ExtractedDirectory => Path.Combine(Root, "extracted");

    public string AnalyzerDirectory => Path.Combine(ExtractedDirectory, "analyzers", "dotnet", "cs");

    public PackedRules Rules { get; private set; } = null!;

    public ConsumerWorkspace Consumers { get; }

    /// <summary>Environment of every command that consumes the feed.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    public async Task InitializeAsync()
    {
        CommandResult pack = await DotnetCli.RunAsync(RepositoryLayout.Root, null, "pack", RepositoryLayout.PackageProject, "-c", "Release", "-o", FeedDirectory, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        PackagePath = Assert.Single(Directory.GetFiles(FeedDirectory, PackageId + ".*.nupkg"));
        Version = PackageVersionPattern().Match(Path.GetFileName(PackagePath)).Groups["version"].Value;
        ZipFile.ExtractToDirectory(PackagePath, ExtractedDirectory);
        Rules = PackedRules.Load(AnalyzerDirectory);

        await Consumers.CreateAndRestoreAsync();
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) != "1")
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^PortReuse\.Analyzers\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageVersionPattern();
}
