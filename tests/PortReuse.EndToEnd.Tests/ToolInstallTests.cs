using PortReuse.EndToEnd.Tests.Infrastructure;

namespace PortReuse.EndToEnd.Tests;

/// <summary>The `portreuse` dotnet tool installs from the local feed and runs the article's demos.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ToolInstallTests(PackedFeed feed)
{
    [SkippableFact]
    public async Task Tool_InstallsFromTheFeed_AndPortreuseSeedRuns()
    {
        Skip.IfNot(Directory.Exists(RepositoryLayout.CliProjectDirectory), "src/PortReuse.Cli is not in this checkout yet, so there is no portreuse tool to pack.");

        CommandResult pack = await DotnetCli.RunAsync(RepositoryLayout.Root, null, "pack", RepositoryLayout.CliProjectDirectory, "-c", "Release", "-o", feed.FeedDirectory, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        string toolPath = Path.Combine(feed.Root, "tools");
        CommandResult install = await DotnetCli.RunAsync(feed.Root, feed.ConsumerEnvironment, "tool", "install", "--tool-path", toolPath, "--add-source", feed.FeedDirectory, "PortReuse.Cli");
        Assert.True(install.ExitCode == 0, install.ToString());

        CommandResult seed = await DotnetCli.RunProgramAsync(Path.Combine(toolPath, "portreuse"), feed.Root, null, "seed");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Contains("The article's demos on", seed.Output, StringComparison.Ordinal);
    }
}
