namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>One console app whose Program.cs is the article's scenario 2 written without any reuse decision.</summary>
public sealed class ConsumerProject
{
    private readonly string? _editorConfig;

    public ConsumerProject(string workspace, string name, string? editorConfig)
    {
        Name = name;
        Directory = Path.Combine(workspace, name);
        _editorConfig = editorConfig;
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string SourceFile => Path.Combine(Directory, "Program.cs");

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    /// <summary>The MSBuild-generated .editorconfig through which build properties reach analyzers.</summary>
    public string GeneratedAnalyzerConfig => Path.Combine(Directory, "obj", "Debug", "net10.0", Name + ".GeneratedMSBuildEditorConfig.editorconfig");

    internal void Write(string packageVersion)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedFeed.PackageId}" Version="{packageVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(SourceFile, Scenario2.Source);
        if (_editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "[*.cs]\n" + _editorConfig + "\n");
        }
    }

    /// <summary>A full compile every time (an up-to-date build would skip the compiler and report nothing), never restoring.</summary>
    public Task<CommandResult> BuildAsync(PackedFeed feed, params string[] extraArguments)
        => DotnetCli.RunAsync(Directory, feed.ConsumerEnvironment, ["build", ProjectFile, "--no-restore", "--no-incremental", "-nodeReuse:false", .. extraArguments]);

    public Task<CommandResult> RunBuiltProgramAsync(PackedFeed feed)
        => DotnetCli.RunAsync(Directory, feed.ConsumerEnvironment, OutputAssembly);
}
