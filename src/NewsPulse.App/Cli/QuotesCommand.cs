using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.App.Quotes;
using NewsPulse.Quotes;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;
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
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Command CreateExport()
    {
        var person = new Option<string>("--person") { Description = "The person: a name (any case, accents optional) or an id from `newspulse people list`.", Required = true };
        var from = new Option<string?>("--from") { Description = "Only articles published on or after this date (YYYY-MM-DD or ISO 8601)." };
        var to = new Option<string?>("--to") { Description = "Only articles published before this date." };
        var theme = new Option<string?>("--theme") { Description = "Only articles with this theme." };
        var company = new Option<string?>("--company") { Description = "Only articles tagged with this company (name or alias)." };
        var format = new Option<string>("--format") { Description = "csv, json or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong(QuoteExport.Formats);
        var output = new Option<FileInfo?>("--output") { Description = "File to write (default: standard output)." };
        var excel = new Option<bool>("--excel") { Description = "Start the CSV with a UTF-8 byte-order mark, so Excel reads accents right." };
        var command = new Command("export", "A person's quotes with title, organisation, article, outlet, date, verb, context and the article's tags.")
        {
            person, from, to, theme, company, format, output, excel,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var since = CliDates.Parse(parseResult.GetValue(from), "--from");
            var until = CliDates.Parse(parseResult.GetValue(to), "--to");
            var themeName = parseResult.GetValue(theme) is { } t ? TagVocabulary.BuiltIn.Resolve(TagKind.Theme, t) ?? throw new UserInputException($"'{t}' is not a theme: use one of {string.Join(", ", Themes.All)}.") : null;
            var companyName = parseResult.GetValue(company) is { } c ? TagVocabulary.BuiltIn.Resolve(TagKind.Company, c) ?? throw new UserInputException($"'{c}' is not a company of the knowledge files.") : null;
            await using var app = await AppServices.StartAsync(cancellationToken);
            var match = await app.Get<PersonLookup>().FindAsync(parseResult.GetValue(person)!, cancellationToken);
            if (match.Person is not { } found)
            {
                throw new UserInputException(match.Problem! + ".");
            }

            var rows = await app.Get<QuoteStore>().ExportAsync(found.Id, since, until, themeName, companyName, cancellationToken);
            var file = parseResult.GetValue(output);
            await using (var stream = file is null ? Console.OpenStandardOutput() : File.Create(file.FullName))
            {
                await QuoteExport.WriteAsync(rows, parseResult.GetValue(format)!, parseResult.GetValue(excel), stream, cancellationToken);
            }

            await Console.Error.WriteLineAsync($"{rows.Count} quotes of {found.Name} (person {found.Id}){(file is null ? "" : $" written to {file.FullName}")}.");
            return 0;
        });
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
            var table = new Table().Title($"{chosen} split").AddColumns("language", "articles", "annotated", "found", "precision", "recall", "F1", "speaker accuracy", "organisation accuracy");
            foreach (var s in scores)
            {
                table.AddRow(s.Language, Count(s.Articles), Count(s.Gold), Count(s.Predicted), Number(s.Precision), Number(s.Recall), Number(s.F1), Number(s.SpeakerAccuracy), Number(s.OrganisationAccuracy));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"A found quote matches an annotated one when they share at least 80% of the longer span; {articles.Count} articles in {clock.Elapsed.TotalSeconds:0.00} s.");
            foreach (var error in found.Take(parseResult.GetValue(errors)))
            {
                // Plain lines, never wrapped, so that an error can be searched for.
                Console.WriteLine($"  {error.ArticleId} {error.Problem}: \"{Short(error.Quote)}\" (annotated: {error.Expected ?? "-"}; found: {error.Found ?? "-"})");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static string Short(string text) => text.Length <= 70 ? text : text[..67] + "...";

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
