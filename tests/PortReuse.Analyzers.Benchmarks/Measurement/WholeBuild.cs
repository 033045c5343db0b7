using System.Diagnostics;
using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>The figure users feel: <c>dotnet build --no-incremental</c> of a generated project, with and without our analyzer.</summary>
public sealed record BuildTimes(Corpus Corpus, IReadOnlyList<TimeSpan> Without, IReadOnlyList<TimeSpan> With)
{
    public TimeSpan MedianWithout => Median(Without);

    public TimeSpan MedianWith => Median(With);

    public double Ratio => MedianWith / MedianWithout;

    private static TimeSpan Median(IReadOnlyList<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}

/// <summary>
/// Writes a corpus out as a net10.0 class library (SDK default analyzers on, as in any new project), restores it once,
/// then builds it alternately without and with <c>&lt;Analyzer Include=…&gt;</c> of the built analyzer DLL. The first
/// pair is a warm-up (build server start, analyzer load) and is not counted; the order within a pair alternates.
/// </summary>
public static class WholeBuild
{
    public static IReadOnlyList<BuildTimes> Run(MeasurementPlan plan, string workFolder, TextWriter log)
    {
        var analyzerPath = typeof(SocketBindAnalyzer).Assembly.Location;
        var projects = new[] { plan.Plain, plan.Mixed }.Select(c => (Corpus: c, Folder: WriteProject(c, workFolder, analyzerPath))).ToList();
        foreach (var (_, folder) in projects)
        {
            Dotnet(folder, "restore");
        }

        var without = projects.ToDictionary(p => p.Corpus, _ => new List<TimeSpan>());
        var with = projects.ToDictionary(p => p.Corpus, _ => new List<TimeSpan>());
        for (var round = 0; round <= plan.BuildRuns; round++)
        {
            foreach (var (corpus, folder) in projects)
            {
                var order = round % 2 == 0 ? new[] { false, true } : new[] { true, false };
                foreach (var withAnalyzer in order)
                {
                    var elapsed = Dotnet(folder, $"build --no-restore --no-incremental -c Release -p:WithPortReuse={withAnalyzer.ToString().ToLowerInvariant()}");
                    log.WriteLine($"build {corpus.Key} {(withAnalyzer ? "with" : "without")} PortReuse: {elapsed.TotalSeconds:F1} s{(round == 0 ? " (warm-up)" : "")}");
                    if (round > 0)
                    {
                        (withAnalyzer ? with : without)[corpus].Add(elapsed);
                    }
                }
            }
        }

        return projects.Select(p => new BuildTimes(p.Corpus, without[p.Corpus], with[p.Corpus])).ToList();
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

    private static TimeSpan Dotnet(string folder, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments + " -nologo -v:q")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {folder}:\n{output.Result}{errors.Result}");
        }

        return clock.Elapsed;
    }
}
