using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace NewsPulse.App.Evaluation;

/// <summary>
/// A folder of article pages with their true bodies (<c>html/ID.html</c>, <c>truth/ID.json</c> holding
/// <c>url</c> and <c>articleBody</c>), and one extractor's run over it: quality by <see cref="ExtractionScorer"/>,
/// speed on one thread, memory.
/// </summary>
public static class ExtractionBenchmark
{
    public sealed record Page(string Id, Uri Url, string Truth, string HtmlPath);

    public sealed record PageResult(string Id, ExtractionScorer.PageScore Score, string Prediction);

    /// <summary>
    /// One extractor's run. PagesPerCpuSecond counts pages per second of CPU time the process used meanwhile (GC
    /// included): the one-core rate, steadier than wall time on a shared machine.
    /// </summary>
    public sealed record Run(
        string Extractor, ExtractionScorer.Summary Quality, double PagesPerSecond, double PagesPerCpuSecond, long PeakWorkingSetBytes, IReadOnlyList<PageResult> Pages);

    private sealed class Truth
    {
        public string? Url { get; init; }

        public string? ArticleBody { get; init; }
    }

    private const int WarmUpPages = 10;

    private static readonly JsonSerializerOptions TruthJson = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<Page> Load(string folder)
    {
        var truthFolder = Path.Combine(folder, "truth");
        var htmlFolder = Path.Combine(folder, "html");
        if (!Directory.Exists(truthFolder) || !Directory.Exists(htmlFolder))
        {
            throw new FileNotFoundException($"{folder} must hold html/ID.html and truth/ID.json");
        }

        var pages = new List<Page>();
        foreach (var path in Directory.GetFiles(truthFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var truth = JsonSerializer.Deserialize<Truth>(File.ReadAllText(path), TruthJson);
            var html = Path.Combine(htmlFolder, id + ".html");
            if (truth?.ArticleBody is null || !File.Exists(html))
            {
                throw new InvalidDataException($"{path}: no articleBody, or no {id}.html beside it");
            }

            pages.Add(new Page(id, Uri.TryCreate(truth.Url, UriKind.Absolute, out var url) ? url : new Uri("http://unknown.invalid/"), truth.ArticleBody, html));
        }

        return pages;
    }

    /// <summary>
    /// Runs <paramref name="extract"/> (HTML and URL in, body text out, empty for nothing) over every page on this
    /// thread. Files are read, and the extractor warmed up, before the clock starts: the time is the extractor's own.
    /// </summary>
    /// <param name="name">The extractor's name in the report.</param>
    /// <param name="pages">The labelled pages.</param>
    /// <param name="extract">HTML and URL in, body text out.</param>
    /// <param name="passes">Times the whole set is extracted; the rate is over all of them, which steadies it on a busy machine.</param>
    public static Run Measure(string name, IReadOnlyList<Page> pages, Func<string, Uri, string> extract, int passes = 1)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(extract);
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var documents = pages.Select(p => strictUtf8.GetString(File.ReadAllBytes(p.HtmlPath))).ToArray();
        var predictions = new string[pages.Count];

        // A few untimed pages first, so that the clock measures the extractor and not the JIT compiling it.
        foreach (var document in documents.Take(WarmUpPages))
        {
            extract(document, pages[0].Url);
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                predictions[i] = extract(documents[i], pages[i].Url);
            }
        }

        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var results = pages.Select((page, i) => new PageResult(page.Id, ExtractionScorer.ScorePage(page.Truth, predictions[i]), predictions[i])).ToList();
        return new Run(
            name,
            ExtractionScorer.Summarise(results.Select(r => r.Score).ToList()),
            pages.Count * passes / clock.Elapsed.TotalSeconds,
            pages.Count * passes / cpu.TotalSeconds,
            process.PeakWorkingSet64,
            results);
    }
}
