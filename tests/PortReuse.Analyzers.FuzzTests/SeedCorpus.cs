using System.Reflection;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>One realistic program the mutations start from.</summary>
public sealed record Seed(string Name, string Text);

/// <summary>The seed corpus: the socket programs under Corpus/ and every samples/**/*.cs of the repository, embedded at build time.</summary>
public static class SeedCorpus
{
    private static readonly Lazy<IReadOnlyList<Seed>> Loaded = new(Load);

    public static IReadOnlyList<Seed> All => Loaded.Value;

    private static IReadOnlyList<Seed> Load()
    {
        var assembly = typeof(SeedCorpus).Assembly;
        var seeds = new List<Seed>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            seeds.Add(new Seed(name, reader.ReadToEnd()));
        }

        return seeds;
    }
}
