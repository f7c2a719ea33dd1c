using System.Text.Json;

namespace NewsPulse.Quotes;

/// <summary>A quote as annotators marked it; <see cref="Occurrence"/> says which occurrence of <see cref="Text"/> in the article is meant.</summary>
public sealed class AnnotatedQuote
{
    public required string Text { get; init; }

    public int Occurrence { get; init; } = 1;

    public string? Speaker { get; init; }

    public string? Mention { get; init; }

    public string? SpeakerTitle { get; init; }

    public string? SpeakerOrg { get; init; }

    public string? Verb { get; init; }

    public string Kind { get; init; } = "direct";

    /// <summary>Where the quote starts in the article text, found from <see cref="Text"/> and <see cref="Occurrence"/>.</summary>
    public int Start { get; set; }

    public int End => Start + Text.Length;
}

/// <summary>An article of tests/data/quotes/*.jsonl: text and its annotated quotes.</summary>
public sealed class AnnotatedArticle
{
    public string Id { get; init; } = "";

    public string Split { get; init; } = "test";

    public string? Language { get; init; }

    public string Title { get; init; } = "";

    public required string Text { get; init; }

    public IReadOnlyList<AnnotatedQuote> Quotes { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The articles of a JSON Lines file or of a folder's *.jsonl files; a quote that is not in its text fails with the article named.</summary>
    public static List<AnnotatedArticle> Load(string path)
    {
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : throw new DirectoryNotFoundException($"No annotated articles at {path}.");
        var articles = new List<AnnotatedArticle>();
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

                AnnotatedArticle article;
                try
                {
                    article = JsonSerializer.Deserialize<AnnotatedArticle>(line, Json) ?? throw new JsonException("null article");
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)} line {number}: {ex.Message}", ex);
                }

                foreach (var quote in article.Quotes)
                {
                    var at = -1;
                    for (var k = 0; k < Math.Max(1, quote.Occurrence); k++)
                    {
                        at = article.Text.IndexOf(quote.Text, at + 1, StringComparison.Ordinal);
                        if (at < 0)
                        {
                            throw new InvalidDataException($"{Path.GetFileName(file)} line {number} ({article.Id}): quote not in the text: {quote.Text}");
                        }
                    }

                    quote.Start = at;
                }

                articles.Add(article);
            }
        }

        return articles;
    }
}
