namespace PortReuse.Analyzers.Benchmarks.Measurement;

public static class Statistics
{
    /// <summary>The middle value (the upper one of the two middle values for an even count).</summary>
    public static T Median<T>(IReadOnlyList<T> values) => values.Order().ElementAt(values.Count / 2);
}
