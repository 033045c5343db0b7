using System.Security;

namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Fresh console projects that reference the packed PortReuse.Analyzers, each in its own folder (so each can have
/// its own .editorconfig), restored together once through one solution file.
/// </summary>
public sealed class ConsumerWorkspace(string root, PackedFeed feed)
{
    /// <summary>Plain consumer: build output, CI failure and SARIF.</summary>
    public ConsumerProject Flagged { get; } = new(root, "Flagged", editorConfig: null);

    public ConsumerProject Silenced { get; } = new(root, "Silenced", "dotnet_diagnostic.PR0001.severity = none");

    public ConsumerProject Escalated { get; } = new(root, "Escalated", "dotnet_diagnostic.PR0001.severity = error");

    /// <summary>Receives `dotnet format analyzers`; nobody else builds it.</summary>
    public ConsumerProject Fixed { get; } = new(root, "Fixed", editorConfig: null);

    private IEnumerable<ConsumerProject> All => [Flagged, Silenced, Escalated, Fixed];

    public async Task CreateAndRestoreAsync()
    {
        Directory.CreateDirectory(root);
        // Stop MSBuild and .editorconfig lookups from climbing into whatever lies above the temporary folder.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
        // The local feed is added to the user's normal sources; the isolated cache keeps stale packages out.
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(feed.PackagesDirectory)}" />
              </config>
              <packageSources>
                <add key="portreuse-e2e" value="{SecurityElement.Escape(feed.FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);

        foreach (ConsumerProject project in All)
        {
            project.Write(feed.Version);
        }

        string solution = Path.Combine(root, "Consumers.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(All.Select(p => $"  <Project Path=\"{p.Name}/{p.Name}.csproj\" />\n")) + "</Solution>\n");

        CommandResult restore = await DotnetCli.RunAsync(root, feed.ConsumerEnvironment, "restore", solution, "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }
}
