using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Tagging;

/// <summary>A company tag as users see it; <paramref name="Source"/> is model or analyst.</summary>
public sealed record CompanyTagView(string Name, string? Ticker, double Confidence, string Source, string? ModelVersion);

/// <summary>A country tag as users see it.</summary>
public sealed record CountryTagView(string Code, string Name, double Confidence, string Source, string? ModelVersion);

/// <summary>A theme tag as users see it.</summary>
public sealed record ThemeTagView(string Name, double Confidence, string Source, string? ModelVersion);

/// <summary>An article's tags in the shape of <c>newspulse tag</c>'s output, each with where it came from (API and <c>tags show</c>).</summary>
public sealed record ArticleTagsView(long ArticleId, IReadOnlyList<CompanyTagView> Companies, IReadOnlyList<CountryTagView> Countries, IReadOnlyList<ThemeTagView> Themes)
{
    private static readonly Dictionary<string, CompanyEntry> CompaniesByName = Knowledge.Companies.ToDictionary(c => c.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, CountryEntry> CountriesByCode = Knowledge.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static ArticleTagsView From(long articleId, IReadOnlyList<EffectiveTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new ArticleTagsView(
            articleId,
            [.. Of(tags, TagKind.Company).Select(t => new CompanyTagView(t.Value, CompaniesByName.GetValueOrDefault(t.Value)?.Ticker, Round(t.Confidence), t.Source, t.ModelVersion))],
            [.. Of(tags, TagKind.Country).Select(t => new CountryTagView(t.Value, CountriesByCode.GetValueOrDefault(t.Value)?.Name ?? t.Value, Round(t.Confidence), t.Source, t.ModelVersion))],
            [.. Of(tags, TagKind.Theme).Select(t => new ThemeTagView(t.Value, Round(t.Confidence), t.Source, t.ModelVersion))]);
    }

    /// <summary>Confidences are stored as 4-byte reals; three decimals is all they mean.</summary>
    private static double Round(double confidence) => Math.Round(confidence, 3);

    private static IEnumerable<EffectiveTag> Of(IReadOnlyList<EffectiveTag> tags, TagKind kind) =>
        tags.Where(t => t.Kind == kind.Name()).OrderByDescending(t => t.Confidence).ThenBy(t => t.Value, StringComparer.Ordinal);
}
