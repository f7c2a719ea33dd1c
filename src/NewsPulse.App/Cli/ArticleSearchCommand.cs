using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse articles search [filters] [--format table|json|csv] [--limit N]</c>: articles by company, country,
/// theme, person, language, source, dates and full text. Several values of one filter are OR, filters are AND.
/// </summary>
internal static class ArticleSearchCommand
{
    public static Command Create()
    {
        var company = Many("--company", "A company (name or alias); repeat for any of several.");
        var country = Many("--country", "A country (ISO code or name, English or French).");
        var theme = Many("--theme", $"A theme: {string.Join(", ", Themes.All)}.");
        var person = Many("--person", "A person quoted in the article (full name or id).");
        var language = Many("--language", "An article language (en, fr...).");
        var source = Many("--source", "A feed (name or id).");
        var from = new Option<string?>("--from") { Description = "Published on or after this date (YYYY-MM-DD or ISO 8601)." };
        var to = new Option<string?>("--to") { Description = "Published before this date." };
        var text = new Option<string?>("--q") { Description = "Full text: words, \"phrases\", prefix*, -exclusion." };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Tags below this confidence (0-1) do not count for --company, --country and --theme.", DefaultValueFactory = _ => 0 };
        var sort = new Option<string>("--sort") { Description = "published (newest first) or relevance (needs --q).", DefaultValueFactory = _ => "published" };
        sort.AcceptOnlyFromAmong("published", "relevance");
        var limit = new Option<int>("--limit") { Description = "Articles per page (1-200).", DefaultValueFactory = _ => 20 };
        var cursor = new Option<string?>("--cursor") { Description = "Where the previous page ended (printed after a full page)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("search", "Find articles by company, country, theme, person, language, source, date and full text.")
        {
            company, country, theme, person, language, source, from, to, text, minConfidence, sort, limit, cursor, format,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var query = new ArticleQuery
            {
                Companies = Resolve(TagKind.Company, parseResult.GetValue(company)!, "a company of the knowledge files"),
                Countries = Resolve(TagKind.Country, parseResult.GetValue(country)!, "a country (ISO code or name)"),
                Themes = Resolve(TagKind.Theme, parseResult.GetValue(theme)!, $"a theme ({string.Join(", ", Themes.All)})"),
                People = parseResult.GetValue(person)!,
                Languages = parseResult.GetValue(language)!,
                Sources = parseResult.GetValue(source)!,
                From = CliDates.Parse(parseResult.GetValue(from), "--from"),
                To = CliDates.Parse(parseResult.GetValue(to), "--to"),
                Text = string.IsNullOrWhiteSpace(parseResult.GetValue(text)) ? null : parseResult.GetValue(text),
                MinConfidence = parseResult.GetValue(minConfidence) is >= 0 and <= 1 and var c ? c : throw new UserInputException("--min-confidence must be between 0 and 1."),
                ByRelevance = parseResult.GetValue(sort) == "relevance",
                Limit = parseResult.GetValue(limit) is >= 1 and <= 200 and var n ? n : throw new UserInputException("--limit must be between 1 and 200."),
                Cursor = parseResult.GetValue(cursor),
            };
            if (query.ByRelevance && query.Text is null)
            {
                throw new UserInputException("--sort relevance needs --q.");
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            ArticlePage page;
            try
            {
                page = await app.Get<ArticleSearch>().SearchAsync(query, cancellationToken);
            }
            catch (InvalidCursorException ex)
            {
                throw new UserInputException($"--cursor: {ex.Message}.");
            }

            Write(page, parseResult.GetValue(format)!);
            return 0;
        });
        return command;
    }

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };

    private static string[] Resolve(TagKind kind, string[] values, string what) =>
        [.. values.Select(v => TagVocabulary.BuiltIn.Resolve(kind, v) ?? throw new UserInputException($"--{kind.Name()} '{v}' is not {what}."))];

    private static void Write(ArticlePage page, string format)
    {
        switch (format)
        {
            case "json":
                Console.WriteLine(JsonSerializer.Serialize(new { articles = page.Articles, next_cursor = page.NextCursor }, JsonOutput.Indented));
                break;
            case "csv":
                using (var csv = new CsvWriter(Console.Out, CultureInfo.InvariantCulture, leaveOpen: true))
                {
                    csv.WriteRecords(page.Articles.Select(a => new { a.Id, a.Title, a.Language, a.PublishedAt, Source = a.FeedName ?? a.SiteName, a.Url }));
                }

                break;
            default:
                var table = new Table().AddColumns("id", "published", "lang", "source", "title");
                foreach (var article in page.Articles)
                {
                    table.AddRow(
                        article.Id.ToString(CultureInfo.InvariantCulture),
                        (article.PublishedAt ?? article.DiscoveredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        Markup.Escape(article.Language ?? ""),
                        Markup.Escape(article.FeedName ?? article.SiteName ?? ""),
                        Markup.Escape(article.Title ?? article.Url));
                }

                AnsiConsole.Write(table);
                if (page.NextCursor is not null)
                {
                    AnsiConsole.WriteLine($"More: --cursor {page.NextCursor}");
                }

                break;
        }
    }
}
