using System.Globalization;

namespace PortReuse.Analyzers.Benchmarks.Report;

/// <summary>The machine a run was taken on and how busy it was: on a shared machine the load average says how far to trust the times.</summary>
public sealed class MachineSnapshot
{
    private MachineSnapshot(string loadAtStart)
    {
        LoadAtStart = loadAtStart;
        Processor = ReadLinuxField("/proc/cpuinfo", "model name") ?? "unknown processor";
        Memory = ReadLinuxField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k) ? $"{k / 1048576.0:F0} GiB memory" : "memory unknown";
        Date = DateTimeOffset.UtcNow;
    }

    public string Processor { get; }

    public string Memory { get; }

    public DateTimeOffset Date { get; }

    public string LoadAtStart { get; }

    public string LoadAtEnd { get; private set; } = "?";

    public double LoadAtStartValue => Parse(LoadAtStart);

    public static MachineSnapshot Take() => new(Load());

    public void Finish() => LoadAtEnd = Load();

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Parse(string load) => double.TryParse(load, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string? ReadLinuxField(string file, string field)
        => File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(field, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
