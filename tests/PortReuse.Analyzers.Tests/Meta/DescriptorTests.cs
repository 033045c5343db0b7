using System.Text.RegularExpressions;

namespace PortReuse.Analyzers.Tests.Meta;

/// <summary>Every diagnostic a user can see has a page behind its help link and an entry in release tracking.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> Ids => AnalyzerCatalog.DescriptorIds();

    [Fact]
    public void Catalog_FindsTheRules()
        => Assert.Contains(RuleIds.MissingReuseDecision, AnalyzerCatalog.Descriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_PointsAtTheRulePage(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptors().Single(d => d.Id == id);

        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), $"{id}: '{descriptor.HelpLinkUri}' is not an absolute URI");
        Assert.EndsWith($"/docs/rules/{id}.md", link!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePage_ExistsAndNamesTheRule(string id)
    {
        var page = RepositoryFiles.RulePage(id);

        Assert.True(File.Exists(page), $"{id}: no page at {page} (docs/rules/{id}.md)");
        Assert.Contains(id, File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasTitleMessageAndCategory(string id)
    {
        var descriptor = AnalyzerCatalog.Descriptors().Single(d => d.Id == id);

        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), id + ": title");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), id + ": message");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), id + ": description");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category), id + ": category");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTracking_ListsTheRule(string id)
    {
        var tracked = TrackedIds("Shipped").Concat(TrackedIds("Unshipped")).ToList();

        Assert.Contains(id, tracked);
    }

    /// <summary>The first column of the release tables: "PR0001 | Reliability | Warning | …".</summary>
    private static IEnumerable<string> TrackedIds(string kind)
    {
        var path = RepositoryFiles.AnalyzerReleases(kind);
        Assert.True(File.Exists(path), "missing " + path);
        foreach (var line in File.ReadLines(path))
        {
            var match = Regex.Match(line, @"^\s*(PR\d{4})\s*\|");
            if (match.Success)
            {
                yield return match.Groups[1].Value;
            }
        }
    }
}
