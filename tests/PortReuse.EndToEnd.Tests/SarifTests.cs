using System.Text.Json;
using PortReuse.EndToEnd.Tests.Infrastructure;

namespace PortReuse.EndToEnd.Tests;

/// <summary>`-p:ErrorLog=…` produces the SARIF 2.1 file that code-scanning upload steps consume.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SarifTests(PackedFeed feed)
{
    [Fact]
    public async Task ErrorLog_WritesSarif21_WithRuleIdLocationAndHelpUriPerFinding()
    {
        ConsumerProject project = feed.Consumers.Flagged;
        string sarifPath = Path.Combine(project.Directory, "result.sarif");
        File.Delete(sarifPath);

        // Exactly as in docs/usage.md; %2C is MSBuild's escaped comma.
        CommandResult build = await project.BuildAsync(feed, "-p:ErrorLog=result.sarif%2Cversion=2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        JsonElement run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        Dictionary<string, JsonElement> rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        List<JsonElement> findings = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PR", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            [Scenario2.BindLine(Scenario2.WildcardSocket), Scenario2.BindLine(Scenario2.LoopbackSocket)],
            findings.Where(f => f.GetProperty("ruleId").GetString() == "PR0001").Select(StartLine).Order());
        Assert.All(findings, finding =>
        {
            string ruleId = finding.GetProperty("ruleId").GetString()!;
            JsonElement location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(new Uri(project.SourceFile), new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!));
            Assert.True(StartLine(finding) > 0);
            Assert.Equal(feed.Rules.HelpLinks[ruleId], rules[ruleId].GetProperty("helpUri").GetString());
        });
    }

    private static int StartLine(JsonElement finding)
        => finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();
}
