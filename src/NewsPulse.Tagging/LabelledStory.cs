using System.Text.Json;

namespace NewsPulse.Tagging;

/// <summary>A story with the tags a person gave it: a line of tests/data/tagging/*.jsonl, or an article analysts corrected.</summary>
public sealed record LabelledStory
{
    public string Id { get; init; } = "";

    /// <summary>train, dev or test; the test split is never used to tune anything. A set without splits is a test set.</summary>
    public string Split { get; init; } = "test";

    public string? Language { get; init; }

    public string Title { get; init; } = "";

    public required string Text { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Companies { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Every story of a JSON Lines file, or of the *.jsonl files of a folder in name order. A line without an id is
    /// named after its file and line; a bad line names its file and line.
    /// </summary>
    public static List<LabelledStory> Load(string path)
    {
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : throw new DirectoryNotFoundException($"No labelled stories at {path}.");
        var stories = new List<LabelledStory>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var story = JsonSerializer.Deserialize<LabelledStory>(line, Json) ?? throw new JsonException("null story");
                    stories.Add(string.IsNullOrEmpty(story.Id) ? story with { Id = $"{Path.GetFileName(file)}:{number}" } : story);
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)} line {number}: {ex.Message}", ex);
                }
            }
        }

        return stories;
    }

    /// <summary>
    /// The story with its gold labels in stored form, so that a set labelled by others ("Alphabet Inc.", "France",
    /// "Open Source") is scored against what the tagger writes ("Alphabet", "FR", "open-source"). Labels that name
    /// nothing known are kept as they are, and count as misses.
    /// </summary>
    public LabelledStory Canonical(TagVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return this with
        {
            Themes = [.. Themes.Select(t => vocabulary.Resolve(TagKind.Theme, t) ?? t).Distinct()],
            Companies = [.. Companies.Select(c => vocabulary.Resolve(TagKind.Company, c) ?? c).Distinct()],
            Countries = [.. Countries.Select(c => vocabulary.Resolve(TagKind.Country, c) ?? c).Distinct()],
        };
    }
}
