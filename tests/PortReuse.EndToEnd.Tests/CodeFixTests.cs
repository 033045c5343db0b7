using PortReuse.EndToEnd.Tests.Infrastructure;

namespace PortReuse.EndToEnd.Tests;

/// <summary>`dotnet format analyzers` applies the packed PR0001 fix, and the fixed program's binds then really succeed.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CodeFixTests(PackedFeed feed)
{
    [SkippableFact]
    public async Task Format_AppliesTheReuseAddressFix_AndScenario2ThenBindsBothListeners()
    {
        Skip.IfNot(feed.Rules.FixableIds.Contains("PR0001"), "The packed PortReuse.Analyzers.CodeFixes.dll has no code fix for PR0001 yet.");
        ConsumerProject project = feed.Consumers.Fixed;

        // Before: the wildcard listener holds the port, so the loopback bind fails at run time.
        CommandResult before = await project.BuildAsync(feed);
        Assert.True(before.ExitCode == 0, before.ToString());
        CommandResult failing = await project.RunBuiltProgramAsync(feed);
        Assert.True(failing.ExitCode == 1 && failing.Output.Contains(Scenario2.FailureLine + " AddressAlreadyInUse", StringComparison.Ordinal), failing.ToString());

        CommandResult format = await DotnetCli.RunAsync(project.Directory, feed.ConsumerEnvironment, "format", "analyzers", project.ProjectFile, "--diagnostics", "PR0001", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        string fixedSource = File.ReadAllText(project.SourceFile);
        Assert.NotEqual(Scenario2.Source, fixedSource);

        CommandResult after = await project.BuildAsync(feed);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain(BuildDiagnostic.Parse(after.Output), d => d.Id == "PR0001");
        CommandResult working = await project.RunBuiltProgramAsync(feed);
        Assert.True(working.ExitCode == 0 && working.Output.Contains(Scenario2.SuccessLine, StringComparison.Ordinal), working + "\nFixed source:\n" + fixedSource);
    }
}
