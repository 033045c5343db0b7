using System.Text;

namespace PortReuse.Analyzers.Benchmarks.Corpora;

/// <summary>
/// Ordinary application code that never touches a socket, in a few shapes a real code base mixes: records and
/// services with LINQ, async I/O, string building, pattern matching — and members named <c>Start</c> and <c>Bind</c>
/// on other types (Task, Process, Stopwatch, a timer, a configuration section), which the cheap path must let pass.
/// </summary>
internal static class PlainCode
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>A configuration type with a <c>Bind</c> of its own, as Microsoft.Extensions.Configuration has.</summary>
    public static CorpusFile Configuration() => new("Shared/SettingsSection.cs", Usings + """
        namespace Corpus.Shared;

        public sealed class SettingsSection
        {
            private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

            public string? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

            public void Set(string key, string value) => _values[key] = value;

            public void Bind(object target)
            {
                foreach (var property in target.GetType().GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string)))
                {
                    if (this[property.Name] is { } value)
                    {
                        property.SetValue(target, value);
                    }
                }
            }
        }

        """);

    public static string File(int index) => (index % 4) switch
    {
        0 => OrderService(index),
        1 => ReportBuilder(index),
        2 => JobScheduler(index),
        _ => InventoryModel(index),
    };

    private static string OrderService(int i) => Usings + $$"""
        namespace Corpus.Orders{{i % 37}};

        public sealed record OrderLine{{i}}(string Sku, int Quantity, decimal Price)
        {
            public decimal Total => Quantity * Price;
        }

        public sealed class OrderService{{i}}
        {
            private readonly List<OrderLine{{i}}> _lines = new();
            private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);

            public string? Region { get; set; }

            public void Add(string sku, int quantity, decimal price)
            {
                if (string.IsNullOrWhiteSpace(sku))
                {
                    throw new ArgumentException("A SKU is required.", nameof(sku));
                }

                _lines.Add(new OrderLine{{i}}(sku.Trim().ToUpperInvariant(), quantity, price));
                _stock[sku] = _stock.TryGetValue(sku, out var held) ? held - quantity : -quantity;
            }

            public decimal Total() => _lines.Where(l => l.Quantity > 0).Sum(l => l.Total);

            public IEnumerable<string> TopSkus(int count)
                => _lines.GroupBy(l => l.Sku)
                    .OrderByDescending(g => g.Sum(l => l.Quantity))
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(count)
                    .Select(g => g.Key);

            public async Task<int> LoadAsync(string path, CancellationToken cancellationToken)
            {
                using var reader = new StreamReader(path);
                var count = 0;
                string? line;
                while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
                {
                    var parts = line.Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length == 3 && int.TryParse(parts[1], out var quantity) && decimal.TryParse(parts[2], out var price))
                    {
                        Add(parts[0], quantity, price);
                        count++;
                    }
                }

                return count;
            }

            public void Configure(Corpus.Shared.SettingsSection section)
            {
                section.Bind(this);
                Region ??= "default";
            }

            public string Describe()
            {
                var text = new StringBuilder();
                foreach (var line in _lines.OrderBy(l => l.Sku))
                {
                    text.Append(line.Sku).Append(": ").Append(line.Quantity).Append(" x ").AppendLine(line.Price.ToString("F2"));
                }

                return text.Append($"Total {Total():F2} in {Region ?? "?"}").ToString();
            }
        }

        """;

    private static string ReportBuilder(int i) => Usings + $$"""
        namespace Corpus.Reports{{i % 29}};

        public enum Severity{{i}} { Info, Warning, Error }

        public readonly record struct Entry{{i}}(DateTimeOffset At, Severity{{i}} Severity, string Message);

        public sealed class ReportBuilder{{i}}
        {
            private readonly List<Entry{{i}}> _entries = new();
            private readonly Stopwatch _elapsed = new();

            public void Start()
            {
                _elapsed.Start();
                _entries.Clear();
            }

            public void Log(Severity{{i}} severity, string message) => _entries.Add(new Entry{{i}}(DateTimeOffset.UtcNow, severity, message));

            public string Summary()
            {
                var counts = _entries.GroupBy(e => e.Severity).ToDictionary(g => g.Key, g => g.Count());
                return string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
            }

            public string Render(int width)
            {
                var builder = new StringBuilder();
                foreach (var entry in _entries)
                {
                    var label = entry.Severity switch
                    {
                        Severity{{i}}.Error => "ERR",
                        Severity{{i}}.Warning => "WRN",
                        _ => "INF",
                    };
                    var message = entry.Message.Length > width ? string.Concat(entry.Message.AsSpan(0, width - 1), "…") : entry.Message;
                    builder.Append('[').Append(label).Append("] ").AppendLine(message.Replace('\t', ' '));
                }

                builder.Append("took ").Append(_elapsed.ElapsedMilliseconds).Append(" ms");
                return builder.ToString();
            }

            public static string Slug(string title)
            {
                var slug = new StringBuilder(title.Length);
                foreach (var c in title.ToLowerInvariant())
                {
                    slug.Append(char.IsLetterOrDigit(c) ? c : '-');
                }

                return slug.ToString().Trim('-');
            }

            public static Process? OpenInViewer(string file)
                => Process.Start(new ProcessStartInfo("less", file) { UseShellExecute = false, RedirectStandardOutput = true });
        }

        """;

    private static string JobScheduler(int i) => Usings + $$"""
        namespace Corpus.Jobs{{i % 31}};

        public interface IJob{{i}}
        {
            string Name { get; }

            Task RunAsync(CancellationToken cancellationToken);
        }

        public sealed class JobScheduler{{i}} : IDisposable
        {
            private readonly System.Timers.Timer _timer = new(1000);
            private readonly Queue<IJob{{i}}> _pending = new();
            private readonly CancellationTokenSource _stopping = new();
            private int _completed;

            public int Completed => Volatile.Read(ref _completed);

            public void Enqueue(IJob{{i}} job)
            {
                lock (_pending)
                {
                    _pending.Enqueue(job);
                }
            }

            public void Start()
            {
                _timer.Elapsed += (_, _) => _ = DrainAsync();
                _timer.Start();
                var warmUp = new Task(() => Thread.Sleep(1));
                warmUp.Start();
            }

            public async Task DrainAsync()
            {
                while (true)
                {
                    IJob{{i}}? next;
                    lock (_pending)
                    {
                        if (!_pending.TryDequeue(out next))
                        {
                            return;
                        }
                    }

                    try
                    {
                        await next.RunAsync(_stopping.Token).ConfigureAwait(false);
                        Interlocked.Increment(ref _completed);
                    }
                    catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }

            public Task<int[]> RunAllAsync(IEnumerable<IJob{{i}}> jobs)
                => Task.WhenAll(jobs.Select(async (job, n) =>
                {
                    await job.RunAsync(_stopping.Token);
                    return n;
                }));

            public void Dispose()
            {
                _stopping.Cancel();
                _timer.Dispose();
                _stopping.Dispose();
            }
        }

        """;

    private static string InventoryModel(int i) => Usings + $$"""
        namespace Corpus.Inventory{{i % 23}};

        public abstract record Item{{i}}(string Id, string Title);

        public sealed record Book{{i}}(string Id, string Title, string Author, int Pages) : Item{{i}}(Id, Title);

        public sealed record Disc{{i}}(string Id, string Title, TimeSpan Length) : Item{{i}}(Id, Title);

        public static class Catalog{{i}}
        {
            public static string Describe(Item{{i}} item) => item switch
            {
                Book{{i}} { Pages: > 500 } book => $"{book.Title} by {book.Author} (long read)",
                Book{{i}} book => $"{book.Title} by {book.Author}",
                Disc{{i}} { Length.TotalMinutes: > 60 } disc => $"{disc.Title} ({disc.Length:hh\\:mm})",
                Disc{{i}} disc => disc.Title,
                _ => item.Id,
            };

            public static IReadOnlyDictionary<string, List<Item{{i}}>> ByInitial(IEnumerable<Item{{i}}> items)
                => items.Where(x => x.Title.Length > 0)
                    .GroupBy(x => char.ToUpperInvariant(x.Title[0]).ToString())
                    .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Title, StringComparer.CurrentCulture).ToList());

            public static (int Books, int Discs, TimeSpan Playing) Totals(IReadOnlyCollection<Item{{i}}> items)
            {
                var books = items.OfType<Book{{i}}>().Count();
                var playing = items.OfType<Disc{{i}}>().Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Length);
                return (books, items.Count - books, playing);
            }

            public static async Task SaveAsync(string path, IEnumerable<Item{{i}}> items)
            {
                await using var writer = new StreamWriter(path, append: false, Encoding.UTF8);
                foreach (var item in items)
                {
                    await writer.WriteLineAsync($"{item.Id};{item.Title.Replace(';', ',')}");
                }
            }

            public static bool TryParse(string line, out Item{{i}}? item)
            {
                item = null;
                var fields = line.Split(';');
                if (fields.Length < 3)
                {
                    return false;
                }

                item = int.TryParse(fields[2], out var pages)
                    ? new Book{{i}}(fields[0], fields[1], fields.ElementAtOrDefault(3) ?? "unknown", pages)
                    : new Disc{{i}}(fields[0], fields[1], TimeSpan.TryParse(fields[2], out var length) ? length : TimeSpan.Zero);
                return true;
            }
        }

        """;
}
