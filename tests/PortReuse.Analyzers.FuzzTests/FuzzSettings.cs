using System.Globalization;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>How much to fuzz: defaults fit the CI budget; the environment asks for more or replays one mutant.</summary>
public static class FuzzSettings
{
    /// <summary>PORTREUSE_FUZZ_COUNT: mutated documents per run (default 10,000).</summary>
    public static int Count => Read("PORTREUSE_FUZZ_COUNT") ?? 10_000;

    /// <summary>PORTREUSE_FUZZ_SEED: the run seed; the same seed and index always give the same mutant.</summary>
    public static int Seed => Read("PORTREUSE_FUZZ_SEED") ?? 20_261_125;

    /// <summary>PORTREUSE_FUZZ_ONLY: comma-separated mutant indices to replay instead of the whole run.</summary>
    public static IReadOnlyList<int>? Only
        => Environment.GetEnvironmentVariable("PORTREUSE_FUZZ_ONLY") is { Length: > 0 } only
            ? only.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToArray()
            : null;

    private static int? Read(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
