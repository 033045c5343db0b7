namespace PortReuse.Analyzers.Benchmarks.Corpora;

/// <summary>The corpora of issue 7, by key. Generation is deterministic: no randomness, only the file index.</summary>
public static class CorpusGenerator
{
    /// <summary>Every tenth file (10%) binds sockets in the mixed corpora.</summary>
    public const int SocketFileEvery = 10;

    public static Corpus Plain(int files)
        => new($"plain-{files}", $"{files} files, no sockets", Generate(files, socketEvery: 0), 0);

    public static Corpus Mixed(int files)
    {
        var generated = Generate(files, SocketFileEvery);
        return new($"mixed-{files}", $"{files} files, 10% bind sockets", generated, files / SocketFileEvery);
    }

    public static Corpus LongFile(int lines)
        => new($"long-{lines}", $"one {lines:N0}-line file of long methods with many bind sites",
            new[] { PlainCode.Configuration(), new CorpusFile("Farm/PortFarm.cs", SocketCode.LongFile(lines)) }, 1);

    private static IReadOnlyList<CorpusFile> Generate(int files, int socketEvery)
    {
        var result = new List<CorpusFile>(files + 1) { PlainCode.Configuration() };
        for (var i = 0; i < files; i++)
        {
            var binds = socketEvery > 0 && i % socketEvery == socketEvery - 1;
            result.Add(new CorpusFile($"Area{i % 40}/File{i}.cs", binds ? SocketCode.File(i) : PlainCode.File(i)));
        }

        return result;
    }
}
