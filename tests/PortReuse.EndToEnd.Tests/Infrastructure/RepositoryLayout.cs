namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>Paths inside the repository the tests were built from.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFileName = "PortReuse.Analyzers.sln";

    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "PortReuse.Analyzers.Package", "PortReuse.Analyzers.Package.csproj");

    public static string CliProjectDirectory => Path.Combine(Root, "src", "PortReuse.Cli");

    public static string DirectoryBuildProps => Path.Combine(Root, "Directory.Build.props");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}: run the end-to-end tests from the repository.");
    }
}
