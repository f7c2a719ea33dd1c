using System.Reflection;
using System.Text.Json;

namespace NewsPulse.Tagging;

/// <summary>A country as the knowledge files describe it (see docs/TAGGING.md).</summary>
public sealed class CountryEntry
{
    public required string Code { get; init; }

    public IReadOnlyList<string> En { get; init; } = [];

    public IReadOnlyList<string> Fr { get; init; } = [];

    public IReadOnlyList<string> DemonymsEn { get; init; } = [];

    public IReadOnlyList<string> DemonymsFr { get; init; } = [];

    public IReadOnlyList<string> Capitals { get; init; } = [];

    public IReadOnlyList<string> Seats { get; init; } = [];

    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>States, provinces and regions, and places that stand for the country's business ("Wall Street").</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The English short name, for display.</summary>
    public string Name => En.Count > 0 ? En[0] : Code;
}

/// <summary>A company as the knowledge files describe it (see docs/TAGGING.md).</summary>
public sealed class CompanyEntry
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Ticker { get; init; }

    public string? Parent { get; init; }

    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>The name or an alias is also a common word, a place or a surname: case and context must confirm it.</summary>
    public bool Ambiguous { get; init; }
}

/// <summary>The countries and companies built into the assembly (Knowledge/*.jsonl), read once.</summary>
public static class Knowledge
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true };

    private static readonly Lazy<IReadOnlyList<CountryEntry>> BuiltInCountries = new(() => Read<CountryEntry>("countries"));

    private static readonly Lazy<IReadOnlyList<CompanyEntry>> BuiltInCompanies = new(() => Read<CompanyEntry>("companies-"));

    public static IReadOnlyList<CountryEntry> Countries => BuiltInCountries.Value;

    public static IReadOnlyList<CompanyEntry> Companies => BuiltInCompanies.Value;

    /// <summary>Every line of the embedded files whose name starts with <paramref name="prefix"/>; a bad line names its file and number.</summary>
    private static List<T> Read<T>(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var entries = new List<T>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("knowledge/" + prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    entries.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException("null entry"));
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"{resource}:{number}: {ex.Message}", ex);
                }
            }
        }

        return entries;
    }
}
