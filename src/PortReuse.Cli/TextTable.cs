using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PortReuse.Cli;

/// <summary>A plain-text table with aligned columns: readable in a terminal, in a log and in a pipe.</summary>
internal sealed class TextTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = new();

    public TextTable(params string[] headers) => this.headers = headers;

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        int[] widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteLine(writer, headers, widths);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths) =>
        writer.WriteLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
}
