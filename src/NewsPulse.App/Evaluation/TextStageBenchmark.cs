using System.Diagnostics;
using System.Text.Json;
using NewsPulse.Tagging;

namespace NewsPulse.App.Evaluation;

/// <summary>
/// Speed of a text stage (tagging, quotes) on articles of a given size: real article bodies (the extraction
/// benchmark's hand-checked texts) and the project's labelled stories, on one thread, with the set-up timed apart.
/// </summary>
public static class TextStageBenchmark
{
    public sealed record Article(string Id, string Title, string Text, string? Language);

    public sealed record Result(int Articles, int Passes, double MeanChars, double LoadSeconds, double ArticlesPerSecond, double MedianPassArticlesPerSecond, double ArticlesPerCpuSecond, long PeakWorkingSetBytes, int OutputsPerPass);

    private sealed class TruthFile
    {
        public string? Id { get; init; }

        public string? ArticleBody { get; init; }
    }

    private static readonly JsonSerializerOptions TruthJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Articles whose text is <paramref name="minChars"/> to <paramref name="maxChars"/> long from both sources (either may be absent).</summary>
    public static List<Article> Load(string? truthFolder, string? storiesFolder, int minChars, int maxChars)
    {
        var articles = new List<Article>();
        if (truthFolder is not null && Directory.Exists(truthFolder))
        {
            foreach (var file in Directory.GetFiles(truthFolder, "*.json").Order(StringComparer.Ordinal))
            {
                var truth = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(file), TruthJson);
                if (truth?.ArticleBody is { } body)
                {
                    articles.Add(new Article(truth.Id ?? Path.GetFileNameWithoutExtension(file), "", body, null));
                }
            }
        }

        if (storiesFolder is not null && Directory.Exists(storiesFolder))
        {
            articles.AddRange(LabelledStory.Load(storiesFolder).Select(s => new Article(s.Id, s.Title, s.Text, s.Language)));
        }

        return [.. articles.Where(a => a.Text.Length >= minChars && a.Text.Length <= maxChars)];
    }

    /// <summary>
    /// Sets the stage up and runs it on the first article (timed together: what a fresh process waits before its
    /// first result), warms up, then runs it on every article <paramref name="passes"/> times on this thread, each
    /// pass timed. The stage returns how many things it found in an article (tags, quotes).
    /// </summary>
    public static Result Measure(Func<Func<Article, int>> setUp, IReadOnlyList<Article> articles, int passes)
    {
        ArgumentNullException.ThrowIfNull(setUp);
        ArgumentNullException.ThrowIfNull(articles);
        var clock = Stopwatch.StartNew();
        var stage = setUp();
        stage(articles[0]);
        var loadSeconds = clock.Elapsed.TotalSeconds;

        // The runtime recompiles hot code, optimised, only after it has run a while (tiered JIT); a long-running
        // ingest works with that code, so the warm-up lasts until it is in place.
        clock.Restart();
        while (clock.Elapsed < WarmUp)
        {
            RunAll(stage, articles);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        var tags = 0;
        var passRates = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var passStart = clock.Elapsed;
            tags = RunAll(stage, articles);
            passRates.Add(articles.Count / (clock.Elapsed - passStart).TotalSeconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var count = articles.Count * passes;
        return new Result(
            articles.Count, passes, articles.Average(a => a.Text.Length), loadSeconds, count / elapsed, passRates.Order().ElementAt(passes / 2), count / cpu, process.PeakWorkingSet64, tags);
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>Runs the stage on every article once; returns how many things it found.</summary>
    private static int RunAll(Func<Article, int> stage, IReadOnlyList<Article> articles) => articles.Sum(stage);
}
