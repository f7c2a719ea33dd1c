using System.CommandLine;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.App.Tagging;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Tagging;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse tag [--input FILE]</c>: the tagging stage alone, JSON Lines in, JSON Lines out, no database.
/// Reads <c>{"id", "title", "text", "language"?}</c> and writes one line per input line, in order; a bad line gets
/// <c>{"id", "error"}</c> (or <c>{"line", "error"}</c> without an id) and the run goes on.
/// </summary>
internal static class TagCommand
{
    private sealed record TagOutput(string Id, string? Language, IReadOnlyList<CompanyTag> Companies, IReadOnlyList<CountryTag> Countries, IReadOnlyList<ThemeTag> Themes, string ModelVersion);

    private sealed record IdError(string Id, string Error);

    private sealed record LineError(int Line, string Error);

    private sealed class TagInput
    {
        public JsonElement Id { get; init; }

        public string? Title { get; init; }

        public string? Text { get; init; }

        public string? Language { get; init; }
    }

    private static readonly JsonSerializerOptions InputJson = new() { PropertyNameCaseInsensitive = true };

    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = "JSON Lines file to read (default: standard input)." };
        var model = new Option<FileInfo?>("--model") { Description = "Model file to use (default: the current model; one is trained first when there is none)." };
        var command = new Command("tag", "Tag stories with companies, countries and themes; JSON Lines in and out.") { input, model };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            using var loggers = AppServices.CreateLoggerFactory(AppConfiguration.Build());
            var tagger = parseResult.GetValue(model) is { } file
                ? new Tagger(LoadModel(file.FullName))
                : OfflineTagging.Open(loggers).CurrentTagger();
            var source = parseResult.GetValue(input);
            if (source is { Exists: false })
            {
                throw new UserInputException($"No such file: {source.FullName}");
            }

            using var reader = source is null ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(source.FullName);
            await using var writer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            var identifier = LanguageSamples.Identifier;
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var result = TagLine(tagger, identifier, line, number);
                await writer.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), JsonOutput.Lines));
            }

            await writer.FlushAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    internal static TaggingModel LoadModel(string path)
    {
        try
        {
            return TaggingModel.Load(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or IncompatibleModelException)
        {
            throw new UserInputException(ex.Message);
        }
    }

    private static object TagLine(Tagger tagger, LanguageIdentifier identifier, string line, int number)
    {
        TagInput? story;
        try
        {
            story = JsonSerializer.Deserialize<TagInput>(line, InputJson);
        }
        catch (JsonException ex)
        {
            return new LineError(number, $"not a JSON object: {ex.Message}");
        }

        if (story is null)
        {
            return new LineError(number, "not a JSON object");
        }

        var id = story.Id.ValueKind switch
        {
            JsonValueKind.String => story.Id.GetString(),
            JsonValueKind.Number => story.Id.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(id))
        {
            return new LineError(number, "no \"id\" (a string or a number)");
        }

        if (string.IsNullOrWhiteSpace(story.Text) && string.IsNullOrWhiteSpace(story.Title))
        {
            return new IdError(id, "no \"text\" or \"title\" to tag");
        }

        var language = string.IsNullOrWhiteSpace(story.Language)
            ? identifier.Identify(story.Title + "\n" + story.Text)
            : story.Language.Trim().ToLowerInvariant();
        var tags = tagger.Tag(story.Title ?? "", story.Text ?? "", language);
        return new TagOutput(id, language, tags.Companies, tags.Countries, tags.Themes, tagger.ModelVersion);
    }
}
