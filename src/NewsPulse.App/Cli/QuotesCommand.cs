using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.Quotes;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse quotes extract|eval</c>: the quote stage alone on files. <c>extract</c> reads JSON Lines
/// <c>{"id", "text", "language"?}</c> and writes one line per input line, in order, with the quotes and their
/// speakers; <c>text[start..end]</c> of the input is each quote without its marks. A bad line gets
/// <c>{"id", "error"}</c> (or <c>{"line", "error"}</c>) and the run goes on.
/// </summary>
internal static class QuotesCommand
{
    private static readonly string[] Splits = ["train", "dev", "test"];

    private sealed record QuoteOutput(
        string Text, int Start, int End, string? Speaker, string? SpeakerTitle, string? SpeakerOrg, string? Verb, string Kind, double Confidence, string? Mention);

    private sealed record ExtractOutput(string Id, IReadOnlyList<QuoteOutput> Quotes);

    private sealed record IdError(string Id, string Error);

    private sealed record LineError(int Line, string Error);

    private sealed class ExtractInput
    {
        public JsonElement Id { get; init; }

        public string? Text { get; init; }

        public string? Language { get; init; }
    }

    private static readonly JsonSerializerOptions InputJson = new() { PropertyNameCaseInsensitive = true };

    public static Command Create()
    {
        var command = new Command("quotes", "Quotes and their speakers: extract from JSON Lines, evaluate on the annotated set.");
        command.Subcommands.Add(CreateExtract());
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateExtract()
    {
        var input = new Option<FileInfo?>("--input") { Description = "JSON Lines file to read (default: standard input)." };
        var command = new Command("extract", "Extract quotes with speaker, title, organisation, verb and kind; JSON Lines in and out.") { input };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(input);
            if (source is { Exists: false })
            {
                throw new UserInputException($"No such file: {source.FullName}");
            }

            var extractor = new QuoteExtractor();
            using var reader = source is null ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(source.FullName);
            await using var writer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    var result = ExtractLine(extractor, line, number);
                    await writer.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), JsonOutput.Lines));
                }
            }

            await writer.FlushAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static object ExtractLine(QuoteExtractor extractor, string line, int number)
    {
        ExtractInput? article;
        try
        {
            article = JsonSerializer.Deserialize<ExtractInput>(line, InputJson);
        }
        catch (JsonException ex)
        {
            return new LineError(number, $"not a JSON object: {ex.Message}");
        }

        var id = article?.Id.ValueKind switch
        {
            JsonValueKind.String => article.Id.GetString(),
            JsonValueKind.Number => article.Id.GetRawText(),
            _ => null,
        };
        if (article is null || string.IsNullOrEmpty(id))
        {
            return new LineError(number, "no \"id\" (a string or a number)");
        }

        if (article.Text is null)
        {
            return new IdError(id, "no \"text\"");
        }

        var quotes = extractor.Extract(article.Text, article.Language);
        return new ExtractOutput(id, [.. quotes.Select(q => new QuoteOutput(q.Text, q.Start, q.End, q.Speaker, q.SpeakerTitle, q.SpeakerOrg, q.Verb, q.Kind == QuoteKind.Direct ? "direct" : "indirect", q.Confidence, q.Mention))]);
    }

    private static Command CreateEval()
    {
        var split = new Option<string>("--split") { Description = "The annotated split to score (test by default; articles without a split are test).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong(Splits);
        var data = new Option<FileSystemInfo>("--data")
        {
            Description = "An annotated JSON Lines file or a folder of them (default: tests/data/quotes).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(ProjectPaths.Root, "tests", "data", "quotes")),
        };
        var errors = new Option<int>("--errors") { Description = "How many errors to list (0 for none).", DefaultValueFactory = _ => 20 };
        var command = new Command("eval", "Quote precision, recall and F1 at 80% span overlap, and speaker accuracy on matched quotes, per language.") { split, data, errors };
        command.SetGuardedAction((parseResult, _) =>
        {
            var chosen = parseResult.GetValue(split)!;
            List<AnnotatedArticle> articles;
            try
            {
                articles = [.. AnnotatedArticle.Load(parseResult.GetValue(data)!.FullName).Where(a => a.Split == chosen)];
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
            {
                throw new UserInputException(ex.Message);
            }

            if (articles.Count == 0)
            {
                throw new UserInputException($"No {chosen} articles in {parseResult.GetValue(data)!.FullName}.");
            }

            var clock = Stopwatch.StartNew();
            var (scores, found) = QuoteEvaluation.Evaluate(new QuoteExtractor(), articles);
            var table = new Table().Title($"{chosen} split").AddColumns("language", "articles", "annotated", "found", "precision", "recall", "F1", "speaker accuracy");
            foreach (var s in scores)
            {
                table.AddRow(s.Language, Count(s.Articles), Count(s.Gold), Count(s.Predicted), Number(s.Precision), Number(s.Recall), Number(s.F1), Number(s.SpeakerAccuracy));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"A found quote matches an annotated one when they share at least 80% of the longer span; {articles.Count} articles in {clock.Elapsed.TotalSeconds:0.00} s.");
            foreach (var error in found.Take(parseResult.GetValue(errors)))
            {
                AnsiConsole.WriteLine(Markup.Escape($"  {error.ArticleId} {error.Problem}: \"{Short(error.Quote)}\" (annotated: {error.Expected ?? "-"}; found: {error.Found ?? "-"})"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static string Short(string text) => text.Length <= 70 ? text : text[..67] + "...";

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
