using System.Reflection;
using System.Text.Json;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// The project's labelled paragraphs for language identification: one JSON Lines file per language
/// (<c>en.jsonl</c>, ...), each line <c>{"split": "train|dev|test", "text": ...}</c>. The train split is built into the
/// assembly as the identifier's model; dev tunes it; test is only ever reported.
/// </summary>
public static class LanguageSamples
{
    public sealed record Sample(string Language, string Split, string Text);

    private sealed class Line
    {
        public string? Split { get; init; }

        public string? Text { get; init; }
    }

    private static readonly JsonSerializerOptions LineJson = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<LanguageIdentifier> BuiltIn = new(() =>
        new LanguageIdentifier(Embedded().Where(s => s.Split == "train").Select(s => (s.Language, s.Text))));

    /// <summary>The identifier trained on the built-in train split.</summary>
    public static LanguageIdentifier Identifier => BuiltIn.Value;

    public static IReadOnlyList<Sample> Load(string folder)
    {
        var samples = new List<Sample>();
        foreach (var path in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(path);
            samples.AddRange(Read(Path.GetFileNameWithoutExtension(path), reader, path));
        }

        return samples;
    }

    private static List<Sample> Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var samples = new List<Sample>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("language-id/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            samples.AddRange(Read(Path.GetFileNameWithoutExtension(name["language-id/".Length..]), reader, name));
        }

        return samples;
    }

    private static IEnumerable<Sample> Read(string language, StreamReader reader, string source)
    {
        var number = 0;
        while (reader.ReadLine() is { } json)
        {
            number++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            var line = JsonSerializer.Deserialize<Line>(json, LineJson);
            if (line?.Split is not ("train" or "dev" or "test") || string.IsNullOrWhiteSpace(line.Text))
            {
                throw new InvalidDataException($"{source}:{number}: each line needs split train|dev|test and a text");
            }

            yield return new Sample(language, line.Split, line.Text);
        }
    }
}
