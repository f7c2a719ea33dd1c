namespace NewsPulse.Tagging;

/// <summary>A company a story is about, with the model's confidence (0 to 1).</summary>
public sealed record CompanyTag(string Name, string? Ticker, double Confidence);

/// <summary>A country a story is about: ISO 3166-1 alpha-2 code, English name, confidence.</summary>
public sealed record CountryTag(string Code, string Name, double Confidence);

/// <summary>A theme of the story, with the model's confidence.</summary>
public sealed record ThemeTag(string Name, double Confidence);

/// <summary>Everything the tagger says about one story, most confident first within each kind.</summary>
public sealed record StoryTags(IReadOnlyList<CompanyTag> Companies, IReadOnlyList<CountryTag> Countries, IReadOnlyList<ThemeTag> Themes);
