namespace PortReuse.Analyzers.Benchmarks.Measurement;

public static class Statistics
{
    /// <summary>The middle value (the upper one of the two middle values for an even count).</summary>
    public static T Median<T>(IReadOnlyList<T> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The value a fraction <paramref name="q"/> of the way up the sorted values (nearest rank).</summary>
    public static T Quantile<T>(IReadOnlyList<T> values, double q) => values.Order().ElementAt((int)Math.Round(q * (values.Count - 1)));
}
