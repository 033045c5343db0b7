namespace PortReuse.Analyzers.Tests.Meta;

/// <summary>Files read from the repository itself (release tracking) or from the test output (rule pages).</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding the solution, found by walking up from the test binaries.</summary>
    public static DirectoryInfo Root { get; } = FindRoot();

    /// <summary>The rule pages the test project copies next to its binaries.</summary>
    public static string RulePage(string id) => Path.Combine(AppContext.BaseDirectory, "docs", "rules", id + ".md");

    public static string AnalyzerReleases(string kind)
        => Path.Combine(Root.FullName, "src", "PortReuse.Analyzers", $"AnalyzerReleases.{kind}.md");

    private static DirectoryInfo FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.sln").Any())
            {
                return directory;
            }
        }

        throw new InvalidOperationException("No .sln above " + AppContext.BaseDirectory);
    }
}
