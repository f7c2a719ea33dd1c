using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.Ingest.Extraction;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse extract PATH... [--format jsonl]</c>: the extraction stage alone, on files, no database.
/// One JSON object per input file on stdout, in input order; a file that fails yields an error object and the run goes on.
/// </summary>
internal static class ExtractCommand
{
    // The first eight fields are the contract other tools read; the rest are additions.
    private sealed record ExtractOutput(
        string Id, string? Url, string? Title, string? Byline, string? Published, string? Language, string? SiteName, string Text,
        IReadOnlyList<string> Authors, string? Modified, string? Description, string? Image);

    private sealed record ExtractError(string Id, string Error);

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "HTML files, or folders whose *.html files are read (sorted by name).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format (jsonl).", DefaultValueFactory = _ => "jsonl" };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds one file may take; a file over it gets an error and the run goes on.", DefaultValueFactory = _ => 2 };
        format.AcceptOnlyFromAmong("jsonl");
        var command = new Command("extract", "Extract article text and metadata from HTML files; JSON Lines on stdout.") { paths, format, timeLimit };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var files = Expand(parseResult.GetValue(paths)!);
            var limit = parseResult.GetValue(timeLimit) is > 0 and <= 600 and var seconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new UserInputException("--time-limit must be between 0 and 600 seconds.");
            var extractor = new ArticleExtractor();
            await using var output = Console.OpenStandardOutput();
            await using var writer = new StreamWriter(output) { AutoFlush = false };
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = Path.GetFileNameWithoutExtension(file);
                object line;
                try
                {
                    var html = HtmlDecoder.Decode(await File.ReadAllBytesAsync(file, cancellationToken), contentType: null);
                    var result = await extractor.ExtractAsync(html, new Uri(Path.GetFullPath(file)), limit, cancellationToken);
                    line = result.Article is { } article
                        ? new ExtractOutput(
                            id,
                            article.CanonicalUrl?.AbsoluteUri,
                            article.Title,
                            article.Authors.Count == 0 ? null : string.Join(", ", article.Authors),
                            Iso(article.PublishedAt),
                            article.Language,
                            article.SiteName,
                            article.Text,
                            article.Authors,
                            Iso(article.ModifiedAt),
                            article.Description,
                            article.Image?.AbsoluteUri)
                        : new ExtractError(id, result.Error ?? result.NotAnArticleReason!);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    line = new ExtractError(id, $"cannot read the file: {ex.Message}");
                }

                await writer.WriteLineAsync(JsonSerializer.Serialize(line, line.GetType(), JsonOutput.Lines));
            }

            await writer.FlushAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>ISO 8601 with the page's own offset kept.</summary>
    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.html").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UserInputException($"No such file or folder: {path}");
            }
        }

        return files;
    }
}
