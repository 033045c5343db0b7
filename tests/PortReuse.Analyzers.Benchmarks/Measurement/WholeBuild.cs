using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>The figure users feel: <c>dotnet build --no-incremental</c> of a generated project, without and with our analyzer.</summary>
/// <remarks><see cref="Cpu"/> is the CPU time of the same builds (null where it cannot be read).</remarks>
public sealed record BuildTimes(Corpus Corpus, PairedTimes Times, PairedTimes? Cpu, CompilerAttribution? Attribution);

/// <summary>
/// What the compiler itself reports (<c>-p:ReportAnalyzer=true</c>) for one build with our analyzer: our analyzer's
/// execution time, all analyzers' and generators' together, and the compiler task's duration. The compiler runs
/// analyzers concurrently and times each callback by the wall clock, so these include waits for a core.
/// </summary>
public sealed record CompilerAttribution(TimeSpan PortReuse, TimeSpan AllAnalyzers, TimeSpan CompilerTask)
{
    public double ShareOfCompilerTask => PortReuse / CompilerTask;
}

/// <summary>
/// Writes a corpus out as a net10.0 class library (SDK default analyzers on, as in any new project), restores it once,
/// then builds it alternately without and with <c>&lt;Analyzer Include=…&gt;</c> of the built analyzer DLL. The first
/// pair is a warm-up (compiler start, analyzer load) and is not counted; the order within a pair alternates. Last,
/// one more build with our analyzer asks the compiler what it spent in each analyzer.
/// </summary>
public static class WholeBuild
{
    public static IReadOnlyList<BuildTimes> Run(MeasurementPlan plan, string workFolder, TextWriter log)
    {
        var analyzerPath = typeof(SocketBindAnalyzer).Assembly.Location;
        var projects = new[] { plan.Plain, plan.Mixed }.Select(c => (Corpus: c, Folder: WriteProject(c, workFolder, analyzerPath))).ToList();
        foreach (var (_, folder) in projects)
        {
            Dotnet(folder, "restore -v:q");
        }

        // Each build's CPU time, in the order built; the first of each list is the warm-up round's, dropped as its wall time is.
        var cpu = projects.ToDictionary(p => p, _ => (Without: new List<TimeSpan>(), With: new List<TimeSpan>()));
        var times = PairedTimes.Alternate(
            projects,
            plan.BuildRuns,
            (project, withAnalyzer) =>
            {
                var cpuBefore = ChildProcessCpuClock.IsSupported ? ChildProcessCpuClock.Now() : TimeSpan.Zero;
                var elapsed = Dotnet(project.Folder, $"build --no-restore --no-incremental -c Release -p:WithPortReuse={withAnalyzer.ToString().ToLowerInvariant()} -v:q");
                (withAnalyzer ? cpu[project].With : cpu[project].Without).Add(ChildProcessCpuClock.IsSupported ? ChildProcessCpuClock.Now() - cpuBefore : TimeSpan.Zero);
                return elapsed;
            },
            (project, withAnalyzer, elapsed, warmUp) => log.WriteLine(
                $"build {project.Corpus.Key} {(withAnalyzer ? "with" : "without")} PortReuse: {elapsed.TotalSeconds:F1} s, CPU {(withAnalyzer ? cpu[project].With : cpu[project].Without)[^1].TotalSeconds:F1} s{(warmUp ? " (warm-up)" : "")}"));

        return projects
            .Select(p => new BuildTimes(
                p.Corpus,
                times[p],
                ChildProcessCpuClock.IsSupported ? new PairedTimes(cpu[p].Without.Skip(1).ToList(), cpu[p].With.Skip(1).ToList()) : null,
                Attribute(p.Folder, log)))
            .ToList();
    }

    /// <summary>Null when the log does not have the compiler's report (a compiler that words it differently).</summary>
    private static CompilerAttribution? Attribute(string folder, TextWriter log)
    {
        var output = new StringWriter();
        Dotnet(folder, "build --no-restore --no-incremental -c Release -p:WithPortReuse=true -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary", output);
        var text = output.ToString();
        var ours = Regex.Match(text, @"^\s*(<?[0-9.]+)\s+\S+\s+PortReuse\.Analyzers, Version=", RegexOptions.Multiline);
        var total = Regex.Match(text, @"Total analyzer execution time: ([0-9.]+) seconds", RegexOptions.Multiline);
        var compiler = Regex.Match(text, @"^\s*([0-9]+) ms\s+Csc\s+1 calls", RegexOptions.Multiline);
        if (!ours.Success || !total.Success || !compiler.Success)
        {
            log.WriteLine($"the compiler's analyzer report was not found in the build log of {folder}");
            return null;
        }

        var attribution = new CompilerAttribution(
            TimeSpan.FromSeconds(double.Parse(ours.Groups[1].Value.TrimStart('<'), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(double.Parse(compiler.Groups[1].Value, CultureInfo.InvariantCulture)));
        log.WriteLine($"compiler's report for {Path.GetFileName(folder)}: PortReuse {attribution.PortReuse.TotalSeconds:F3} s, all analyzers {attribution.AllAnalyzers.TotalSeconds:F3} s, Csc task {attribution.CompilerTask.TotalSeconds:F1} s");
        return attribution;
    }

    private static string WriteProject(Corpus corpus, string workFolder, string analyzerPath)
    {
        var folder = Path.Combine(workFolder, corpus.Key);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var file in corpus.Files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        // Empty Directory.Build.* files stop MSBuild from importing this repository's own settings from above.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup Condition="'$(WithPortReuse)' == 'true'">
                <Analyzer Include="{analyzerPath}" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    private static TimeSpan Dotnet(string folder, string arguments, TextWriter? output = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments + " -nologo")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {folder}:\n{standardOutput.Result}{errors.Result}");
        }

        output?.Write(standardOutput.Result);

        return clock.Elapsed;
    }
}
