namespace NewsPulse.Tagging;

/// <summary>
/// How a stored tag value reads to people in English or French: a country by its short name, a theme by its name in
/// that language, a company as it is. Stored values (ISO codes, theme names) stay what links and filters use.
/// </summary>
public static class TagNames
{
    private static readonly Dictionary<string, CountryEntry> CountriesByCode = Knowledge.Countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> EnglishThemes = new(StringComparer.Ordinal)
    {
        ["open-source"] = "Open source", ["policy"] = "Policy", ["markets"] = "Markets", ["ai"] = "AI",
        ["semiconductors"] = "Semiconductors", ["deals"] = "Deals", ["cloud"] = "Cloud", ["security"] = "Security", ["telecoms"] = "Telecoms",
    };

    private static readonly Dictionary<string, string> FrenchThemes = new(StringComparer.Ordinal)
    {
        ["open-source"] = "Logiciel libre", ["policy"] = "Politiques publiques", ["markets"] = "Marchés", ["ai"] = "Intelligence artificielle",
        ["semiconductors"] = "Semi-conducteurs", ["deals"] = "Fusions et acquisitions", ["cloud"] = "Cloud", ["security"] = "Sécurité", ["telecoms"] = "Télécoms",
    };

    /// <summary>A theme as readers call it: French for a French <paramref name="language"/> (a two-letter code), else English.</summary>
    public static string Theme(string theme, string language) => (IsFrench(language) ? FrenchThemes : EnglishThemes).GetValueOrDefault(theme, theme);

    /// <summary>A country's short name from the knowledge files; the code when it is not known.</summary>
    public static string Country(string code, string language)
    {
        if (!CountriesByCode.TryGetValue(code, out var country))
        {
            return code;
        }

        var names = IsFrench(language) && country.Fr.Count > 0 ? country.Fr : country.En;
        return names.Count > 0 ? names[0] : country.Name;
    }

    /// <summary>A stored value of <paramref name="kind"/> (company, country, theme) as it reads in <paramref name="language"/>.</summary>
    public static string Of(string kind, string value, string language) => kind switch
    {
        "country" => Country(value, language),
        "theme" => Theme(value, language),
        _ => value,
    };

    private static bool IsFrench(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
}
