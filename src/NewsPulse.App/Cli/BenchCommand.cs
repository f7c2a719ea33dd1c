using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Evaluation;
using NewsPulse.App.Hosting;
using NewsPulse.App.Tagging;
using NewsPulse.Tagging;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Quotes;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse bench extract --data DIR</c>: article-body quality (precision, recall, F1, exact match) and speed of
/// the extractor on a labelled page set, with SmartReader (Readability on AngleSharp) measured in the same run.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks that print what they measure.");
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with html/ID.html and truth/ID.json (default: ../shared/bench/extraction-zyte beside the checkout).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(ProjectPaths.Root, "..", "shared", "bench", "extraction-zyte")),
        };
        var details = new Option<FileInfo?>("--details") { Description = "Also write each page's scores and extracted text here (JSON Lines)." };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the SmartReader baseline." };
        var passes = new Option<int>("--passes") { Description = "Times each extractor goes over the set; speed is measured over all of them (1-20).", DefaultValueFactory = _ => 3 };
        var extract = new Command("extract", "Article extraction on labelled pages: precision, recall, F1, exact match, pages/s (one thread), peak memory.")
        {
            data,
            details,
            noBaseline,
            passes,
        };
        extract.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(data)!;
            if (!folder.Exists)
            {
                throw new UserInputException($"No benchmark data at {folder.FullName}; pass --data DIR (html/ and truth/ inside).");
            }

            IReadOnlyList<ExtractionBenchmark.Page> pages;
            try
            {
                pages = ExtractionBenchmark.Load(folder.FullName);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or JsonException)
            {
                throw new UserInputException($"Cannot read the benchmark data: {ex.Message}", ex);
            }

            var passCount = parseResult.GetValue(passes) is >= 1 and <= 20 and var p ? p : throw new UserInputException("--passes must be between 1 and 20.");
            AnsiConsole.MarkupLine($"{pages.Count} pages from [blue]{Markup.Escape(folder.FullName)}[/], {passCount} passes each");
            var extractor = new ArticleExtractor();
            var runs = new List<ExtractionBenchmark.Run>
            {
                ExtractionBenchmark.Measure("NewsPulse", pages, (html, url) => extractor.Extract(html, url).Article?.Text ?? string.Empty, passCount),
            };
            if (!parseResult.GetValue(noBaseline))
            {
                runs.Add(ExtractionBenchmark.Measure("SmartReader", pages, SmartReaderText, passCount));
            }

            var table = new Table().AddColumns("extractor", "F1", "precision", "recall", "exact", "pages/s", "pages/CPU-s", "peak MB");
            foreach (var run in runs)
            {
                var q = run.Quality;
                table.AddRow(
                    Markup.Escape(run.Extractor), Number(q.F1), Number(q.Precision), Number(q.Recall), Number(q.Accuracy),
                    run.PagesPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                    run.PagesPerCpuSecond.ToString("0.0", CultureInfo.InvariantCulture),
                    (run.PeakWorkingSetBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine("SmartReader 0.11.1 is the baseline (Readability on AngleSharp). pages/s: wall time on one thread; pages/CPU-s: per second of");
            AnsiConsole.WriteLine("the process's CPU time (GC included); exact: share of pages whose tokens match exactly; peak MB: the process's peak");
            AnsiConsole.WriteLine("working set when each run ended (runs go in the order shown).");
            if (parseResult.GetValue(details) is { } detailsFile)
            {
                await using var writer = new StreamWriter(detailsFile.FullName);
                foreach (var run in runs)
                {
                    foreach (var page in run.Pages)
                    {
                        await writer.WriteLineAsync(JsonSerializer.Serialize(new { extractor = run.Extractor, page.Id, page.Score, prediction = page.Prediction }, JsonOutput.Lines));
                    }
                }
            }

            return 0;
        });
        command.Subcommands.Add(extract);
        command.Subcommands.Add(CreateTag());
        command.Subcommands.Add(CreateQuotes());
        return command;
    }

    private static Command CreateTag()
    {
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the current model)." };
        return CreateTextStage(
            "tag",
            "Tagging speed on 2-6 KB articles: model load time, articles/s on one thread after warm-up, peak memory.",
            "tags/pass",
            [model],
            (parseResult, files) =>
            {
                // The model file exists before timing starts, so the load measured is a load, not a first training.
                var path = parseResult.GetValue(model)?.FullName ?? files.CurrentPath() ?? files.TrainAndSave([], progress: null).Path;
                AnsiConsole.MarkupLine($"Model [blue]{Markup.Escape(ProjectPaths.Display(path))}[/]");
                return () =>
                {
                    var tagger = new Tagger(TagCommand.LoadModel(path));
                    return article =>
                    {
                        var tags = tagger.Tag(article.Title, article.Text, article.Language);
                        return tags.Companies.Count + tags.Countries.Count + tags.Themes.Count;
                    };
                };
            });
    }

    private static Command CreateQuotes() =>
        CreateTextStage(
            "quotes",
            "Quote extraction speed on 2-6 KB articles: articles/s on one thread after warm-up, peak memory.",
            "quotes/pass",
            [],
            (_, _) => () =>
            {
                var extractor = new QuoteExtractor();
                return article => extractor.Extract(article.Text, article.Language).Count;
            });

    /// <summary>A speed benchmark of a text stage over the same articles, with the same options and report.</summary>
    private static Command CreateTextStage(
        string name, string description, string outputsLabel, Option[] extraOptions, Func<ParseResult, ModelFiles, Func<Func<TextStageBenchmark.Article, int>>> stage)
    {
        var truth = new Option<DirectoryInfo>("--truth")
        {
            Description = "Folder of real article bodies, truth/ID.json with articleBody (default: ../shared/bench/extraction-zyte/truth; skipped when absent).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(ProjectPaths.Root, "..", "shared", "bench", "extraction-zyte", "truth")),
        };
        var stories = new Option<DirectoryInfo?>("--stories") { Description = "Folder of labelled *.jsonl stories (default: Tagging:DataDirectory)." };
        var passes = new Option<int>("--passes") { Description = "Times the stage goes over the articles (1-50).", DefaultValueFactory = _ => 5 };
        var minChars = new Option<int>("--min-chars") { Description = "Shortest article text used.", DefaultValueFactory = _ => 2000 };
        var maxChars = new Option<int>("--max-chars") { Description = "Longest article text used.", DefaultValueFactory = _ => 6000 };
        var command = new Command(name, description) { truth, stories, passes, minChars, maxChars };
        foreach (var option in extraOptions)
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction((parseResult, _) =>
        {
            var files = OfflineTagging.Open();
            var passCount = parseResult.GetValue(passes) is >= 1 and <= 50 and var p ? p : throw new UserInputException("--passes must be between 1 and 50.");
            var articles = TextStageBenchmark.Load(
                parseResult.GetValue(truth)?.FullName, parseResult.GetValue(stories)?.FullName ?? files.DataDirectory, parseResult.GetValue(minChars), parseResult.GetValue(maxChars));
            if (articles.Count == 0)
            {
                throw new UserInputException("No articles of that size in --truth or --stories.");
            }

            var result = TextStageBenchmark.Measure(stage(parseResult, files), articles, passCount);
            var table = new Table().AddColumns("articles", "mean chars", "passes", "set-up s", "articles/s", "median pass", "articles/CPU-s", outputsLabel, "peak MB");
            table.AddRow(
                result.Articles.ToString(CultureInfo.InvariantCulture),
                result.MeanChars.ToString("0", CultureInfo.InvariantCulture),
                result.Passes.ToString(CultureInfo.InvariantCulture),
                result.LoadSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                result.ArticlesPerSecond.ToString("0", CultureInfo.InvariantCulture),
                result.MedianPassArticlesPerSecond.ToString("0", CultureInfo.InvariantCulture),
                result.ArticlesPerCpuSecond.ToString("0", CultureInfo.InvariantCulture),
                result.OutputsPerPass.ToString(CultureInfo.InvariantCulture),
                (result.PeakWorkingSetBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine("set-up s: loading what the stage needs (a model) and running it on a first article. articles/s: all timed passes on one");
            AnsiConsole.WriteLine("thread, after a 5 s warm-up (the JIT's optimised code is in place, as in a long-running ingest); median pass: the middle");
            AnsiConsole.WriteLine("pass's rate; articles/CPU-s: per second of the process's CPU time (GC and JIT threads included); peak MB: peak working set.");
            return Task.FromResult(0);
        });
        return command;
    }

    private static string SmartReaderText(string html, Uri url)
    {
        var article = new SmartReader.Reader(url.AbsoluteUri, html).GetArticle();
        return article.IsReadable ? article.TextContent ?? string.Empty : string.Empty;
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
