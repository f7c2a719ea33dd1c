using System.Text.Json;

namespace NewsPulse.Tagging;

/// <summary>A story with the tags a person gave it: a line of tests/data/tagging/*.jsonl, or an article analysts corrected.</summary>
public sealed class LabelledStory
{
    public required string Id { get; init; }

    /// <summary>train, dev or test; the test split is never used to tune anything.</summary>
    public required string Split { get; init; }

    public string? Language { get; init; }

    public string Title { get; init; } = "";

    public required string Text { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Companies { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Every story of the *.jsonl files of a folder, in file then line order; a bad line names its file and line.</summary>
    public static List<LabelledStory> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No labelled-story folder at {folder}.");
        }

        var stories = new List<LabelledStory>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
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
                    stories.Add(JsonSerializer.Deserialize<LabelledStory>(line, Json) ?? throw new JsonException("null story"));
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)} line {number}: {ex.Message}", ex);
                }
            }
        }

        return stories;
    }
}
