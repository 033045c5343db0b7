using PortReuse.EndToEnd.Tests.Infrastructure;

namespace PortReuse.EndToEnd.Tests;

/// <summary>`dotnet build` of a project consuming the package: warnings on the console, CI enforcement, .editorconfig severities.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BuildDiagnosticsTests(PackedFeed feed)
{
    [Fact]
    public async Task Build_WarnsAtEachUnconfiguredBind_AndAtTheWildcardListener_WithFileLineAndHelpLink()
    {
        CommandResult build = await feed.Consumers.Flagged.BuildAsync(feed);

        Assert.True(build.ExitCode == 0, build.ToString());
        IReadOnlyList<BuildDiagnostic> diagnostics = BuildDiagnostic.Parse(build.Output);
        IReadOnlyList<BuildDiagnostic> pr0001 = diagnostics.Where(d => d.Id == "PR0001").ToList();
        Assert.Equal(
            [Scenario2.BindLine(Scenario2.WildcardSocket), Scenario2.BindLine(Scenario2.LoopbackSocket)],
            pr0001.Select(d => d.Line).Order());
        Assert.All(pr0001, d =>
        {
            Assert.Equal(feed.Consumers.Flagged.SourceFile, d.File);
            Assert.Equal("warning", d.Severity);
            Assert.Equal(feed.Rules.HelpLinks["PR0001"], d.HelpLink);
            Assert.EndsWith("/docs/rules/PR0001.md", d.HelpLink);
        });

        // PR0002 is asserted exactly when the packed analyzer ships it; until then it must not appear either.
        IReadOnlyList<BuildDiagnostic> pr0002 = diagnostics.Where(d => d.Id == "PR0002").ToList();
        if (feed.Rules.Reports("PR0002"))
        {
            BuildDiagnostic wildcard = Assert.Single(pr0002);
            Assert.Equal((feed.Consumers.Flagged.SourceFile, Scenario2.LineContaining("IPAddress.Any")), (wildcard.File, wildcard.Line));
            Assert.Equal(feed.Rules.HelpLinks["PR0002"], wildcard.HelpLink);
        }
        else
        {
            Assert.Empty(pr0002);
        }

        // The package's build props put IsTestProject where analyzers read it (build_property.IsTestProject).
        Assert.Contains(File.ReadAllLines(feed.Consumers.Flagged.GeneratedAnalyzerConfig), l => l.StartsWith("build_property.IsTestProject =", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-warnaserror")]
    [InlineData("-warnaserror:PR0001")]
    [InlineData("-warnaserror:PR0001,PR0002")]
    public async Task Build_WithWarnAsError_FailsWithNonZeroExitCode(string ciSwitch)
    {
        CommandResult build = await feed.Consumers.Flagged.BuildAsync(feed, ciSwitch);

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(BuildDiagnostic.Parse(build.Output), d => d is { Id: "PR0001", Severity: "error" });
    }

    [Fact]
    public async Task EditorConfig_SeverityNone_SilencesPR0001()
    {
        CommandResult build = await feed.Consumers.Silenced.BuildAsync(feed, "-warnaserror:PR0001");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(BuildDiagnostic.Parse(build.Output), d => d.Id == "PR0001");
    }

    [Fact]
    public async Task EditorConfig_SeverityError_FailsTheBuild()
    {
        CommandResult build = await feed.Consumers.Escalated.BuildAsync(feed);

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(2, BuildDiagnostic.Parse(build.Output).Count(d => d is { Id: "PR0001", Severity: "error" }));
    }
}
