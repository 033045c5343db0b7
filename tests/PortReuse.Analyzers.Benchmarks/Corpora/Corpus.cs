namespace PortReuse.Analyzers.Benchmarks.Corpora;

/// <summary>One generated source file: its name in the compilation and its text.</summary>
public sealed record CorpusFile(string Path, string Text);

/// <summary>A generated code base the analyzers are measured on; the same key always yields the same text.</summary>
public sealed record Corpus(string Key, string Description, IReadOnlyList<CorpusFile> Files, int SocketFiles)
{
    public int Lines => Files.Sum(f => f.Text.Count(c => c == '\n'));
}
